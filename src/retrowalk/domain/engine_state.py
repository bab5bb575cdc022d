"""The engine's values: a decision with its reasons, and the state the engine folds.

The state keeps only counters, the last outcome and a few weekly pain averages, so it stays the
same size however long the history grows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from retrowalk.domain.dose import Dose, DoseVariable
from retrowalk.domain.outcome import PainTrend, SessionOutcome, Verdict

# How far the current layoff has already stepped the dose back (a layoff de-loads only once).
DELOADED = 1
RESTARTED = 2


class DecisionKind(StrEnum):
    START = "start"
    PROGRESS = "progress"
    HOLD = "hold"
    REGRESS = "regress"
    DELOAD = "deload"
    PAUSED = "paused"


@dataclass(frozen=True, slots=True)
class Decision:
    kind: DecisionKind
    dose: Dose
    changed: DoseVariable | None
    reasons: tuple[str, ...]
    walk: bool = True
    stepped_down: bool = False
    pauses: bool = False
    resets_trend: bool = False
    acts_on_trend: bool = False


@dataclass(frozen=True, slots=True)
class EngineState:
    dose: Dose
    walked: int = 0
    good_streak: int = 0
    streak_peak_pain: int = 0
    stable_streak: int = 0
    over_limit_streak: int = 0
    partial_streak: int = 0
    step_downs: int = 0
    last_increase: tuple[DoseVariable, Dose] | None = None
    last_walked_on: date | None = None
    last_verdict: Verdict | None = None
    last_outcome: SessionOutcome | None = None
    paused: bool = False
    stopped: bool = False
    layoff_steps: int = 0
    resume_lower: bool = False
    trend: PainTrend = field(default_factory=PainTrend)
