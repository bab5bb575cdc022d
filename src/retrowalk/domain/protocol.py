"""The protocol as typed data: every number the engine uses, loaded from protocols/*.toml.

The dataclasses here only describe and check; reading the files is the loader's job
(`retrowalk.protocols`). `problems()` returns every rule a well-typed file can still break,
each with the dotted key it concerns, so a clinician editing a file learns exactly what to fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields, is_dataclass

from retrowalk.domain.rule_checks import Problem, RuleTable, above_zero, at_least, between
from retrowalk.domain.setback_rules import (
    EffortRules,
    PacingRules,
    PlausibleRules,
    StagnationRules,
    StopRules,
)
from retrowalk.domain.walker import Condition


@dataclass(frozen=True, slots=True)
class PainRules(RuleTable):
    """Pain is rated 0-10; the pain-monitoring model's zones (PROTOCOL.md §6)."""

    safe_max: int
    acceptable_max: int
    progress_max: int
    next_morning_margin: int
    next_morning_step_down_margin: int
    rising_weeks: int
    rising_min_increase: float

    def problems(self) -> Iterator[Problem]:
        if not 0 <= self.safe_max <= self.acceptable_max <= 10:
            yield "safe_max", "need 0 <= safe_max <= acceptable_max <= 10"
        if not 0 <= self.progress_max <= self.acceptable_max:
            yield "progress_max", f"must be between 0 and acceptable_max ({self.acceptable_max})"
        if not 0 <= self.next_morning_margin < self.next_morning_step_down_margin <= 10:
            yield "next_morning_margin", "need 0 <= next_morning_margin < step_down_margin <= 10"
        yield from at_least(self, 1, "rising_weeks")
        yield from above_zero(self, "rising_min_increase")


@dataclass(frozen=True, slots=True)
class ReadinessRules(RuleTable):
    good_sessions_to_progress: int
    initial_sessions: int
    rpe_progress_max: int
    over_limit_repeats_to_regress: int
    partial_repeats_to_regress: int
    regressions_to_pause: int
    settled_mornings_to_progress: int

    def problems(self) -> Iterator[Problem]:
        if not 1 <= self.settled_mornings_to_progress <= self.good_sessions_to_progress:
            yield "settled_mornings_to_progress", "must be between 1 and good_sessions_to_progress"
        yield from at_least(
            self,
            1,
            "good_sessions_to_progress",
            "initial_sessions",
            "over_limit_repeats_to_regress",
            "partial_repeats_to_regress",
            "regressions_to_pause",
        )
        if not 0 <= self.rpe_progress_max <= 10:
            yield "rpe_progress_max", "must be between 0 and 10 (the 0-10 effort scale)"


@dataclass(frozen=True, slots=True)
class LayoffRules(RuleTable):
    deload_after_days: int
    restart_after_days: int
    deload_minutes_fraction: float
    restart_fraction: float

    def problems(self) -> Iterator[Problem]:
        if not 0 < self.restart_fraction <= 1:
            yield "restart_fraction", "must be above 0 and at most 1"
        yield from at_least(self, 2, "deload_after_days")
        if self.restart_after_days <= self.deload_after_days:
            yield "restart_after_days", "must be above deload_after_days"
        if not 0 < self.deload_minutes_fraction < 1:
            yield "deload_minutes_fraction", "must be between 0 and 1"


@dataclass(frozen=True, slots=True)
class ScheduleRules(RuleTable):
    rest_day_weeks: int

    def problems(self) -> Iterator[Problem]:
        yield from at_least(self, 0, "rest_day_weeks")


@dataclass(frozen=True, slots=True)
class SetRules(RuleTable):
    max_set_minutes: float
    rest_minutes: float

    def problems(self) -> Iterator[Problem]:
        yield from between(self, "max_set_minutes", 1, 60)
        yield from between(self, "rest_minutes", 0, 10)


@dataclass(frozen=True, slots=True)
class MinuteRules(RuleTable):
    step: int
    max_step: int
    floor: int

    def problems(self) -> Iterator[Problem]:
        if not 1 <= self.step <= self.max_step:
            yield "step", f"must be between 1 and max_step ({self.max_step})"
        yield from at_least(self, 1, "floor")


@dataclass(frozen=True, slots=True)
class HandRules(RuleTable):
    stable_reports_to_wean: int
    sessions_before_wean: int
    balance_days_at_one_hand: int

    def problems(self) -> Iterator[Problem]:
        yield from at_least(self, 0, "balance_days_at_one_hand")
        yield from at_least(self, 1, "stable_reports_to_wean")
        yield from at_least(self, 0, "sessions_before_wean")


