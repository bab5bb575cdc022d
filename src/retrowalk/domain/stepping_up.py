"""Moving on: readiness, the calendar's pace and the order of steps (PROTOCOL.md §5, §11).

A step up needs a run of good sessions at the current dose with at least one reported, settled
next morning among them, at most `pacing.step_ups_per_window` step-ups in any
`pacing.window_days`, and no walk the day after another in the first weeks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from retrowalk.domain.dose import Dose, DoseVariable, HandSupport
from retrowalk.domain.engine_state import (
    Decision,
    DecisionKind,
    EngineState,
    amended,
    worded_later,
)
from retrowalk.domain.hands import both_hands_on, hands_given_back, one_hand_too_short
from retrowalk.domain.programme import Programme
from retrowalk.domain.reasons import describe_change, sentence
from retrowalk.domain.steps import Blocked, step_up, wean_hands

# Why a dose holds, in words when somebody reads the decision: a sentence, or the function that
# words it from the (immutable) values `held` is given with it (issue 18: no closure, whose cells
# the function making it would pay for on every call).
Why = str | Callable[..., str]

_AT_TARGET = Blocked("every step is at its target")
_SAFE_ZONE_ONLY = Blocked("more minutes only while pain stays in the safe zone")


# Enum members read on every decision, kept in module constants: in Python 3.11 reading
# `Verdict.GOOD` goes through the hook of EnumType's `__getattr__`, several times the cost
# of a global (issue 18).
_PAUSED = DecisionKind.PAUSED
_HOLD = DecisionKind.HOLD
_PROGRESS = DecisionKind.PROGRESS
_INCLINE = DoseVariable.INCLINE
_HAND_SUPPORT = DoseVariable.HAND_SUPPORT


def held(state: EngineState, why: Why, *values: Any) -> Decision:
    """The same dose for `why`: a sentence, or the function that words it from `values`."""
    kind = _PAUSED if state.paused else _HOLD
    return worded_later(kind, state.dose, None, _same_dose, (why, values))


def _same_dose(why: Why, values: tuple[Any, ...]) -> tuple[str, ...]:
    return (f"Same dose: {said(why, *values)}.",)


def said(why: Why, *values: Any) -> str:
    return why if isinstance(why, str) else why(*values)


def progress_or_hold(p: Programme, state: EngineState, on: date) -> Decision:
    if state.watch.hands_restore is not None:  # a hand support waits to be given back
        given_back = hands_given_back(state)
        if given_back is not None:
            return given_back
    not_yet = _not_ready(p, state) or _referred(state, on) or _paced(p, state, on)
    if not_yet is not None:
        return not_yet
    weaned = _weaned(p, state, on)
    if weaned is not None:
        return _progressed(p, state, weaned, _HAND_SUPPORT)
    last, coarse = _AT_TARGET, None
    clinicians: list[Blocked] = []  # limits the clinician set, named in the hold even if not last
    for phase in p.phases:
        if phase.extended and state.streak_peak_pain > p.protocol.pain.safe_max:
            last = _SAFE_ZONE_ONLY
            continue
        raised = step_up(p, state.dose, phase)
        if isinstance(raised, Blocked):
            last, coarse = raised, raised if raised.coarse else coarse
            if raised.clinicians:
                clinicians.append(raised)
            continue
        stepped = _progressed(p, state, raised, phase.variable)
        if phase.variable is _INCLINE:
            stepped = both_hands_on(p, state, stepped, "this first session on a new incline")
        return stepped
    if coarse is not None:
        return held(state, _no_further_step, coarse)
    return held(state, _at_target, tuple(clinicians), last)


def _no_further_step(edge: Blocked) -> str:
    return (
        f"no further step on this equipment ({edge.reason}); this is as far as it allows, short "
        "of your plan's target, not the target itself: ask your clinician about other options"
    )


def _at_target(clinicians: tuple[Blocked, ...], last: Blocked) -> str:
    return f"this is the target dose ({_held_by(clinicians, last)}); keep it up"


def _held_by(clinicians: tuple[Blocked, ...], last: Blocked) -> str:
    """What holds the dose at its target: the clinician's limits met on the way (each once),
    then what held the last step."""
    named: list[str] = []
    for limit in clinicians:
        if limit.reason not in named:
            named.append(limit.reason)
    blocked = last.reason
    return "; ".join([*(r for r in named if r != blocked), blocked])


def _not_ready(p: Programme, state: EngineState) -> Decision | None:
    """The hold while the walker is not ready to step up (PROTOCOL.md §5), or None."""
    readiness = p.protocol.readiness
    if state.walked < readiness.initial_sessions:
        return held(state, _first_sessions, readiness.initial_sessions)
    needed, streak = p.good_sessions_to_progress, state.good_streak
    unknown = streak - state.settled_mornings
    if streak == 0:
        return held(state, _none_good_yet, needed)
    if streak < needed and unknown == 0:
        return held(state, _comfortable_so_far, streak, needed)
    if streak < needed:
        return held(state, _good_so_far, streak, needed, unknown)
    mornings = readiness.settled_mornings_to_progress
    if state.settled_mornings < mornings:
        return held(state, _mornings_wanted, streak, mornings)
    return None


def _first_sessions(initial: int) -> str:
    return f"the first {initial} sessions stay at the start dose"


def _comfortable_so_far(streak: int, needed: int) -> str:
    return f"{streak} of {needed} comfortable, full sessions so far"


def _none_good_yet(needed: int) -> str:
    return f"0 of {needed} good sessions so far"


def _good_so_far(streak: int, needed: int, unknown: int) -> str:
    return (
        f"{streak} of {needed} good sessions so far (walked in full, pain and effort within "
        f"limits; how the knee was the next morning is not reported yet for {unknown})"
    )


def _mornings_wanted(streak: int, mornings: int) -> str:
    return (
        f"the last {streak} sessions went well, but no next-morning pain has been reported "
        f"for enough of them; a step up waits for at least {mornings} reported, settled "
        "morning (tell the app how the knee felt the morning after)"
    )


def _referred(state: EngineState, on: date) -> Decision | None:
    """A rising weekly pain that already led to "talk to a clinician" blocks step-ups until the
    weekly pain falls or a clinician clears the walker."""
    if not state.watch.trend_referred or state.trend.falling(on):
        return None
    return held(
        state,
        "weekly pain was rising and you were asked to talk to a clinician; no step up until the "
        "weekly pain comes down or a clinician clears you",
    )


def _paced(p: Programme, state: EngineState, on: date) -> Decision | None:
    """At most `step_ups_per_window` step-ups in any `window_days` days."""
    rules, step_ups = p.protocol.pacing, state.watch.step_ups
    most, days = rules.step_ups_per_window, rules.window_days
    if len(step_ups) < most or (on - step_ups[-most]).days >= days:
        return None
    return held(state, _paced_until, most, days, step_ups[-most] + timedelta(days=days))


def _paced_until(most: int, days: int, from_on: date) -> str:
    return (
        f"{most} step-ups already in the last {days} days; the next can come on or after "
        f"{from_on.isoformat()}"
    )


def _evidence(state: EngineState) -> str:
    """What the step up rests on; "settled" only when every morning in it was reported so."""
    streak, settled = state.good_streak, state.settled_mornings
    pain = f"pain at most {state.streak_peak_pain}/10"
    if settled == streak:
        return (
            f"the last {streak} sessions were walked in full, {pain} and settled by the next "
            "morning, effort moderate"
        )
    return (
        f"the last {streak} sessions were walked in full, {pain} where reported, effort "
        f"moderate; the next morning was reported for {settled} of them, at your usual level, "
        f"and is not reported yet for {streak - settled}"
    )


def on_the_calendar(
    p: Programme, state: EngineState, decision: Decision, on: date, gap: int
) -> Decision:
    """The calendar's say (PROTOCOL.md §11): both hands on after a long gap for a careful walker;
    in the first weeks a walk the day after another gets a warning and no step up."""
    if gap > p.protocol.layoff.deload_after_days:
        decision = both_hands_on(p, state, decision, f"this first walk after {gap} days")
    watch, days = state.watch, p.protocol.stagnation.held_days
    if watch.held_since is not None and (on - watch.held_since).days >= days:
        decision = _stagnation_note(state, decision, days)
    weeks, started = p.protocol.schedule.rest_day_weeks, watch.started_on
    if gap >= 2 or started is None or (on - started).days >= weeks * 7:
        return decision
    if decision.kind is _PROGRESS:
        decision = held(state, "no step up on a walk without a rest day before it")
    return amended(decision, _rest_day_wanted, gap, weeks)


def _rest_day_wanted(gap: int, weeks: int) -> str:
    when = "the day after" if gap == 1 else "on the same day as"
    return (
        f"Walking {when} your last walk: in the first {weeks} weeks keep a rest day between "
        "walks, so the knee can recover."
    )


def _stagnation_note(state: EngineState, decision: Decision, days: int) -> Decision:
    """Pain or form have held the dose for `stagnation.held_days`: suggest the clinician."""
    if decision.dose is not state.dose and decision.dose != state.dose:
        return decision
    return amended(decision, _held_too_long, days)


def _held_too_long(days: int) -> str:
    span = f"{days // 7} weeks" if days % 7 == 0 else f"{days} days"
    return (
        f"The dose has not changed for {span} because pain or form held it: please talk to "
        "your clinician (physiotherapist or doctor) about the plan."
    )


def _weaned(p: Programme, state: EngineState, on: date) -> Dose | None:
    rules = p.protocol.hands
    if state.stable_streak < rules.stable_reports_to_wean or state.walked < p.sessions_before_wean:
        return None
    if one_hand_too_short(p, state, on):
        return None
    fewer = wean_hands(state.dose)
    if isinstance(fewer, Blocked):
        return None
    if fewer.hands is HandSupport.NONE and not p.walker.limits.hands_free_allowed:
        return None  # the clinician keeps one hand on a rail
    return fewer


def _progressed(p: Programme, state: EngineState, dose: Dose, variable: DoseVariable) -> Decision:
    return worded_later(_PROGRESS, dose, variable, _step_up_said, (p, state, dose, variable))


def _step_up_said(
    p: Programme, state: EngineState, dose: Dose, variable: DoseVariable
) -> tuple[str, ...]:
    return (sentence(f"{describe_change(p, variable, state.dose, dose)}: {_evidence(state)}"),)
