"""Equipment of every kind in PROTOCOL.md §7, with its ranges and steps.

A motorized treadmill's speed and incline are grids: its minimum, then whole steps up to its
maximum (the way FTMS reports a supported range). Every prescribed value lies on the grid.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from retrowalk.domain.units import Speed, SpeedUnit, degrees_to_percent

_EPSILON = 1e-9


class EquipmentKind(StrEnum):
    MOTORIZED_TREADMILL = "motorized_treadmill"
    DEADMILL = "deadmill"
    MANUAL_TREADMILL = "manual_treadmill"
    SLED = "sled"
    OUTDOOR = "outdoor"


@dataclass(frozen=True, slots=True)
class Grid:
    """The values minimum, minimum + step, … up to maximum, in the machine's own unit."""

    minimum: float
    maximum: float
    step: float

    @property
    def top_index(self) -> int:
        return math.floor((self.maximum - self.minimum) / self.step + _EPSILON)

    def value_at(self, index: int) -> float:
        return round(self.minimum + max(0, min(index, self.top_index)) * self.step, 9)

    def index_below(self, value: float) -> int:
        """Index of the highest grid value at or below `value` (0 when below the minimum)."""
        return max(
            0, min(self.top_index, math.floor((value - self.minimum) / self.step + _EPSILON))
        )

    def index_above(self, value: float) -> int:
        """Index of the lowest grid value at or above `value` (the top when above the maximum)."""
        return max(0, min(self.top_index, math.ceil((value - self.minimum) / self.step - _EPSILON)))

    def floor(self, value: float) -> float:
        return self.value_at(self.index_below(value))

    def ceil(self, value: float) -> float:
        return self.value_at(self.index_above(value))

    @property
    def highest(self) -> float:
        return self.value_at(self.top_index)

    def contains(self, value: float) -> bool:
        """True when `value` is one of the grid's values."""
        if value < self.minimum - _EPSILON or value > self.maximum + _EPSILON:
            return False
        steps = (value - self.minimum) / self.step
        return abs(steps - round(steps)) < 1e-6


@dataclass(frozen=True, slots=True)
class MotorizedTreadmill:
    speed_unit: SpeedUnit
    speed_grid: Grid
    incline_grid: Grid
    handrails: bool
    safety_clip: bool

    kind = EquipmentKind.MOTORIZED_TREADMILL

    @property
    def minimum_speed(self) -> Speed:
        return Speed(self.speed_grid.minimum, self.speed_unit)

    @property
    def maximum_speed(self) -> Speed:
        return Speed(self.speed_grid.highest, self.speed_unit)

    @property
    def has_incline(self) -> bool:
        return self.incline_grid.highest > 0

    def speed_at_or_below(self, speed: Speed) -> Speed:
        """The fastest belt setting not above `speed` (the slowest setting if none is)."""
        return Speed(self.speed_grid.floor(speed.in_unit(self.speed_unit)), self.speed_unit)

    def speed_at_or_above(self, speed: Speed) -> Speed:
        return Speed(self.speed_grid.ceil(speed.in_unit(self.speed_unit)), self.speed_unit)


@dataclass(frozen=True, slots=True)
class Deadmill:
    """A motorized treadmill walked with the motor off: the walker drives the belt."""

    handrails: bool

    kind = EquipmentKind.DEADMILL


@dataclass(frozen=True, slots=True)
class ManualTreadmill:
    """A self-powered treadmill, often on a fixed deck incline, with resistance levels."""

    incline_degrees: float
    resistance_levels: int
    handrails: bool

    kind = EquipmentKind.MANUAL_TREADMILL

    @property
    def incline_percent(self) -> float:
        return degrees_to_percent(self.incline_degrees)


@dataclass(frozen=True, slots=True)
class Sled:
    start_load_kg: float | None = None
    max_load_kg: float | None = None

    kind = EquipmentKind.SLED


@dataclass(frozen=True, slots=True)
class Outdoor:
    spotter: bool = False

    kind = EquipmentKind.OUTDOOR


Equipment = MotorizedTreadmill | Deadmill | ManualTreadmill | Sled | Outdoor


def has_handrails(equipment: Equipment) -> bool:
    return isinstance(equipment, MotorizedTreadmill | Deadmill | ManualTreadmill) and (
        equipment.handrails
    )
