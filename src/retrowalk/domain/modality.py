"""The modality files (protocols/modalities/*.toml) as typed data: what each kind of equipment
progresses, in which order, and by how much (PROTOCOL.md §5 and §7)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from retrowalk.domain.rule_checks import Problem, RuleTable, above_zero, at_least


@dataclass(frozen=True, slots=True)
class MotorizedRules(RuleTable):
    kind: Literal["motorized_treadmill"]
    order: tuple[Literal["minutes", "speed", "incline"], ...]
    speed_step_mph: float
    max_speed_step_mph: float
    walking_limit_mph: float
    beginner_max_minimum_mph: float
    incline_first_percent: float
    max_incline_first_percent: float
    incline_step_percent: float
    max_incline_step_percent: float
    incline_speed_min_mph: float
    incline_speed_max_mph: float

    def problems(self) -> Iterator[Problem]:
        if not 0 < self.speed_step_mph <= self.max_speed_step_mph:
            yield "speed_step_mph", "must be above 0 and not above max_speed_step_mph"
        if not 0 < self.incline_first_percent <= self.max_incline_first_percent:
            yield "incline_first_percent", "must be above 0, not above max_incline_first_percent"
        if not 0 < self.incline_step_percent <= self.max_incline_step_percent:
            yield "incline_step_percent", "must be above 0, not above max_incline_step_percent"
        if not 0 < self.incline_speed_min_mph <= self.incline_speed_max_mph:
            yield "incline_speed_min_mph", "must be above 0 and not above incline_speed_max_mph"
        if self.incline_speed_max_mph >= self.walking_limit_mph:
            yield "incline_speed_max_mph", "must be below walking_limit_mph"
        yield from _order_problems(self.order)


@dataclass(frozen=True, slots=True)
class DeadmillRules(RuleTable):
    kind: Literal["deadmill"]
    order: tuple[Literal["minutes"], ...]
    assumed_speed_mph: float

    def problems(self) -> Iterator[Problem]:
        yield from _order_problems(self.order)
        yield from above_zero(self, "assumed_speed_mph")


@dataclass(frozen=True, slots=True)
class ManualRules(RuleTable):
    kind: Literal["manual_treadmill"]
    order: tuple[Literal["minutes", "resistance"], ...]
    start_level: int
    level_step: int
    assumed_speed_mph: float
    sloped_start_minutes: int
    sloped_bout_seconds_min: int
    sloped_bout_seconds_max: int
    sloped_extra_good_sessions: int

    def problems(self) -> Iterator[Problem]:
        yield from _order_problems(self.order)
        yield from at_least(self, 1, "start_level", "level_step")
        yield from above_zero(self, "assumed_speed_mph")
        yield from at_least(self, 1, "sloped_start_minutes")
        if not 0 < self.sloped_bout_seconds_min <= self.sloped_bout_seconds_max:
            yield "sloped_bout_seconds_min", "need 0 < sloped_bout_seconds_min <= ..._max"
        yield from at_least(self, 0, "sloped_extra_good_sessions")


@dataclass(frozen=True, slots=True)
class SledRules(RuleTable):
    kind: Literal["sled"]
    order: tuple[Literal["load", "distance", "sets"], ...]
    start_load_kg: float
    load_step_kg: float
    max_load_kg: float
    start_distance_m: int
    distance_step_m: int
    max_distance_m: int
    start_sets: int
    max_sets: int
    pace_m_per_min: float
    rest_minutes: float

    def problems(self) -> Iterator[Problem]:
        yield from _order_problems(self.order)
        if not 0 <= self.start_load_kg <= self.max_load_kg:
            yield "start_load_kg", "must be between 0 and max_load_kg"
        yield from above_zero(self, "load_step_kg")
        if not 1 <= self.start_distance_m <= self.max_distance_m:
            yield "start_distance_m", "must be between 1 and max_distance_m"
        yield from at_least(self, 1, "distance_step_m")
        if not 1 <= self.start_sets <= self.max_sets:
            yield "start_sets", "must be between 1 and max_sets"
        yield from above_zero(self, "pace_m_per_min")


@dataclass(frozen=True, slots=True)
class OutdoorRules(RuleTable):
    kind: Literal["outdoor"]
    order: tuple[Literal["minutes", "distance"], ...]
    assumed_speed_mph: float
    distance_step_m: int
    distance_round_m: int

    def problems(self) -> Iterator[Problem]:
        yield from _order_problems(self.order)
        yield from above_zero(self, "assumed_speed_mph")
        if self.distance_step_m < 1 or self.distance_round_m < 1:
            yield "distance_step_m", "distance_step_m and distance_round_m must be at least 1"


ModalityRules = MotorizedRules | DeadmillRules | ManualRules | SledRules | OutdoorRules


def _order_problems(order: tuple[str, ...]) -> Iterator[Problem]:
    if not order:
        yield "order", "must name at least one step"
    if len(set(order)) != len(order):
        yield "order", "names a step twice"
