"""Stepping the dose back: after a layoff, for pain, or to undo the last change (PROTOCOL.md §6).

Every function returns a Decision with its reasons; none ever raises a dose.
"""

from __future__ import annotations

from datetime import date

from retrowalk.domain.dose import Dose, DoseVariable
from retrowalk.domain.engine_state import Decision, DecisionKind, EngineState
from retrowalk.domain.modality import SledRules
from retrowalk.domain.outcome import Verdict
from retrowalk.domain.programme import Programme, sled_dose
from retrowalk.domain.reasons import describe_change, describe_dose, sentence
from retrowalk.domain.steps import Blocked, step_down


def restart(p: Programme, state: EngineState, gap: int) -> Decision:
    dose = _no_higher_than_start(p, state.dose)
    reason = (
        f"{gap} days since the last walk, more than {p.protocol.layoff.restart_after_days}: "
        f"start again from the beginning ({describe_dose(p, dose)})."
    )
    return Decision(DecisionKind.DELOAD, dose, None, (reason,), resets_trend=True)


def _no_higher_than_start(p: Programme, dose: Dose) -> Dose:
    """Each variable back to its start value, or kept where it already sits lower."""
    if isinstance(p.modality, SledRules):
        start = p.start_dose
        return sled_dose(
            p.modality,
            min(dose.load_kg or 0.0, start.load_kg or 0.0),
            min(dose.distance_m or 0, start.distance_m or 0),
            min(dose.set_count or 0, start.set_count or 0),
        )
    lowered = p.start_dose
    if dose.minutes < lowered.minutes:
        lowered = lowered.with_value(DoseVariable.MINUTES, dose.minutes)
    if dose.speed is not None and lowered.speed is not None and dose.speed < lowered.speed:
        lowered = lowered.with_value(DoseVariable.SPEED, dose.speed)
    return lowered


def deload(p: Programme, state: EngineState, gap: int) -> Decision:
    dose, variable = state.dose, None
    lighter = _deloaded_minutes(p, dose)
    if lighter is not None:
        dose, variable = lighter, DoseVariable.MINUTES
    else:
        dose, variable = _one_step_down(p, state.dose)
    days = p.protocol.layoff.deload_after_days
    head = f"{gap} days since the last walk (more than {days}): step back before going on"
    change = describe_change(p, variable, state.dose, dose) if variable else "already at the start"
    return Decision(DecisionKind.DELOAD, dose, variable, (f"{head}; {change}.",), resets_trend=True)


def _deloaded_minutes(p: Programme, dose: Dose) -> Dose | None:
    if DoseVariable.MINUTES not in p.variables:
        return None
    fraction = p.protocol.layoff.deload_minutes_fraction
    lighter = max(p.start_dose.minutes, float(int(dose.minutes * (1 - fraction))))
    return dose.with_value(DoseVariable.MINUTES, lighter) if lighter < dose.minutes else None


def step_down_cause(p: Programme, state: EngineState, on: date) -> tuple[str, bool] | None:
    """Why the dose must come down, and whether the cause was the weekly pain trend."""
    readiness, pain, verdict = p.protocol.readiness, p.protocol.pain, state.last_verdict
    if verdict is Verdict.SHARP_PAIN:
        return "sharp pain in the last session", False
    repeats = readiness.over_limit_repeats_to_regress
    if verdict is not None and verdict.over_the_limit and state.over_limit_streak >= repeats:
        runs = state.over_limit_streak
        return (
            f"pain was over the limit or not settled by the next morning {runs} times running",
            False,
        )
    rising = state.trend.rising(on, pain.rising_weeks, pain.rising_min_increase)
    if rising is not None:
        weeks = " → ".join(f"{mean:.1f}" for mean in rising)
        return f"weekly pain has kept rising ({weeks}); please talk to a clinician", True
    repeats = readiness.partial_repeats_to_regress
    if verdict is Verdict.PARTIAL and state.partial_streak >= repeats:
        return f"the last {state.partial_streak} sessions could not be finished", False
    return None


def stepped_down(p: Programme, state: EngineState, cause: str, trend: bool, on: date) -> Decision:
    dose, variable = _one_step_down(p, state.dose, state.last_increase)
    repeated = state.step_downs + 1 >= p.protocol.readiness.regressions_to_pause
    still_rising = trend and state.trend.acted_on_last_week(on)
    pauses = not state.paused and (repeated or still_rising)
    reasons = [f"Step down: {cause}."]
    if variable is None:
        reasons.append("This is already the lowest dose; if it keeps hurting, see a clinician.")
    else:
        reasons.append(sentence(describe_change(p, variable, state.dose, dose)))
    if pauses:
        reasons.append(
            "Progression is paused after repeated step-downs: see a clinician before moving on."
        )
    kind = DecisionKind.PAUSED if pauses else DecisionKind.REGRESS
    if variable is None and not pauses:
        kind = DecisionKind.HOLD
    return Decision(
        kind, dose, variable, tuple(reasons), stepped_down=True, pauses=pauses, acts_on_trend=trend
    )


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
