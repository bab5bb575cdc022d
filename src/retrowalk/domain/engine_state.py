"""The engine's values: a decision with its reasons, and the state the engine folds.

The state keeps only counters, the last outcome and a few weekly pain averages, so it stays the
same size however long the history grows.

The fold builds a state every session, so it builds them with `next_state`, which sets the
slots of a settable twin (frozen.py) instead of calling `object.__setattr__` per field (issue 18).
The decision is in decision.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from typing import Any

from retrowalk.domain.decision import Decision as Decision
from retrowalk.domain.decision import DecisionKind as DecisionKind
from retrowalk.domain.decision import Wording as Wording
from retrowalk.domain.decision import amended as amended
from retrowalk.domain.decision import worded_later as worded_later
from retrowalk.domain.dose import Dose, DoseVariable, HandSupport
from retrowalk.domain.frozen import settable_twin
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
WATCH_FIELDS = tuple(f.name for f in fields(Watch))
_SettableState = settable_twin(EngineState)
_SettableWatch = settable_twin(Watch)


def next_state(
    dose: Dose,
    walked: int,
    good_streak: int,
    streak_peak_pain: int,
    stable_streak: int,
    over_limit_streak: int,
    partial_streak: int,
    step_downs: int,
    last_increase: tuple[DoseVariable, Dose] | None,
    last_walked_on: date | None,
    last_verdict: Verdict | None,
    last_outcome: SessionOutcome | None,
    paused: bool,
    stopped: bool,
    layoff_steps: int,
    resume_lower: bool,
    trend: PainTrend,
    settled_mornings: int,
    tolerated: Dose | None,
    watch: Watch,
) -> EngineState:
    """An EngineState from every one of its fields (in their order, as `STATE_FIELDS`), built
    as its settable twin (frozen.py): the same value `EngineState(...)` makes, for a fraction
    of the cost."""
    state: Any = _SettableState()
    state.dose = dose
    state.walked = walked
    state.good_streak = good_streak
    state.streak_peak_pain = streak_peak_pain
    state.stable_streak = stable_streak
    state.over_limit_streak = over_limit_streak
    state.partial_streak = partial_streak
    state.step_downs = step_downs
    state.last_increase = last_increase
    state.last_walked_on = last_walked_on
    state.last_verdict = last_verdict
    state.last_outcome = last_outcome
    state.paused = paused
    state.stopped = stopped
    state.layoff_steps = layoff_steps
    state.resume_lower = resume_lower
    state.trend = trend
    state.settled_mornings = settled_mornings
    state.tolerated = tolerated
    state.watch = watch
    state.__class__ = EngineState
    built: EngineState = state
    return built


def next_watch(
    stop_cause: StopCause | None,
    pain_over_streak: int,
    morning_over_streak: int,
    hard_effort_streak: int,
    sharp_pain_on: date | None,
    step_ups: tuple[date, ...],
    started_on: date | None,
    hands_restore: HandSupport | None,
    one_hand_since: date | None,
    held_since: date | None,
    trend_referred: bool,
) -> Watch:
    """A Watch from every one of its fields (in their order), built as its settable twin."""
    watch: Any = _SettableWatch()
    watch.stop_cause = stop_cause
    watch.pain_over_streak = pain_over_streak
    watch.morning_over_streak = morning_over_streak
    watch.hard_effort_streak = hard_effort_streak
    watch.sharp_pain_on = sharp_pain_on
    watch.step_ups = step_ups
    watch.started_on = started_on
    watch.hands_restore = hands_restore
    watch.one_hand_since = one_hand_since
    watch.held_since = held_since
    watch.trend_referred = trend_referred
    watch.__class__ = Watch
    built: Watch = watch
    return built
