"""The progression engine: the next dose from the last one and how it went (PROTOCOL.md §5, §6).

The engine is a fold. `decide` prescribes the next session from an EngineState and the date;
`record` folds that decision and the walker's outcome into the next state. The state keeps only
counters and a few weekly averages, so a decision costs the same after ten sessions or ten years.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from retrowalk.domain.dose import Dose, DoseVariable
from retrowalk.domain.engine_state import DELOADED, RESTARTED, Decision, DecisionKind, EngineState
from retrowalk.domain.outcome import PainTrend, SessionOutcome, Verdict, assess
from retrowalk.domain.programme import Programme
from retrowalk.domain.reasons import describe_change, describe_dose, outcome_problem, sentence
from retrowalk.domain.stepping_back import deload, restart, step_down_cause, stepped_down
from retrowalk.domain.steps import Blocked, step_up, wean_hands

__all__ = [
    "Decision",
    "DecisionKind",
    "EngineState",
    "clear_by_clinician",
    "decide",
    "initial_state",
    "record",
]


def initial_state(p: Programme) -> EngineState:
    return EngineState(dose=p.start_dose)


def clear_by_clinician(state: EngineState) -> EngineState:
    """A clinician has seen the walker: lift a pause or a stop and start counting afresh."""
    return replace(
        state,
        paused=False,
        stopped=False,
        resume_lower=state.stopped,
        step_downs=0,
        good_streak=0,
        last_verdict=None,
    )


def decide(p: Programme, state: EngineState, on: date) -> Decision:
    if state.stopped:
        return _stopped(state)
    if state.walked == 0 or state.last_walked_on is None:
        return _start(p, state)
    gap = (on - state.last_walked_on).days
    if gap > p.protocol.layoff.restart_after_days and state.layoff_steps < RESTARTED:
        return restart(p, state, gap)
    if gap > p.protocol.layoff.deload_after_days and state.layoff_steps < DELOADED:
        return deload(p, state, gap)
    if state.resume_lower:
        back = "back after knee symptoms with a clinician's clearance: one step lower to begin"
        return stepped_down(p, state, back, False, on)
    cause = step_down_cause(p, state, on)
    if cause is not None:
        return stepped_down(p, state, *cause, on)
    problem = _hold_cause(p, state)
    if problem is not None:
        return _held(state, problem)
    if state.paused:
        return _held(state, "progression is paused until a clinician has seen you")
    return _progress_or_hold(p, state)


def record(
    p: Programme, state: EngineState, decision: Decision, outcome: SessionOutcome, on: date
) -> EngineState:
    """The state after `decision` was prescribed and the walker reported `outcome`."""
    changes = _decision_changes(state, decision, on)
    if not decision.walk:
        return replace(state, **changes)
    verdict = assess(p.protocol, decision.dose, outcome, p.walker.rest_pain)
    if verdict is Verdict.MISSED:
        return replace(state, **changes, last_verdict=verdict, last_outcome=outcome)
    good = verdict is Verdict.GOOD
    keep = p.protocol.pain.rising_weeks + 1
    changes.update(
        walked=state.walked + 1,
        good_streak=changes["good_streak"] + 1 if good else 0,
        streak_peak_pain=max(changes["streak_peak_pain"], outcome.peak_pain or 0) if good else 0,
        stable_streak=changes["stable_streak"] + 1 if outcome.stable_without_hands else 0,
        over_limit_streak=changes["over_limit_streak"] + 1 if verdict.over_the_limit else 0,
        partial_streak=state.partial_streak + 1 if verdict is Verdict.PARTIAL else 0,
        step_downs=0 if good else changes["step_downs"],
        last_walked_on=on,
        layoff_steps=0,
        last_verdict=verdict,
        last_outcome=outcome,
        stopped=verdict is Verdict.KNEE_SYMPTOMS,
        trend=_trend_with(changes["trend"], on, outcome.peak_pain, keep),
    )
    return replace(state, **changes)


def _trend_with(trend: PainTrend, on: date, pain: int | None, keep: int) -> PainTrend:
    """The weekly trend with this session's pain, if any pain was reported."""
    return trend if pain is None else trend.add(on, pain, keep)


def _trend_after(trend: PainTrend, decision: Decision, on: date) -> PainTrend:
    if decision.resets_trend:
        return PainTrend()
    return trend.acted_on(on) if decision.acts_on_trend else trend


