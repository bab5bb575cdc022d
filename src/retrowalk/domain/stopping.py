"""Stop and refer (PROTOCOL.md §11): no walking until a clinician has looked.

`tallied` folds a walked session's answers into the counts the engine keeps and stops the plan when
a stop rule is met; `stopped` is the decision while the stop stands; `stop_instead` replaces a
step-down that would take the dose below the start dose. A clinician's clearance lifts a stop.
"""

from __future__ import annotations

from datetime import date

from retrowalk.domain.engine_state import (
    Decision,
    DecisionKind,
    EngineState,
    StopCause,
    Watch,
    next_state,
    next_watch,
    worded_later,
)
from retrowalk.domain.outcome import OVER_THE_LIMIT, SessionOutcome, Verdict, worse
from retrowalk.domain.programme import Programme
from retrowalk.domain.steps import at_low_dose

# Walked in full with pain known to be within the acceptable zone: a dose the knee tolerated.
_TOLERATED = (Verdict.GOOD, Verdict.ABOVE_PROGRESS_PAIN)


# Enum members read on every decision, kept in module constants: in Python 3.11 reading
# `Verdict.GOOD` goes through the hook of EnumType's `__getattr__`, several times the cost
# of a global (issue 18).
_GOOD = Verdict.GOOD
_PARTIAL = Verdict.PARTIAL
_NOT_SETTLED = Verdict.NOT_SETTLED


def tallied(
    p: Programme,
    prescribed: EngineState,
    decision: Decision,
    outcome: SessionOutcome,
    worst: int | None,
    verdict: Verdict,
    on: date,
) -> EngineState:
    """The state after a walked session: `prescribed` (the state after prescribing `decision`)
    with the counts the outcome moves, stopped when a stop rule is met (`worst`: the session's
    pain, `outcome.session_pain`, read once by the caller, issue 18)."""
    good, morning = verdict is _GOOD, outcome.pain_next_morning
    peak, trend = worse(worst, morning), prescribed.trend
    watch = _watched(p, prescribed.watch, decision, outcome, worst, on)
    if peak is not None:
        trend = trend.add(on, peak, p.protocol.pain.rising_weeks + 1)
    if verdict is _NOT_SETTLED:
        reacted = _morning_reaction(p, morning)
    else:
        reacted = verdict in OVER_THE_LIMIT
    return next_state(
        prescribed.dose,
        prescribed.walked + 1,
        prescribed.good_streak + 1 if good else 0,
        max(prescribed.streak_peak_pain, peak or 0) if good else 0,
        prescribed.stable_streak + 1 if outcome.stable_without_hands else 0,
        prescribed.over_limit_streak + 1 if reacted else 0,
        prescribed.partial_streak + 1 if verdict is _PARTIAL else 0,
        0 if good else prescribed.step_downs,
        prescribed.last_increase,
        on,  # last_walked_on
        verdict,
        outcome,
        prescribed.paused,
        watch.stop_cause is not None,  # stopped
        0,  # layoff_steps
        False,  # resume_lower
        trend,
        # A good session's next morning is settled or not reported (assess graded it).
        prescribed.settled_mornings + (morning is not None) if good else 0,
        decision.dose if verdict in _TOLERATED else prescribed.tolerated,
        watch,
    )


def _watched(
    p: Programme,
    watch: Watch,
    decision: Decision,
    outcome: SessionOutcome,
    worst: int | None,
    on: date,
) -> Watch:
    """The runs the stop rules count, the last sharp pain and the stop they may lead to
    (`worst`: the session's pain); the same object when none of these moved (most sessions)."""
    limit, morning, rpe = p.protocol.pain.acceptable_max, outcome.pain_next_morning, outcome.rpe
    hard_rpe = p.protocol.effort.hard_rpe
    pain_run, morning_run = watch.pain_over_streak, watch.morning_over_streak
    knee = True in (outcome.swelling, outcome.locking, outcome.giving_way)  # knee symptoms
    if (
        not (pain_run or morning_run or watch.hard_effort_streak or outcome.sharp_pain or knee)
        and (worst is None or (worst <= limit and worst < p.protocol.stop.severe_pain))
        and (morning is None or morning <= limit)
        and (rpe is None or rpe < hard_rpe)
    ):
        return watch  # no run under way, nothing that could start one or stop the plan
    # Sessions in a row: an unknown answer neither adds to a run nor breaks it.
    if worst is not None and worst > limit:  # pain during or straight after over the limit
        pain_run += 1
    elif outcome.pain_during is not None:
        pain_run = 0
    if morning is not None:  # the next morning's pain over the limit
        morning_run = morning_run + 1 if morning > limit else 0
    effort_run = watch.hard_effort_streak
    if rpe is not None:  # hard effort at a low dose
        hard = rpe >= hard_rpe and at_low_dose(p, decision.dose)
        effort_run = effort_run + 1 if hard else 0
    cause = _stop_cause(p, watch, pain_run, morning_run, outcome, worst, knee, on)
    sharp_on = on if outcome.sharp_pain else watch.sharp_pain_on
    if (
        pain_run == watch.pain_over_streak
        and morning_run == watch.morning_over_streak
        and effort_run == watch.hard_effort_streak
        and sharp_on == watch.sharp_pain_on
        and cause is watch.stop_cause
    ):
        return watch
    return next_watch(
        cause,
        pain_run,
        morning_run,
        effort_run,
        sharp_on,
        watch.step_ups,
        watch.started_on,
        watch.hands_restore,
        watch.one_hand_since,
        watch.held_since,
        watch.trend_referred,
    )


