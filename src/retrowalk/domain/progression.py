"""The progression engine: the next dose from the last one and how it went (PROTOCOL.md §5, §6).

PROTOCOL.md §11 ("When things go wrong") refines both. The engine is a fold: `decide` prescribes
the next session from an EngineState and the date; `record` folds that decision and the walker's
outcome into the next state. The state keeps only counters, a few dates and a few weekly
averages, so a decision costs the same after ten sessions or ten years. `record` reads only what a
stored decision keeps (kind, dose, change, walk and the flags), so replaying stored sessions gives
the same states.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from retrowalk.domain.dose import DoseVariable, HandSupport
from retrowalk.domain.engine_state import (
    DELOADED,
    RESTARTED,
    Decision,
    DecisionKind,
    EngineState,
    StopCause,
    Watch,
    next_state,
    next_watch,
)
from retrowalk.domain.hands import hands_to_give_back, one_hand_since
from retrowalk.domain.layoff import deload, restart
from retrowalk.domain.outcome import PainTrend, SessionOutcome, Verdict, judged
from retrowalk.domain.programme import Programme
from retrowalk.domain.reasons import describe_dose, outcome_problem
from retrowalk.domain.stepping_back import resumed, step_down_cause, stepped_down
from retrowalk.domain.stepping_up import held, on_the_calendar, progress_or_hold
from retrowalk.domain.stopping import stopped, tallied

__all__ = [
    "Decision",
    "DecisionKind",
    "EngineState",
    "clear_by_clinician",
    "decide",
    "initial_state",
    "record",
]


# Enum members read on every decision, kept in module constants: in Python 3.11 reading
# `Verdict.GOOD` goes through the hook of EnumType's `__getattr__`, several times the cost
# of a global (issue 18).
_MISSED = Verdict.MISSED
_GOOD = Verdict.GOOD
_PROGRESS = DecisionKind.PROGRESS
_DELOAD = DecisionKind.DELOAD
_HAND_SUPPORT = DoseVariable.HAND_SUPPORT
_ONE_HAND = HandSupport.ONE
_BELOW_START = StopCause.BELOW_START


def initial_state(p: Programme) -> EngineState:
    return EngineState(dose=p.start_dose)


def clear_by_clinician(state: EngineState) -> EngineState:
    """A clinician has seen the walker: lift a pause or a stop and start counting afresh."""
    watch = replace(
        state.watch,
        stop_cause=None,
        pain_over_streak=0,
        morning_over_streak=0,
        hard_effort_streak=0,
        sharp_pain_on=None,
        held_since=None,
        trend_referred=False,
    )
    return replace(
        state,
        paused=False,
        stopped=False,
        resume_lower=state.stopped,
        step_downs=0,
        good_streak=0,
        settled_mornings=0,
        last_verdict=None,
        watch=watch,
    )


def decide(p: Programme, state: EngineState, on: date) -> Decision:
    if state.stopped:
        return stopped(p, state)
    if state.walked == 0 or state.last_walked_on is None:
        return _start(p, state)
    gap = (on - state.last_walked_on).days
    return on_the_calendar(p, state, _walking(p, state, on, gap), on, gap)


def _walking(p: Programme, state: EngineState, on: date, gap: int) -> Decision:
    layoff = p.protocol.layoff
    if gap > layoff.restart_after_days and state.layoff_steps < RESTARTED:
        return restart(p, state, gap)
    if gap > layoff.deload_after_days and state.layoff_steps < DELOADED:
        return deload(p, state, gap)
    if state.resume_lower:
        return resumed(p, state, on)
    cause = step_down_cause(p, state, on)
    if cause is not None:
        return stepped_down(p, state, *cause, on)
    verdict, last = state.last_verdict, state.last_outcome
    if verdict is not None and verdict is not _GOOD and last is not None:
        return held(state, outcome_problem, p, verdict, last, state.dose)
    if state.paused:
        return held(state, "progression is paused until a clinician has seen you")
    return progress_or_hold(p, state, on)


def record(
    p: Programme, state: EngineState, decision: Decision, outcome: SessionOutcome, on: date
) -> EngineState:
    """The state after `decision` was prescribed and the walker reported `outcome`."""
    if not decision.walk:
        return _prescribed(p, state, decision, on)
    worst = outcome.session_pain  # read once for the verdict and the counts
    verdict = judged(p.protocol, decision.dose, outcome, p.walker.rest_pain, worst)
    if verdict is _MISSED:
        # Nothing progresses on a session that was not walked: a step up never happened.
        stepped_up = decision.kind is _PROGRESS
        before = state if stepped_up else _prescribed(p, state, decision, on)
        return _state_with(before, verdict, outcome, before.watch)
    return tallied(p, _prescribed(p, state, decision, on), decision, outcome, worst, verdict, on)


def _prescribed(p: Programme, state: EngineState, decision: Decision, on: date) -> EngineState:
    """The state after prescribing `decision`, before any outcome is known: `state` itself when
    prescribing changed nothing in it, as for most holds."""
    dose, kind, variable = decision.dose, decision.kind, decision.changed
    stepped_down = decision.stepped_down
    if (
        dose is state.dose
        and variable is None
        and kind is not _DELOAD
        and decision.walk
        and not (stepped_down or decision.pauses or decision.resets_trend)
        and not (decision.acts_on_trend or state.resume_lower)
    ):
        # A hold that moves nothing below, only perhaps what the watch follows (most sessions).
        watch = _watch_after(p, state, decision, False, False, state.layoff_steps, on)
        if watch is state.watch:
            return state
        return _state_with(state, state.last_verdict, state.last_outcome, watch)
    changed = dose is not state.dose and dose != state.dose
    last_increase = state.last_increase
    if kind is _PROGRESS and variable is not None:
        last_increase = (variable, state.dose)
    elif changed or stepped_down:
        last_increase = None
    acts_on_trend = decision.acts_on_trend or (stepped_down and _trend_step_down(p, state, on))
    steps = state.layoff_steps if kind is not _DELOAD else _layoff_steps(p, state, on)
    good_streak = 0 if changed else state.good_streak
    settled_mornings = 0 if changed else state.settled_mornings
    streak_peak_pain = 0 if changed else state.streak_peak_pain
    stable_streak = 0 if variable is _HAND_SUPPORT else state.stable_streak
    step_downs = state.step_downs + 1 if stepped_down else state.step_downs
    paused = state.paused or decision.pauses
    over_limit_streak = 0 if kind is _DELOAD else state.over_limit_streak
    trend = state.trend
    if decision.resets_trend or acts_on_trend:
        trend = _trend_after(state, decision, acts_on_trend, on)
    stopped = state.stopped or not decision.walk
    watch = _watch_after(p, state, decision, changed, acts_on_trend, steps, on)
    if (
        not changed
        and not state.resume_lower
        and good_streak == state.good_streak
        and settled_mornings == state.settled_mornings
        and streak_peak_pain == state.streak_peak_pain
        and stable_streak == state.stable_streak
        and step_downs == state.step_downs
        and last_increase is state.last_increase
        and paused is state.paused
        and over_limit_streak == state.over_limit_streak
        and steps == state.layoff_steps
        and trend is state.trend
        and stopped is state.stopped
        and watch is state.watch
    ):
        return state
    return next_state(
        dose,
        state.walked,
        good_streak,
        streak_peak_pain,
        stable_streak,
        over_limit_streak,
        state.partial_streak,
        step_downs,
        last_increase,
        state.last_walked_on,
        state.last_verdict,
        state.last_outcome,
        paused,
        stopped,
        steps,
        False,  # resume_lower
        trend,
        settled_mornings,
        state.tolerated,
        watch,
    )


def _state_with(
    state: EngineState,
    last_verdict: Verdict | None,
    last_outcome: SessionOutcome | None,
    watch: Watch,
) -> EngineState:
    """`state` with this last verdict, last outcome and watch."""
    return next_state(
        state.dose,
        state.walked,
        state.good_streak,
        state.streak_peak_pain,
        state.stable_streak,
        state.over_limit_streak,
        state.partial_streak,
        state.step_downs,
        state.last_increase,
        state.last_walked_on,
        last_verdict,
        last_outcome,
        state.paused,
        state.stopped,
        state.layoff_steps,
        state.resume_lower,
        state.trend,
        state.settled_mornings,
        state.tolerated,
        watch,
    )


# The verdicts by which pain or form hold a dose (PROTOCOL.md §11, stagnation).
_PAIN_OR_FORM = (
    Verdict.OVER_LIMIT,
    Verdict.MORNING_OVER,
    Verdict.NOT_SETTLED,
    Verdict.ABOVE_PROGRESS_PAIN,
    Verdict.POOR_FORM,
)


def _watch_after(
    p: Programme,
    state: EngineState,
    decision: Decision,
    changed: bool,
    acts_on_trend: bool,
    steps: int,
    on: date,
) -> Watch:
    """The watch after prescribing `decision` (`changed`: whether the dose changed; whether it
    `acts_on_trend`; the layoff `steps` after it); the same object when nothing in it changes,
    as for most sessions."""
    watch = state.watch
    restarted = steps == RESTARTED and state.layoff_steps < RESTARTED
    restore, since = watch.hands_restore, watch.one_hand_since
    hands = decision.dose.hands
    moved = hands is not state.dose.hands or hands is _ONE_HAND or restarted
    if moved or restore is not None or since is not None:
        restore = hands_to_give_back(state, decision, restarted)
        since = one_hand_since(state, decision, restore, on) if decision.walk else since
    referred = watch.trend_referred
    if acts_on_trend:
        referred = True
    elif referred and state.trend.falling(on):
        referred = False
    # Held by pain or form: from the first such hold while the dose stays; a full good run shows
    # that something else (a target) holds it.
    held = watch.held_since
    if changed or state.good_streak >= p.good_sessions_to_progress:
        held = None
    elif held is None and decision.walk and state.last_verdict in _PAIN_OR_FORM:
        held = on
    cause = _BELOW_START if not (decision.walk or state.stopped) else watch.stop_cause
    started = on if watch.started_on is None and state.walked == 0 else watch.started_on
    step_ups = watch.step_ups
    if decision.kind is _PROGRESS and decision.changed is not None:
        step_ups = _step_ups(p, watch, decision, on)
    if (
        restore is watch.hands_restore
        and since == watch.one_hand_since
        and referred is watch.trend_referred
        and held == watch.held_since
        and cause is watch.stop_cause
        and started == watch.started_on
        and step_ups is watch.step_ups
    ):
        return watch
    return next_watch(
        cause,
        watch.pain_over_streak,
        watch.morning_over_streak,
        watch.hard_effort_streak,
        watch.sharp_pain_on,
        step_ups,
        started,
        restore,
        since,
        held,
        referred,
    )


def _trend_step_down(p: Programme, state: EngineState, on: date) -> bool:
    """Whether a step-down was for the weekly pain trend (a stored decision does not keep it)."""
    if state.resume_lower:
        return False
    cause = step_down_cause(p, state, on)
    return cause is not None and cause[1]


def _trend_after(state: EngineState, decision: Decision, acts: bool, on: date) -> PainTrend:
    if decision.resets_trend:
        return PainTrend()
    return state.trend.acted_on(on) if acts else state.trend


def _layoff_steps(p: Programme, state: EngineState, on: date) -> int:
    """The layoff steps after a de-load or restart prescribed on `on`."""
    if state.last_walked_on is None:
        return state.layoff_steps
    restarted = (on - state.last_walked_on).days > p.protocol.layoff.restart_after_days
    return RESTARTED if restarted else DELOADED


def _step_ups(p: Programme, watch: Watch, decision: Decision, on: date) -> tuple[date, ...]:
    if watch.hands_restore is not None and decision.changed is DoseVariable.HAND_SUPPORT:
        return watch.step_ups  # giving a hand back after a both-hands session is no step up
    return (*watch.step_ups, on)[-p.protocol.pacing.step_ups_per_window :]


def _start(p: Programme, state: EngineState) -> Decision:
    reasons = [f"Start: {describe_dose(p, p.start_dose)}."]
    if state.last_verdict is Verdict.MISSED:
        reasons.append("The first session has not been walked yet, so the start dose stands.")
    if p.cautious_start:
        reasons.append(
            "A cautious start, because of what screening found: the lowest dose, and "
            "one more good session before each step up."
        )
    return Decision(DecisionKind.START, p.start_dose, None, tuple(reasons))