@dataclass(frozen=True, slots=True)
class CautionRules(RuleTable):
    """The cautious start for yellow flags such as rest pain 4-6."""

    start_minutes: int
    extra_good_sessions: int

    def problems(self) -> Iterator[Problem]:
        yield from at_least(self, 1, "start_minutes")
        yield from at_least(self, 0, "extra_good_sessions")


@dataclass(frozen=True, slots=True)
class ScreeningRules(RuleTable):
    """Thresholds of PROTOCOL.md §9's screening questions."""

    rest_pain_red: int
    rest_pain_yellow: int
    recent_surgery_days: int
    supervised_after_replacement_days: int
    falls_for_balance_risk: int
    balance_limits_age: int
    minimum_age: int

    def problems(self) -> Iterator[Problem]:
        if not 0 < self.rest_pain_yellow < self.rest_pain_red <= 10:
            yield "rest_pain_yellow", "need 0 < rest_pain_yellow < rest_pain_red <= 10"
        yield from at_least(self, 1, "recent_surgery_days")
        if not 0 <= self.supervised_after_replacement_days <= self.recent_surgery_days:
            yield "supervised_after_replacement_days", "must be between 0 and recent_surgery_days"
        yield from at_least(self, 1, "falls_for_balance_risk")
        if not 1 <= self.minimum_age < self.balance_limits_age:
            yield "minimum_age", "need 1 <= minimum_age < balance_limits_age"


@dataclass(frozen=True, slots=True)
class EnergyRules(RuleTable):
    backward_factor: float
    kcal_per_litre_oxygen: float
    acsm_valid_from_m_per_min: float
    resting_vo2: float

    def problems(self) -> Iterator[Problem]:
        if not 1 <= self.backward_factor <= 2:
            yield "backward_factor", "must be between 1 and 2 (studies give 1.3-1.6)"
        yield from above_zero(self, "kcal_per_litre_oxygen", "resting_vo2")


@dataclass(frozen=True, slots=True)
class Population(RuleTable):
    """One row of PROTOCOL.md §4's table: start dose, targets and ceilings for a group."""

    start_minutes: int
    target_minutes: int
    start_speed_mph: float
    speed_ceiling_mph: float
    incline_ceiling_percent: float
    sessions_per_week_min: int
    sessions_per_week_max: int
    extended_target_minutes: int | None = None
    sessions_before_wean: int | None = None

    def problems(self) -> Iterator[Problem]:
        if not 1 <= self.start_minutes <= self.target_minutes:
            yield "start_minutes", f"must be between 1 and target_minutes ({self.target_minutes})"
        if self.extended_target_minutes is not None and (
            self.extended_target_minutes < self.target_minutes
        ):
            yield "extended_target_minutes", "must not be below target_minutes"
        if not 0 < self.start_speed_mph <= self.speed_ceiling_mph:
            yield "start_speed_mph", "must be above 0 and not above speed_ceiling_mph"
        yield from at_least(self, 0, "incline_ceiling_percent")
        if not 1 <= self.sessions_per_week_min <= self.sessions_per_week_max <= 7:
            yield "sessions_per_week_min", "need 1 <= sessions_per_week_min <= max <= 7"


@dataclass(frozen=True, slots=True)
class Protocol(RuleTable):
    """A population protocol (default, post-surgery, athlete): everything but the modality."""

    name: str
    title: str
    conditions: tuple[Condition, ...]
    pain: PainRules
    readiness: ReadinessRules
    layoff: LayoffRules
    schedule: ScheduleRules
    sets: SetRules
    minutes: MinuteRules
    hands: HandRules
    caution: CautionRules
    screening: ScreeningRules
    energy: EnergyRules
    stop: StopRules
    pacing: PacingRules
    effort: EffortRules
    stagnation: StagnationRules
    plausible: PlausibleRules
    experienced_target_minutes: int
    severe: Population
    populations: dict[Condition, Population] = field(default_factory=dict)

    def problems(self) -> Iterator[Problem]:
        yield from _nested_problems(self, "")
        for condition in self.conditions:
            if condition not in self.populations:
                yield "conditions", f"{condition} has no [populations.{condition}] table"
        if Condition.BALANCE not in self.populations:
            yield "populations", "needs a balance row (used for walkers with a balance risk)"

    def population(self, condition: Condition) -> Population:
        return self.populations[condition]


def _nested_problems(node: object, prefix: str) -> Iterator[Problem]:
    """Problems of every nested rule table, keyed by their dotted path."""
    if not is_dataclass(node):
        return
    for item in fields(node):
        value = getattr(node, item.name)
        children = value.items() if isinstance(value, dict) else [(item.name, value)]
        for name, child in children:
            path = f"{prefix}{item.name}." if isinstance(value, dict) else prefix
            check = getattr(child, "problems", None)
            if check is not None and not isinstance(child, Protocol):
                for key, problem in check():
                    yield f"{path}{name}.{key}", problem