def _morning_reaction(p: Programme, morning: int | None) -> bool:
    """A next morning not settled counts as a reaction only above the walker's usual: one at
    the usual pain that is not settled only because the usual is 4 or 5 holds, but is no
    reaction to repeat."""
    usual = p.walker.rest_pain + p.protocol.pain.next_morning_margin
    return morning is not None and morning > usual


def _stop_cause(
    p: Programme,
    watch: Watch,
    pain_run: int,
    morning_run: int,
    outcome: SessionOutcome,
    worst: int | None,
    knee: bool,
    on: date,
) -> StopCause | None:
    rules = p.protocol.stop
    sharp_before = watch.sharp_pain_on
    if knee:
        return StopCause.KNEE_SYMPTOMS
    if worst is not None and worst >= rules.severe_pain:
        return StopCause.SEVERE_PAIN
    if pain_run >= rules.over_limit_sessions:
        return StopCause.PAIN_OVER_REPEATED
    if morning_run >= rules.morning_over_sessions:
        return StopCause.MORNING_OVER_REPEATED
    again = sharp_before is not None and (on - sharp_before).days <= rules.sharp_pain_days
    if outcome.sharp_pain and again:
        return StopCause.SHARP_PAIN_REPEATED
    return None


def stopped(p: Programme, state: EngineState) -> Decision:
    """No walking while a stop stands; the reason says why and what to do."""
    return worded_later(DecisionKind.PAUSED, state.dose, None, _no_walking, (p, state), walk=False)


def _no_walking(p: Programme, state: EngineState) -> tuple[str, ...]:
    return (f"No walking: {_why(p, state)}. {_SEE_A_CLINICIAN}",)


def stop_instead(state: EngineState, cause: str) -> Decision:
    """A step-down that would go below the start dose: stop and refer instead."""
    reasons = (
        f"Stop: {cause}, and a step down would go below the dose the plan starts from.",
        f"No walking rather than walking on through it at the lowest dose. {_SEE_A_CLINICIAN}",
    )
    return Decision(DecisionKind.PAUSED, state.dose, None, reasons, walk=False)


_SEE_A_CLINICIAN = (
    "See a clinician (your physiotherapist or doctor) and tell them what happened; the plan "
    "resumes once they have cleared you."
)


def _why(p: Programme, state: EngineState) -> str:
    rules, limit = p.protocol.stop, p.protocol.pain.acceptable_max
    last = state.last_outcome
    worst = None if last is None else last.session_pain
    reasons = {
        StopCause.SEVERE_PAIN: f"pain reached {worst}/10 (at {rules.severe_pain}/10 or more, "
        "walking stops)",
        StopCause.PAIN_OVER_REPEATED: f"pain during or straight after was above {limit}/10 in "
        f"{rules.over_limit_sessions} sessions in a row",
        StopCause.MORNING_OVER_REPEATED: f"pain the next morning was above {limit}/10 "
        f"{rules.morning_over_sessions} times in a row",
        StopCause.SHARP_PAIN_REPEATED: "sharp pain came back within "
        f"{rules.sharp_pain_days} days of the last time",
        StopCause.BELOW_START: "the dose had to come down below where the plan starts",
    }
    cause = state.watch.stop_cause
    if cause is None or cause is StopCause.KNEE_SYMPTOMS:
        return "swelling, locking or giving way was reported"
    return reasons[cause]
