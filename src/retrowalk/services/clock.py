"""Time, injected: the use cases ask a clock for today and now, never the wall."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    def today(self) -> date: ...

    def now(self) -> datetime:
        """Now, in UTC, without tzinfo: the form the store keeps timestamps in."""
        ...


class SystemClock:
    def today(self) -> date:
        return date.today()

    def now(self) -> datetime:
        return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


@dataclass
class FixedClock:
    """A clock that stays where it is put (tests, simulations, imports)."""

    current: datetime

    def today(self) -> date:
        return self.current.date()

    def now(self) -> datetime:
        return self.current
