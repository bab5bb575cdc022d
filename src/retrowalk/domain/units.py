"""Units: speed in mph, km/h and m/s; incline as percent grade and degrees; body weight in kg
(as kept) and lb (as an imperial walker gives and reads it).

Speeds keep the unit they were given in, so a value on a treadmill's own grid (0.1 mph or
0.1 km/h steps) stays exact; conversion happens only when asked for.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

METRES_PER_SECOND_IN_ONE_MPH = 0.44704  # exact: 1 mile = 1609.344 m
METRES_PER_SECOND_IN_ONE_KMH = 1 / 3.6
KM_PER_MILE = 1.609344
KG_PER_LB = 0.45359237  # exact: the international avoirdupois pound


class SpeedUnit(StrEnum):
    MPH = "mph"
    KMH = "kmh"

    @property
    def label(self) -> str:
        return "mph" if self is _MPH else "km/h"

    @property
    def metres_per_second(self) -> float:
        return METRES_PER_SECOND_IN_ONE_MPH if self is _MPH else METRES_PER_SECOND_IN_ONE_KMH


# Read on every speed comparison: a module constant, since in Python 3.11 `SpeedUnit.MPH` goes
# through the hook of EnumType's `__getattr__` (issue 18).
_MPH = SpeedUnit.MPH


class UnitSystem(StrEnum):
    """The walker's preference for how speeds and distances are shown."""

    IMPERIAL = "imperial"
    METRIC = "metric"

    @property
    def speed_unit(self) -> SpeedUnit:
        return SpeedUnit.MPH if self is UnitSystem.IMPERIAL else SpeedUnit.KMH

    @property
    def weight_unit(self) -> str:
        return "lb" if self is UnitSystem.IMPERIAL else "kg"

    def weight_in_kg(self, value: float) -> float:
        """A body weight given in this system's unit (lb or kg), in kilograms."""
        return pounds_to_kg(value) if self is UnitSystem.IMPERIAL else value

    def weight_from_kg(self, kg: float) -> float:
        """A body weight kept in kilograms, in this system's unit."""
        return kg_to_pounds(kg) if self is UnitSystem.IMPERIAL else kg

    def describe_weight(self, kg: float) -> str:
        """'160 lb' or '72.5 kg': rounded for people, never for arithmetic."""
        return f"{format_number(self.weight_from_kg(kg))} {self.weight_unit}"


@dataclass(frozen=True, slots=True)
class Speed:
    """A belt or walking speed, kept in the unit it was given in."""

    value: float
    unit: SpeedUnit

    @classmethod
    def mph(cls, value: float) -> Speed:
        return cls(value, SpeedUnit.MPH)

    @classmethod
    def kmh(cls, value: float) -> Speed:
        return cls(value, SpeedUnit.KMH)

    @property
    def metres_per_second(self) -> float:
        return self.value * self.unit.metres_per_second

    @property
    def metres_per_minute(self) -> float:
        return self.metres_per_second * 60

    def in_unit(self, unit: SpeedUnit) -> float:
        """The value in `unit`; exact when the unit is already this speed's own."""
        if unit is self.unit:
            return self.value
        return self.metres_per_second / unit.metres_per_second

    def to(self, unit: SpeedUnit) -> Speed:
        return Speed(self.in_unit(unit), unit)

    # The comparisons read `_in_metres_per_second`, one plain call a side rather than two
    # nested property reads: the engine compares speeds at most sessions (issue 18).

    def __lt__(self, other: Speed) -> bool:
        return _in_metres_per_second(self) < _in_metres_per_second(other) - 1e-12

    def __le__(self, other: Speed) -> bool:
        return _in_metres_per_second(self) <= _in_metres_per_second(other) + 1e-12

    def __gt__(self, other: Speed) -> bool:
        # other < self
        return _in_metres_per_second(other) < _in_metres_per_second(self) - 1e-12

    def __ge__(self, other: Speed) -> bool:
        # other <= self
        return _in_metres_per_second(other) <= _in_metres_per_second(self) + 1e-12

    def describe(self, unit: SpeedUnit | None = None) -> str:
        """'0.6 mph': rounded for people, never for arithmetic."""
        shown = unit or self.unit
        return f"{format_number(self.in_unit(shown), 2)} {shown.label}"


def _in_metres_per_second(speed: Speed) -> float:
    """`speed.metres_per_second`, the same product, without its two property reads."""
    unit = speed.unit
    per = METRES_PER_SECOND_IN_ONE_MPH if unit is _MPH else METRES_PER_SECOND_IN_ONE_KMH
    return speed.value * per


def mph_to_kmh(mph: float) -> float:
    return mph * KM_PER_MILE


def kmh_to_mph(kmh: float) -> float:
    return kmh / KM_PER_MILE


def pounds_to_kg(pounds: float) -> float:
    return pounds * KG_PER_LB


def kg_to_pounds(kg: float) -> float:
    return kg / KG_PER_LB


def degrees_to_percent(degrees: float) -> float:
    """Grade in percent for a slope angle: rise over run, 100·tan(θ) (8° is 14.05 %)."""
    return 100.0 * math.tan(math.radians(degrees))


def percent_to_degrees(percent: float) -> float:
    return math.degrees(math.atan(percent / 100.0))


def format_number(value: float, places: int = 1) -> str:
    """A number rounded to `places` without trailing decimal zeros: 2 -> '2', 0.50 -> '0.5',
    1.25 -> '1.25', and 30 -> '30' (only zeros after a decimal point are dropped)."""
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
