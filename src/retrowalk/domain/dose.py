"""A dose: the handful of numbers that make one session (PROTOCOL.md §3)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from retrowalk.domain.units import Speed


class HandSupport(StrEnum):
    BOTH = "both"
    ONE = "one"
    NONE = "none"

    def weaned(self) -> HandSupport | None:
        """One hand less on the rails, or None when already hands-free."""
        return {HandSupport.BOTH: HandSupport.ONE, HandSupport.ONE: HandSupport.NONE}.get(self)

    def describe(self) -> str:
        return {
            HandSupport.BOTH: "both hands on the rails",
            HandSupport.ONE: "one hand on a rail",
            HandSupport.NONE: "hands free",
        }[self]


class DoseVariable(StrEnum):
    """What a decision changed. `sets` is the sled's third step (PROTOCOL.md §7)."""

    MINUTES = "minutes"
    SPEED = "speed"
    INCLINE = "incline"
    HAND_SUPPORT = "hand_support"
    RESISTANCE = "resistance"
    LOAD = "load"
    DISTANCE = "distance"
    SETS = "sets"


_FIELD_OF = {
    DoseVariable.MINUTES: "minutes",
    DoseVariable.SPEED: "speed",
    DoseVariable.INCLINE: "incline_percent",
    DoseVariable.HAND_SUPPORT: "hands",
    DoseVariable.RESISTANCE: "resistance_level",
    DoseVariable.LOAD: "load_kg",
    DoseVariable.DISTANCE: "distance_m",
    DoseVariable.SETS: "set_count",
}

DoseValue = float | int | Speed | HandSupport | None


@dataclass(frozen=True, slots=True)
class Dose:
    """One session's prescription. Fields a piece of equipment has no use for stay None.

    `minutes` is the walking time; for a sled it follows from sets, distance and pace.
    """

    minutes: float
    hands: HandSupport
    speed: Speed | None = None
    incline_percent: float = 0.0
    resistance_level: int | None = None
    load_kg: float | None = None
    distance_m: int | None = None
    set_count: int | None = None

    def value_of(self, variable: DoseVariable) -> DoseValue:
        value: DoseValue = getattr(self, _FIELD_OF[variable])
        return value

    def with_value(self, variable: DoseVariable, value: DoseValue) -> Dose:
        changes: dict[str, Any] = {_FIELD_OF[variable]: value}
        return replace(self, **changes)

    def changed_variables(self, other: Dose, among: tuple[DoseVariable, ...]) -> list[DoseVariable]:
        """The variables in `among` whose values differ between the two doses."""
        return [v for v in among if self.value_of(v) != other.value_of(v)]
