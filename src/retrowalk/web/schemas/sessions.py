"""Logged sessions: one logged by hand (in), a change to one (in), and a logged one with the
session planned after it (out). The session and entry shapes are shared with the CLI's `--json`
(services/public_sessions.py)."""

from __future__ import annotations

from typing import Any

from pydantic import create_model, field_validator

from retrowalk.domain.outcome_fields import OUTCOME_NAMES
from retrowalk.services.calendar_date import CalendarDate
from retrowalk.services.commands import Command
from retrowalk.services.log_entry import EntryIn
from retrowalk.services.log_session import LogBody, Logged
from retrowalk.services.public import PlannedPublic, Public
from retrowalk.services.public_sessions import HistoryItemPublic, SessionPublic
from retrowalk.services.scenario import Pain

__all__ = [
    "HistoryItemPublic",
    "LoggedPublic",
    "NextMorningCreate",
    "SessionCreate",
    "SessionPublic",
    "SessionUpdate",
]


def _printable(text: str) -> str:
    if "\x00" in text:
        raise ValueError("remove the NUL character (\\x00) from the text")
    return text


class SessionCreate(LogBody):
    """A session logged by hand (or by a script): the outcome and, optionally, what was done,
    the date (default today) and per-second samples from a device. `seq`, the planned session
    meant (as `GET .../today` gives it), makes a send safe to repeat: once that session is
    logged, sending it again is a 409 and logs nothing. Left out, the pending session is logged.

    Minutes more than twice the prescribed, a speed more than one belt step above it, an incline
    above it, or a second session for one day are refused (422, naming the field) until sent
    again with `"confirm": true`; then they are logged as given. Answers left out are unknown."""

    _notes = field_validator("notes")(_printable)


def _kept_unless_given(name: str) -> tuple[Any, None]:
    """The log body's field `name`, with its rules, made optional: left out, it keeps its value."""
    return EntryIn.model_fields[name].rebuild_annotation() | None, None


# What an edit may change: every answer (from the one list of them), the hands and the notes.
_EDITABLE: dict[str, Any] = {
    name: _kept_unless_given(name) for name in (*OUTCOME_NAMES, "hands_used", "notes")
}
_Edits = create_model("Edits", __base__=Command, **_EDITABLE)


class SessionUpdate(_Edits):
    """The fields to change in a logged session; those left out keep their values. A value
    changed far from the prescription is refused (422) until sent with `"confirm": true`."""

    confirm: bool = False

    _notes = field_validator("notes")(lambda text: text if text is None else _printable(text))

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True, exclude={"confirm"})


class NextMorningCreate(Command):
    pain: Pain
    date: CalendarDate | None = None


class LoggedPublic(Public):
    """A session just logged, and the next one the engine planned from it."""

    session: SessionPublic
    next: PlannedPublic
    summary: str

    @classmethod
    def of(cls, logged: Logged, summary: str) -> LoggedPublic:
        return cls(
            session=SessionPublic.of(logged.log),
            next=PlannedPublic.of(logged.next_session),
            summary=summary,
        )
