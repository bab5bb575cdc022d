"""The engine's values: a decision with its reasons, and the state the engine folds.

The state keeps only counters, the last outcome and a few weekly pain averages, so it stays the
same size however long the history grows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from typing import Any

from retrowalk.domain.dose import Dose, DoseVariable, HandSupport
from retrowalk.domain.outcome import PainTrend, SessionOutcome, Verdict

# How far the current layoff has already stepped the dose back (a layoff de-loads only once).
DELOADED = 1
RESTARTED = 2


class StopCause(StrEnum):
    """Why walking stopped until a clinician has looked (PROTOCOL.md §11, stop and refer)."""

    KNEE_SYMPTOMS = "knee_symptoms"
    SEVERE_PAIN = "severe_pain"
    PAIN_OVER_REPEATED = "pain_over_repeated"
    MORNING_OVER_REPEATED = "morning_over_repeated"
    SHARP_PAIN_REPEATED = "sharp_pain_repeated"
    BELOW_START = "below_start"


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
class Watch:
    """What the rules of PROTOCOL.md §11 follow from session to session: the runs that lead to a
    stop, the last sharp pain, recent step-ups, the plan's first day, hands to give back, how long
    pain or form has held the dose, and a pain trend already referred to a clinician. Kept apart
    from the counts every session changes, so most sessions leave it as it is."""

    # A stop names its cause; None with `stopped` is an older snapshot's stop (knee symptoms).
    stop_cause: StopCause | None = None
    # Walked sessions in a row with pain during or after, or the next morning, above the limit.
    pain_over_streak: int = 0
    morning_over_streak: int = 0
    # Walked sessions in a row with hard effort at a low dose.
    hard_effort_streak: int = 0
    sharp_pain_on: date | None = None
    # The dates of the last step-ups, as many as the pacing rule looks at.
    step_ups: tuple[date, ...] = ()
    # The day of the plan's first session (None in snapshots from before it was kept).
    started_on: date | None = None
    # Hand support to give back after a session with both hands on (new incline, long gap).
    hands_restore: HandSupport | None = None
    one_hand_since: date | None = None
    # Since when pain or form has held the dose without any change.
    held_since: date | None = None
    # A rising weekly pain trend has already led to "talk to a clinician".
    trend_referred: bool = False


@dataclass(frozen=True, slots=True)
class EngineState:
    """The fields after `trend` came with PROTOCOL.md §11 and have defaults, so an older stored
    snapshot reads as a state with none of those counts yet (store/state_codec.py)."""

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
    # Reported, settled next mornings among the current good streak.
    settled_mornings: int = 0
    # The last dose walked in full with pain known to be acceptable: what a restart halves.
    tolerated: Dose | None = None
    watch: Watch = field(default_factory=Watch)


STATE_FIELDS = tuple(f.name for f in fields(EngineState))


def evolved(state: EngineState, changes: dict[str, Any]) -> EngineState:
    """`state` with `changes`: `dataclasses.replace` without its per-call bookkeeping (the engine
    folds one of these per session)."""
    values = {name: getattr(state, name) for name in STATE_FIELDS if name not in changes}
    return EngineState(**values, **changes)
