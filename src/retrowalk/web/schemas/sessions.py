"""Logged sessions: one logged by hand (in), a change to one (in), and a logged one (out)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, field_validator

from retrowalk.domain.dose import HandSupport
from retrowalk.services.calendar_date import CalendarDate
from retrowalk.services.commands import Command
from retrowalk.services.log_entry import EntryIn, Minutes, SampleIn
from retrowalk.services.log_session import Logged, Seq
from retrowalk.services.records import LoggedEntry, LoggedSession, SessionLog
from retrowalk.services.scenario import Pain
from retrowalk.web.schemas.common import DecisionPublic, NextPublic, Public, SpeedPublic


def _printable(text: str) -> str:
    if "\x00" in text:
        raise ValueError("remove the NUL character (\\x00) from the text")
    return text


class SessionCreate(EntryIn):
    """A session logged by hand (or by a script): the outcome and, optionally, what was done,
    the date (default today) and per-second samples from a device. `seq`, the planned session
    meant (as `GET .../today` gives it), makes a send safe to repeat: once that session is
    logged, sending it again is a 409 and logs nothing. Left out, the pending session is logged.

    Minutes more than twice the prescribed, a speed more than one belt step above it, an incline
    above it, or a second session for one day are refused (422, naming the field) until sent
    again with `"confirm": true`; then they are logged as given. Answers left out are unknown."""

    seq: Seq | None = None
    samples: tuple[SampleIn, ...] = ()
    confirm: bool = False

    _notes = field_validator("notes")(_printable)


class SessionUpdate(Command):
    """The fields to change in a logged session; those left out keep their values. A value
    changed far from the prescription is refused (422) until sent with `"confirm": true`."""

    done: bool | None = None
    minutes_done: Minutes | None = None
    pain_during: Pain | None = None
    pain_after: Pain | None = None
    pain_next_morning: Pain | None = None
    rpe: int | None = Field(default=None, ge=0, le=10)
    sharp_pain: bool | None = None
    stable_without_hands: bool | None = None
    form_ok: bool | None = None
    hands_used: HandSupport | None = None
    notes: str | None = Field(default=None, max_length=4000)

    confirm: bool = False

    _notes = field_validator("notes")(lambda text: text if text is None else _printable(text))

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True, exclude={"confirm"})


class NextMorningCreate(Command):
    pain: Pain
    date: CalendarDate | None = None


class EntryPublic(Public):
    """A logged session's entry; null for an answer the walker did not give (unknown), and
    `stop_reason` says why the walk stopped before its end (null: it did not, or not said)."""

    done: bool
    minutes_done: float | None
    pain_during: int | None
    pain_after: int | None
    pain_next_morning: int | None
    rpe: int | None
    sharp_pain: bool | None
    stable_without_hands: bool
    form_ok: bool | None
    swelling: bool | None
    locking: bool | None
    giving_way: bool | None
    hands_used: str | None
    speed_done: SpeedPublic | None
    incline_done_percent: float | None
    notes: str
    source: str
    stop_reason: str | None

    @classmethod
    def of(cls, entry: LoggedEntry) -> EntryPublic:
        outcome, performed = entry.outcome, entry.performed
        known = entry.next_morning_on is not None
        return cls(
            done=outcome.done,
            minutes_done=outcome.minutes_done,
            pain_during=outcome.pain_during,
            pain_after=outcome.pain_after,
            pain_next_morning=outcome.pain_next_morning if known else None,
            rpe=outcome.rpe,
            sharp_pain=outcome.sharp_pain,
            stable_without_hands=outcome.stable_without_hands,
            form_ok=outcome.form_ok,
            swelling=outcome.swelling,
            locking=outcome.locking,
            giving_way=outcome.giving_way,
            hands_used=None if performed.hands is None else performed.hands.value,
            speed_done=SpeedPublic.of(performed.speed),
            incline_done_percent=performed.incline_percent,
            notes=entry.notes,
            source=entry.source.value,
            stop_reason=None if entry.stop_reason is None else entry.stop_reason.value,
        )


class SessionPublic(Public):
    id: int
    on: dt.date
    deleted: bool
    entry: EntryPublic

    @classmethod
    def of(cls, log: SessionLog) -> SessionPublic:
        return cls(id=log.id, on=log.on, deleted=log.deleted, entry=EntryPublic.of(log.entry))


class HistoryItemPublic(Public):
    id: int
    seq: int
    on: dt.date
    prescribed: DecisionPublic
    entry: EntryPublic

    @classmethod
    def of(cls, logged: LoggedSession) -> HistoryItemPublic:
        return cls(
            id=logged.log_id,
            seq=logged.seq,
            on=logged.on,
            prescribed=DecisionPublic.of(logged.prescribed),
            entry=EntryPublic.of(logged.entry),
        )


class LoggedPublic(Public):
    """A session just logged, and the next one the engine planned from it."""

    session: SessionPublic
    next: NextPublic
    summary: str

    @classmethod
    def of(cls, logged: Logged, summary: str) -> LoggedPublic:
        following = logged.next_session
        return cls(
            session=SessionPublic.of(logged.log),
            next=NextPublic(on=following.on, decision=DecisionPublic.of(following.decision)),
            summary=summary,
        )
