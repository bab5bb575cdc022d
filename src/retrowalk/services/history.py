"""The history of logged sessions: each with the dose prescribed beside what was done, and the
decision it led to (the next session's prescription, with the engine's reasons)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import model_validator

from retrowalk.domain.engine_state import Decision, DecisionKind
from retrowalk.services.calendar_date import CalendarDate
from retrowalk.services.commands import Command
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import LoggedSession
from retrowalk.services.walker_plan import require_walker


class Period(Command):
    """A walker and an optional date range, both ends included."""

    walker_id: int
    since: CalendarDate | None = None
    until: CalendarDate | None = None

    @model_validator(mode="after")
    def _in_order(self) -> Period:
        if self.since is not None and self.until is not None and self.since > self.until:
            raise ValueError(f"since ({self.since}) must not be after until ({self.until})")
        return self


def history(period: Period, uow: UnitOfWork) -> list[LoggedSession]:
    with uow.reading():
        walker = require_walker(uow, period.walker_id)
        return uow.sessions.history(walker.id, period.since, period.until)


# What a clinician looks for first: the sessions after which the dose went down or walking stopped.
SETBACK_KINDS = frozenset({DecisionKind.REGRESS, DecisionKind.DELOAD, DecisionKind.PAUSED})


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """A logged session and the decision it led to: the prescription of the session after it,
    None until the engine has planned that one (nothing is planned after a walker's last
    session while a plan stands, so this is rare)."""

    logged: LoggedSession
    led_to: Decision | None

    @property
    def setback(self) -> bool:
        """The dose went down or walking stopped after it, or the walk itself stopped early."""
        followed = self.led_to
        stepped_down = followed is not None and (
            followed.kind in SETBACK_KINDS or followed.stepped_down or not followed.walk
        )
        return stepped_down or self.logged.entry.stop_reason is not None


def session_records(period: Period, uow: UnitOfWork) -> list[SessionRecord]:
    """The period's sessions, oldest first, each with the decision it led to (found after the
    period's end too: the last session of a range led somewhere)."""
    with uow.reading():
        return records_in(uow, require_walker(uow, period.walker_id).id, period)


def records_in(uow: UnitOfWork, walker_id: int, period: Period) -> list[SessionRecord]:
    """`session_records`, inside a unit of work the caller has open."""
    sessions = uow.sessions.history(walker_id, period.since, None)
    latest = uow.sessions.latest_planned(walker_id)
    decided = {logged.seq: logged.prescribed for logged in sessions}
    if latest is not None:
        decided.setdefault(latest.seq, latest.decision)
    return [
        SessionRecord(logged, decided.get(logged.seq + 1))
        for logged in sessions
        if period.until is None or logged.on <= period.until
    ]
