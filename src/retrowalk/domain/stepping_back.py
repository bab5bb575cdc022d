"""Stepping the dose back for pain, effort or unfinished sessions (PROTOCOL.md §6, §11).

Every function returns a Decision with its reasons; none ever raises a dose. A step-down that
would go below the start dose stops the plan and refers the walker instead (`stop_instead`).
"""

from __future__ import annotations

from datetime import date

from retrowalk.domain.dose import Dose, DoseVariable
from retrowalk.domain.engine_state import Decision, DecisionKind, EngineState, worded_later
from retrowalk.domain.outcome import OVER_THE_LIMIT, Verdict
from retrowalk.domain.programme import Programme
from retrowalk.domain.reasons import describe_change, sentence
from retrowalk.domain.steps import Blocked, below_start, step_down
from retrowalk.domain.stopping import stop_instead

_HEART_QUESTION = (
    "if you had chest pain or tightness, unusual breathlessness, or felt dizzy or faint, "
    "stop and see a doctor before walking again"
)


# Enum members read on every decision, kept in module constants: in Python 3.11 reading
# `Verdict.GOOD` goes through the hook of EnumType's `__getattr__`, several times the cost
# of a global (issue 18).
_SHARP_PAIN = Verdict.SHARP_PAIN
_MORNING_OVER = Verdict.MORNING_OVER
_PARTIAL = Verdict.PARTIAL


def step_down_cause(p: Programme, state: EngineState, on: date) -> tuple[str, bool] | None:
    """Why the dose must come down, and whether the cause was the weekly pain trend."""
    readiness, pain, verdict = p.protocol.readiness, p.protocol.pain, state.last_verdict
    if verdict is _SHARP_PAIN:
        return "sharp pain in the last session", False
    last = state.last_outcome
    if verdict is _MORNING_OVER and last is not None:
        return (
            f"pain the next morning was {last.pain_next_morning}/10, well above your usual "
            f"{p.walker.rest_pain}/10",
            False,
        )
    repeats = readiness.over_limit_repeats_to_regress
    if verdict in OVER_THE_LIMIT and state.over_limit_streak >= repeats:
        runs = state.over_limit_streak
        return (
            f"pain was over the limit, in the walk or the next morning, {runs} sessions running",
            False,
        )
    effort = p.protocol.effort
    hard = state.watch.hard_effort_streak
    if hard >= effort.hard_sessions_to_step_down:
        return (
            f"effort was {effort.hard_rpe}/10 or more at a low dose {hard} sessions running; "
            f"{_HEART_QUESTION}",
            False,
        )
    rising = state.trend.rising(on, pain.rising_weeks, pain.rising_min_increase)
    if rising is not None:
        weeks = " → ".join(f"{mean:.1f}" for mean in rising)
        return f"weekly pain has kept rising ({weeks}); please talk to a clinician", True
    repeats = readiness.partial_repeats_to_regress
    if verdict is _PARTIAL and state.partial_streak >= repeats:
        return f"the last {state.partial_streak} sessions could not be finished", False
    return None


def stepped_down(p: Programme, state: EngineState, cause: str, trend: bool, on: date) -> Decision:
    lowered = _lowered(p, state)
    if lowered is None:
        return stop_instead(state, cause)
    dose, variables = lowered
    repeated = state.step_downs + 1 >= p.protocol.readiness.regressions_to_pause
    still_rising = trend and state.trend.acted_on_last_week(on)
    pauses = not state.paused and (repeated or still_rising)

    kind = DecisionKind.PAUSED if pauses else DecisionKind.REGRESS
    return worded_later(
        kind,
        dose,
        variables[-1],
        _step_down_said,
        (p, state, cause, dose, tuple(variables), pauses),
        stepped_down=True,
        pauses=pauses,
        acts_on_trend=trend,
    )


def _step_down_said(
    p: Programme,
    state: EngineState,
    cause: str,
    dose: Dose,
    variables: tuple[DoseVariable, ...],
    pauses: bool,
) -> tuple[str, ...]:
    said = [f"Step down: {cause}."]
    said.extend(sentence(describe_change(p, v, state.dose, dose)) for v in variables)
    if pauses:
        said.append(
            "Progression is paused after repeated step-downs: see a clinician before moving on."
        )
    return tuple(said)


def resumed(p: Programme, state: EngineState, on: date) -> Decision:
    """The first session after a clinician lifted a stop: one step lower, or the same dose
    where one step lower would go below the start."""
    if _lowered(p, state) is not None:
        back = "back after a stop, with a clinician's clearance: one step lower to begin"
        return stepped_down(p, state, back, False, on)
    reason = (
        "Back after a stop, with a clinician's clearance: the plan goes on from this dose, "
        "the lowest it has."
    )
    return Decision(DecisionKind.HOLD, state.dose, None, (reason,))


def _lowered(p: Programme, state: EngineState) -> tuple[Dose, list[DoseVariable]] | None:
    """The dose one step down and what changed, or None when that would go below the start.

    The last increase is undone. Where that was letting go of a rail and the cause is sharp pain,
    the hand goes back on and the knee's load comes down as well (PROTOCOL.md §11)."""
    dose, variable = _one_step_down(p, state.dose, state.last_increase)
    variables = [] if variable is None else [variable]
    knee_pain = state.last_verdict is Verdict.SHARP_PAIN
    if variable is DoseVariable.HAND_SUPPORT and knee_pain:
        dose, variable = _one_step_down(p, dose)
        variables = [] if variable is None else [DoseVariable.HAND_SUPPORT, variable]
    if not variables or below_start(p, dose):
        return None
    return dose, variables


def _one_step_down(
    p: Programme, dose: Dose, undo: tuple[DoseVariable, Dose] | None = None
) -> tuple[Dose, DoseVariable | None]:
    """Undo the last increase, or else take one step down, hardest variable first."""
    if undo is not None:
        variable, before = undo
        return dose.with_value(variable, before.value_of(variable)), variable
    for variable in p.step_down_order:
        lower = step_down(p, dose, variable)
        if not isinstance(lower, Blocked):
            return lower, variable
    return dose, None
