"""The history of logged sessions: each with the dose prescribed beside what was done."""

from __future__ import annotations

from pydantic import model_validator

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
