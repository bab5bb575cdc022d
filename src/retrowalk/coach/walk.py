"""Today's walk as the live coach receives it, whatever it came from (a scenario file today, the
database once storage is wired in)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from retrowalk.domain.dose import Dose
from retrowalk.domain.equipment import MotorizedTreadmill
from retrowalk.domain.todays_limits import TodaysLimits
from retrowalk.domain.treadmill_record import MphVerdict
from retrowalk.domain.units import Speed, SpeedUnit


@dataclass(frozen=True, slots=True)
class TodaysWalk:
    """The dose and how it splits, plus what the coach needs to talk about it.

    `previous_speed` is the last walked session's speed: when today's is higher, the first set
    starts at the old speed for a while before stepping up. `treadmill` is None for equipment
    without a belt speed; `speed_ceiling` is the highest speed a manual change may reach;
    `mph_verdict` is what the equipment profile knows of a connected treadmill's speed unit.
    """

    dose: Dose
    sets: tuple[float, ...]
    rest_minutes: float
    unit: SpeedUnit
    previous_speed: Speed | None = None
    treadmill: MotorizedTreadmill | None = None
    speed_ceiling: Speed | None = None
    label: str = "today's session"
    mph_verdict: MphVerdict | None = None

    @property
    def limits(self) -> TodaysLimits:
        """What a belt setting asked for today may reach (without a treadmill grid, today's
        speed is the ceiling)."""
        return TodaysLimits(self.speed_ceiling or self.dose.speed, self.dose.incline_percent)


class WalkSource(Protocol):
    """Where today's walk comes from (what a walk finds about the treadmill is logged with it,
    in the completed session's device trace)."""

    def todays_walk(self) -> TodaysWalk: ...