def _decision_changes(state: EngineState, decision: Decision, on: date) -> dict[str, Any]:
    """What prescribing `decision` alone changes in the state, before any outcome is known."""
    changed = decision.dose != state.dose
    last_increase = state.last_increase
    if decision.kind is DecisionKind.PROGRESS and decision.changed is not None:
        last_increase = (decision.changed, state.dose)
    elif changed or decision.stepped_down:
        last_increase = None
    return {
        "dose": decision.dose,
        "good_streak": 0 if changed else state.good_streak,
        "streak_peak_pain": 0 if changed else state.streak_peak_pain,
        "stable_streak": 0
        if decision.changed is DoseVariable.HAND_SUPPORT
        else state.stable_streak,
        "step_downs": state.step_downs + 1 if decision.stepped_down else state.step_downs,
        "last_increase": last_increase,
        "paused": state.paused or decision.pauses,
        "over_limit_streak": 0 if decision.kind is DecisionKind.DELOAD else state.over_limit_streak,
        "layoff_steps": _layoff_steps(state, decision),
        "trend": _trend_after(state.trend, decision, on),
        "resume_lower": False,
    }


def _layoff_steps(state: EngineState, decision: Decision) -> int:
    if decision.kind is not DecisionKind.DELOAD:
        return state.layoff_steps
    return RESTARTED if decision.changed is None else DELOADED


def _start(p: Programme, state: EngineState) -> Decision:
    reasons = [f"Start: {describe_dose(p, p.start_dose)}."]
    if state.last_verdict is Verdict.MISSED:
        reasons.append("The first session has not been walked yet, so the start dose stands.")
    if p.cautious_start:
        reasons.append(
            "A cautious start, because of what screening found: the lowest dose, and "
            "one more comfortable session before each step up."
        )
    return Decision(DecisionKind.START, p.start_dose, None, tuple(reasons))


def _stopped(state: EngineState) -> Decision:
    reason = (
        "No walking: swelling, locking or giving way was reported. See a clinician; the plan "
        "resumes once they have cleared you."
    )
    return Decision(DecisionKind.PAUSED, state.dose, None, (reason,), walk=False)


def _hold_cause(p: Programme, state: EngineState) -> str | None:
    if state.last_verdict in (None, Verdict.GOOD) or state.last_outcome is None:
        return None
    return outcome_problem(p, state.last_verdict, state.last_outcome, state.dose)


def _held(state: EngineState, why: str) -> Decision:
    kind = DecisionKind.PAUSED if state.paused else DecisionKind.HOLD
    return Decision(kind, state.dose, None, (f"Same dose: {why}.",))


def _progress_or_hold(p: Programme, state: EngineState) -> Decision:
    readiness = p.protocol.readiness
    if state.walked < readiness.initial_sessions:
        first = f"the first {readiness.initial_sessions} sessions stay at the start dose"
        return _held(state, first)
    needed = p.good_sessions_to_progress
    if state.good_streak < needed:
        return _held(state, f"{state.good_streak} of {needed} comfortable, full sessions so far")
    evidence = (
        f"the last {state.good_streak} sessions were walked in full, pain at most "
        f"{state.streak_peak_pain}/10 and settled by the next morning, effort moderate"
    )
    weaned = _weaned(p, state)
    if weaned is not None:
        return _progressed(p, state, weaned, DoseVariable.HAND_SUPPORT, evidence)
    blocked = "every step is at its target"
    for phase in p.phases:
        if phase.extended and state.streak_peak_pain > p.protocol.pain.safe_max:
            blocked = "more minutes only while pain stays in the safe zone"
            continue
        raised = step_up(p, state.dose, phase)
        if isinstance(raised, Blocked):
            blocked = raised.reason
            continue
        return _progressed(p, state, raised, phase.variable, evidence)
    return _held(state, f"this is the target dose ({blocked}); keep it up")


def _weaned(p: Programme, state: EngineState) -> Dose | None:
    rules = p.protocol.hands
    if state.stable_streak < rules.stable_reports_to_wean or state.walked < p.sessions_before_wean:
        return None
    fewer = wean_hands(state.dose)
    return None if isinstance(fewer, Blocked) else fewer


def _progressed(
    p: Programme, state: EngineState, dose: Dose, variable: DoseVariable, evidence: str
) -> Decision:
    change = describe_change(p, variable, state.dose, dose)
    return Decision(DecisionKind.PROGRESS, dose, variable, (sentence(f"{change}: {evidence}"),))
