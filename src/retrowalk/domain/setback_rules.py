"""The numbers of PROTOCOL.md §11 ("When things go wrong") that have tables of their own.

Like the rest of the protocol they only describe and check; `problems()` names each broken rule by
its key. The §11 numbers that refine an older table (the next-morning grades in `[pain]`, the
restart in `[layoff]`, the days at one hand in `[hands]`) live in that table.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from retrowalk.domain.rule_checks import Problem, RuleTable, at_least, between


@dataclass(frozen=True, slots=True)
class StopRules(RuleTable):
    """When walking stops until a clinician has looked (stop and refer)."""

    severe_pain: int
    over_limit_sessions: int
    morning_over_sessions: int
    sharp_pain_days: int

    def problems(self) -> Iterator[Problem]:
        yield from between(self, "severe_pain", 1, 10)
        yield from at_least(
            self, 1, "over_limit_sessions", "morning_over_sessions", "sharp_pain_days"
        )


@dataclass(frozen=True, slots=True)
class PacingRules(RuleTable):
    """Progression paced by the calendar as well as by sessions."""

    step_ups_per_window: int
    window_days: int

    def problems(self) -> Iterator[Problem]:
        yield from between(self, "step_ups_per_window", 1, 7)
        yield from between(self, "window_days", 1, 28)


@dataclass(frozen=True, slots=True)
class EffortRules(RuleTable):
    """Hard effort at a low dose: step down and ask about the heart and lungs."""

    hard_rpe: int
    hard_sessions_to_step_down: int

    def problems(self) -> Iterator[Problem]:
        if not 1 <= self.hard_rpe <= 10:
            yield "hard_rpe", "must be between 1 and 10 (the 0-10 effort scale)"
        yield from at_least(self, 1, "hard_sessions_to_step_down")


@dataclass(frozen=True, slots=True)
class StagnationRules(RuleTable):
    """A dose that pain or form has held too long: suggest the clinician."""

    held_days: int

    def problems(self) -> Iterator[Problem]:
        yield from at_least(self, 7, "held_days")


@dataclass(frozen=True, slots=True)
class PlausibleRules(RuleTable):
    """How far from the prescription a typed log may be before it is asked about (PROTOCOL.md
    §11, "Implausible logs")."""

    minutes_factor: float
    speed_steps: int

    def problems(self) -> Iterator[Problem]:
        if self.minutes_factor < 1:
            yield "minutes_factor", "must be at least 1 (the prescription itself is plausible)"
        if self.speed_steps < 1:
            yield "speed_steps", "must be at least 1 (one belt step above is plausible)"
