"""The belt's speeds as the runner learns them: what it runs at since when, the changes, and a
change the walker has been asked to make but has not yet confirmed."""

from __future__ import annotations

from retrowalk.coach.record import ChangedBy, SpeedChange
from retrowalk.domain.units import Speed


class BeltLog:
    def __init__(self) -> None:
        self.speeds: list[tuple[float, Speed]] = []
        self.changes: list[SpeedChange] = []
        self.pending: tuple[Speed, ChangedBy] | None = None

    @property
    def current(self) -> Speed | None:
        return self.speeds[-1][1] if self.speeds else None

    @property
    def wanted(self) -> Speed | None:
        """The speed being asked for, else the speed the belt runs at."""
        return self.pending[0] if self.pending is not None else self.current

    def runs_at(self, at: float, speed: Speed, by: ChangedBy) -> None:
        self.pending = None
        current = self.current
        if current == speed:
            return
        if current is not None:
            self.changes.append(SpeedChange(at, current, speed, by))
        self.speeds.append((at, speed))

    def confirm_pending(self, at: float) -> None:
        if self.pending is not None:
            self.runs_at(at, *self.pending)
