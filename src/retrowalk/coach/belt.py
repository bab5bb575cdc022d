"""The belt port: who changes the treadmill's speed, and the dial for manual changes.

Without a connected treadmill the walker sets the console by hand: the coach says what to set
and, unless told not to wait, waits for Enter. A connected treadmill applies the setting itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from retrowalk.domain.equipment import MotorizedTreadmill
from retrowalk.domain.units import Speed


@dataclass(frozen=True, slots=True)
class BeltSetting:
    """What the belt should do; `speed` None with `moving` False is a stopped belt."""

    speed: Speed | None
    incline_percent: float = 0.0
    moving: bool = True


class Belt(Protocol):
    @property
    def walker_confirms(self) -> bool:
        """True when the walker sets the console by hand and presses Enter when done."""
        ...

    def apply(self, setting: BeltSetting) -> bool:
        """True when the treadmill took the setting itself; False when the walker must."""
        ...


@dataclass(frozen=True, slots=True)
class HandSetBelt:
    """No connected treadmill: the walker sets the console. `confirm=False` trusts them to do
    it without pressing Enter (scripts and demonstrations)."""

    confirm: bool = True

    @property
    def walker_confirms(self) -> bool:
        return self.confirm

    def apply(self, setting: BeltSetting) -> bool:
        return False


@dataclass(frozen=True, slots=True)
class SpeedDial:
    """Manual speed changes: one step of the treadmill's own grid, never above `ceiling`."""

    treadmill: MotorizedTreadmill
    ceiling: Speed

    def faster(self, speed: Speed) -> Speed | None:
        grid, unit = self.treadmill.speed_grid, self.treadmill.speed_unit
        raised = Speed(grid.value_at(grid.index_below(speed.in_unit(unit)) + 1), unit)
        return raised if speed < raised <= self.ceiling else None

    def slower(self, speed: Speed) -> Speed | None:
        grid, unit = self.treadmill.speed_grid, self.treadmill.speed_unit
        lowered = Speed(grid.value_at(grid.index_above(speed.in_unit(unit)) - 1), unit)
        return lowered if lowered < speed else None
