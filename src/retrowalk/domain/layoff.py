"""Coming back after a layoff (PROTOCOL.md §6, refined by §11).

More than `layoff.deload_after_days` since the last walk: a de-load takes a share off the minutes
and undoes the last speed or incline step. More than `layoff.restart_after_days`: a restart at about
half of the last dose the knee tolerated, on the equipment's grid, never below the start dose and
never above the dose it comes back from. Neither ever raises a variable.
"""

from __future__ import annotations

import math
from typing import TypeVar

from retrowalk.domain.dose import Dose, DoseVariable
from retrowalk.domain.engine_state import Decision, DecisionKind, EngineState
from retrowalk.domain.equipment import ManualTreadmill, MotorizedTreadmill, Outdoor
from retrowalk.domain.modality import MotorizedRules, SledRules
from retrowalk.domain.programme import Programme, sled_dose
from retrowalk.domain.reasons import describe_change, describe_dose
from retrowalk.domain.steps import INTENSITY, Blocked, step_down
from retrowalk.domain.units import Speed

_N = TypeVar("_N", int, float)


def deload(p: Programme, state: EngineState, gap: int) -> Decision:
    dose, changed = state.dose, list[DoseVariable]()
    lighter = _deloaded_minutes(p, dose)
    if lighter is not None:
        dose, changed = lighter, [DoseVariable.MINUTES]
    for variable in p.step_down_order:
        lower = step_down(p, dose, variable) if _deloads(p, variable) else None
        if lower is not None and not isinstance(lower, Blocked):
            dose, changed = lower, [*changed, variable]
            break
    days = p.protocol.layoff.deload_after_days
    head = f"{gap} days since the last walk (more than {days}): step back before going on"
    said = [describe_change(p, v, state.dose, dose) for v in changed] or ["already at the start"]
    reason = f"{head}; {'; '.join(said)}."
    return Decision(
        DecisionKind.DELOAD, dose, changed[-1] if changed else None, (reason,), resets_trend=True
    )


def _deloads(p: Programme, variable: DoseVariable) -> bool:
    """Besides minutes, a de-load steps back intensity; equipment without minutes steps back
    its hardest variable, as a step-down would."""
    return variable in INTENSITY or DoseVariable.MINUTES not in p.variables


def _deloaded_minutes(p: Programme, dose: Dose) -> Dose | None:
    if DoseVariable.MINUTES not in p.variables:
        return None
    fraction = p.protocol.layoff.deload_minutes_fraction
    lighter = max(p.start_dose.minutes, float(int(dose.minutes * (1 - fraction))))
    return dose.with_value(DoseVariable.MINUTES, lighter) if lighter < dose.minutes else None


def restart(p: Programme, state: EngineState, gap: int) -> Decision:
    dose = restart_dose(p, state)
    share = round(p.protocol.layoff.restart_fraction * 100)
    reason = (
        f"{gap} days since the last walk, more than {p.protocol.layoff.restart_after_days}: "
        f"start again at about {share} % of the last dose your knee tolerated, never below the "
        f"start ({describe_dose(p, dose)})."
    )
    return Decision(DecisionKind.DELOAD, dose, None, (reason,), resets_trend=True)


def restart_dose(p: Programme, state: EngineState) -> Dose:
    """About `restart_fraction` of the last tolerated dose in each variable, on the grid, at least
    the start value and at most the dose the walker comes back from; both hands on the rails."""
    base = state.tolerated if _same_kind(state.tolerated, p.start_dose) else None
    base = base or state.dose
    fraction, start, now = p.protocol.layoff.restart_fraction, p.start_dose, state.dose
    if isinstance(p.modality, SledRules):
        return _sled_restart(p.modality, base, start, now, fraction)
    minutes = _between(float(int(base.minutes * fraction)), start.minutes, now.minutes)
    dose = start.with_value(DoseVariable.MINUTES, minutes)
    if isinstance(p.equipment, MotorizedTreadmill):
        dose = _treadmill_restart(p, p.equipment, base, dose, now, fraction)
    elif isinstance(p.equipment, ManualTreadmill) and start.resistance_level is not None:
        level = _between(int((base.resistance_level or 1) * fraction), start.resistance_level,
                         now.resistance_level or start.resistance_level)  # fmt: skip
        dose = dose.with_value(DoseVariable.RESISTANCE, level)
    elif isinstance(p.equipment, Outdoor):
        dose = dose.with_value(DoseVariable.DISTANCE, None)
    return dose


def _treadmill_restart(
    p: Programme, treadmill: MotorizedTreadmill, base: Dose, dose: Dose, now: Dose, fraction: float
) -> Dose:
    unit, start = treadmill.speed_unit, p.start_dose
    if base.speed is None or start.speed is None or now.speed is None:
        return dose
    halved = treadmill.speed_grid.floor(base.speed.in_unit(unit) * fraction)
    value = _between(halved, start.speed.in_unit(unit), now.speed.in_unit(unit))
    speed = Speed(value, unit)
    halved_incline = treadmill.incline_grid.floor(base.incline_percent * fraction)
    incline = min(halved_incline, now.incline_percent)
    rules = p.modality
    incline_from = p.incline_speed_min
    if incline_from is None and isinstance(rules, MotorizedRules):
        incline_from = Speed.mph(rules.incline_speed_min_mph)
    slow = incline_from is not None and speed < incline_from
    if slow or incline < (p.incline_first_percent or math.inf):
        incline = 0.0  # incline only from its first step and at a speed that allows it
    return dose.with_value(DoseVariable.SPEED, speed).with_value(DoseVariable.INCLINE, incline)


def _sled_restart(rules: SledRules, base: Dose, start: Dose, now: Dose, fraction: float) -> Dose:
    def halved(value: float, step: float) -> float:
        return math.floor(value * fraction / step) * step

    load = _between(halved(base.load_kg or 0.0, rules.load_step_kg), start.load_kg or 0.0,
                    now.load_kg or 0.0)  # fmt: skip
    distance = _between(int(halved(base.distance_m or 0, rules.distance_step_m)),
                        start.distance_m or 0, now.distance_m or 0)  # fmt: skip
    sets = _between(int((base.set_count or 0) * fraction), start.set_count or 0,
                    now.set_count or 0)  # fmt: skip
    return sled_dose(rules, round(load, 2), distance, sets)


def _between(value: _N, lowest: _N, highest: _N) -> _N:
    """`value` raised to `lowest`, then lowered to `highest` (which wins: never above now)."""
    return min(max(value, lowest), highest)


def _same_kind(dose: Dose | None, other: Dose) -> bool:
    """True when both doses set the same variables (a dose from other equipment is not used)."""
    if dose is None:
        return False
    return (dose.speed is None) == (other.speed is None) and (dose.load_kg is None) == (
        other.load_kg is None
    )
