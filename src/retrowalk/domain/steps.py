"""One step up or down for each dose variable, on the equipment's grid and inside every ceiling.

`step_up` and `step_down` return the new dose, or a `Blocked` saying in plain words why that
variable cannot move. They never return a dose outside the programme's limits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from retrowalk.domain.dose import Dose, DoseVariable
from retrowalk.domain.equipment import ManualTreadmill, MotorizedTreadmill, Sled
from retrowalk.domain.frozen import settable_twin
from retrowalk.domain.modality import MotorizedRules, OutdoorRules, SledRules
from retrowalk.domain.programme import Phase, Programme, sled_dose, sled_max_load
from retrowalk.domain.units import Speed, SpeedUnit, format_number


@dataclass(frozen=True, slots=True)
class Blocked:
    """Why a variable cannot move; `coarse` when it is the equipment's steps, not a target or a
    ceiling, that hold it (the walker is then never told the dose is their target);
    `clinicians` when it is a limit the walker's clinician set (the hold then names it).
    `said` is the reason, or the function that words it from `values`: a dose held at its
    target asks every step each session, and the words are needed only when someone reads the
    decision."""

    said: str | Callable[..., str]
    coarse: bool = False
    clinicians: bool = False
    values: tuple[Any, ...] = ()

    @property
    def reason(self) -> str:
        return self.said if isinstance(self.said, str) else self.said(*self.values)


_SettableBlocked = settable_twin(Blocked)


def _blocked(said: Callable[..., str], values: tuple[Any, ...], clinicians: bool) -> Blocked:
    """`Blocked(said, clinicians=clinicians, values=values)`, built as its settable twin
    (frozen.py): a dose at its target builds one for every step, every session (issue 18)."""
    blocked: Any = _SettableBlocked()
    blocked.said = said
    blocked.coarse = False
    blocked.clinicians = clinicians
    blocked.values = values
    blocked.__class__ = Blocked
    built: Blocked = blocked
    return built


# The variables that make a minute harder (not longer): what a layoff steps back besides minutes,
# and what "a low dose" has not yet raised.
INTENSITY = (DoseVariable.INCLINE, DoseVariable.SPEED, DoseVariable.RESISTANCE, DoseVariable.LOAD)

_SLACK = 1e-6


# The two below loop rather than call `any` over a generator: a generator expression is a
# closure, whose cells its function pays for on every call (issue 18).


def below_start(p: Programme, dose: Dose) -> bool:
    """True when any variable (hand support aside) is below the programme's start dose."""
    for variable in p.variables:  # noqa: SIM110 (see above)
        if _compare(p, dose, variable) < 0:
            return True
    return False


def at_low_dose(p: Programme, dose: Dose) -> bool:
    """No speed, incline, resistance or load above the start: only minutes or hands have moved."""
    for variable in INTENSITY:
        if variable in p.variables and _compare(p, dose, variable) > 0:
            return False
    return True


def _compare(p: Programme, dose: Dose, variable: DoseVariable) -> int:
    """-1, 0 or 1 as `dose` sits below, at or above the start dose in `variable`."""
    now, first = dose.value_of(variable), p.start_dose.value_of(variable)
    if isinstance(now, Speed) and isinstance(first, Speed):
        now, first = now.metres_per_second, first.metres_per_second
    if isinstance(now, int | float) and isinstance(first, int | float):
        return -1 if now < first - _SLACK else int(now > first + _SLACK)
    return 0


# Enum members read on every decision, kept in module constants: in Python 3.11 reading
# `Verdict.GOOD` goes through the hook of EnumType's `__getattr__`, several times the cost
# of a global (issue 18).
_MINUTES = DoseVariable.MINUTES
_SPEED = DoseVariable.SPEED
_INCLINE = DoseVariable.INCLINE
_RESISTANCE = DoseVariable.RESISTANCE
_DISTANCE = DoseVariable.DISTANCE


def step_up(p: Programme, dose: Dose, phase: Phase) -> Dose | Blocked:
    variable = phase.variable
    if variable is _MINUTES:
        target = p.extended_target_minutes if phase.extended else p.target_minutes
        return _minutes_up(p, dose, target or p.target_minutes)
    if variable is _SPEED:
        return _speed_up(p, dose)
    if variable is _INCLINE:
        return _incline_up(p, dose)
    if variable is _RESISTANCE:
        return _resistance_move(p, dose, +1)
    if variable is _DISTANCE and not isinstance(p.equipment, Sled):
        return _outdoor_up(p, dose)
    return _sled_move(p, dose, variable, +1)


def step_down(p: Programme, dose: Dose, variable: DoseVariable) -> Dose | Blocked:
    if variable is DoseVariable.MINUTES:
        floor = p.protocol.minutes.floor
        if dose.minutes <= floor:
            return Blocked(f"minutes are already at the floor of {floor}")
        return dose.with_value(variable, max(floor, dose.minutes - p.protocol.minutes.step))
    if variable is DoseVariable.SPEED:
        return _speed_down(p, dose)
    if variable is DoseVariable.INCLINE:
        return _incline_down(p, dose)
    if variable is DoseVariable.RESISTANCE:
        return _resistance_move(p, dose, -1)
    if variable is DoseVariable.DISTANCE and not isinstance(p.equipment, Sled):
        return _outdoor_down(p, dose)
    if variable is DoseVariable.HAND_SUPPORT:
        return Blocked("hand support only goes back by undoing a change")
    return _sled_move(p, dose, variable, -1)


def wean_hands(dose: Dose) -> Dose | Blocked:
    fewer = dose.hands.weaned()
    if fewer is None:
        return Blocked("already walking hands free")
    return dose.with_value(DoseVariable.HAND_SUPPORT, fewer)


def _minutes_up(p: Programme, dose: Dose, target: int) -> Dose | Blocked:
    if dose.minutes >= target:
        clinicians = p.walker.limits.target_minutes
        if clinicians is not None and target >= clinicians:
            return _blocked(_minutes_at_clinicians_target, (target,), True)
        return _blocked(_minutes_at_target, (target,), False)
    return dose.with_value(
        DoseVariable.MINUTES, min(target, dose.minutes + p.protocol.minutes.step)
    )


def _minutes_at_clinicians_target(target: int) -> str:
    return f"minutes are at the target your clinician set, {target}"


def _minutes_at_target(target: int) -> str:
    return f"minutes are at the target of {target}"


def _speed_up(p: Programme, dose: Dose) -> Dose | Blocked:
    treadmill, speed = p.equipment, dose.speed
    if not isinstance(treadmill, MotorizedTreadmill) or speed is None or p.speed_cap is None:
        return Blocked("this equipment has no speed setting")
    if p.speed_step is None:
        return Blocked(
            "the treadmill's speed steps are too coarse to add speed safely", coarse=True
        )
    if speed >= p.speed_cap:
        cap, shown = p.speed_cap, _shown(p)
        clinicians = p.walker.limits.max_speed
        if clinicians is not None and cap >= treadmill.speed_at_or_below(clinicians):
            return _blocked(_speed_at_clinicians_ceiling, (cap, shown), True)
        return _blocked(_speed_at_ceiling, (cap, shown), False)
    grid = treadmill.speed_grid
    raised = min(grid.floor(speed.value + p.speed_step), p.speed_cap.value)
    return dose.with_value(DoseVariable.SPEED, Speed(raised, speed.unit))


def _speed_at_clinicians_ceiling(cap: Speed, shown: SpeedUnit) -> str:
    return f"speed is at the ceiling your clinician set, {cap.describe(shown)}"


def _speed_at_ceiling(cap: Speed, shown: SpeedUnit) -> str:
    return f"speed is at its ceiling of {cap.describe(shown)}"


def _speed_down(p: Programme, dose: Dose) -> Dose | Blocked:
    treadmill, speed = p.equipment, dose.speed
    if not isinstance(treadmill, MotorizedTreadmill) or speed is None:
        return Blocked("this equipment has no speed setting")
    floor = p.start_dose.speed or treadmill.minimum_speed
    if speed <= floor:
        return Blocked(f"speed is already at the starting {speed.describe(_shown(p))}")
    step = p.speed_step or treadmill.speed_grid.step
    lowered = max(treadmill.speed_grid.ceil(speed.value - step), floor.value)
    return dose.with_value(DoseVariable.SPEED, Speed(lowered, speed.unit))


def _incline_up(p: Programme, dose: Dose) -> Dose | Blocked:
    treadmill, rules = p.equipment, p.modality
    if not isinstance(treadmill, MotorizedTreadmill) or not isinstance(rules, MotorizedRules):
        return Blocked("this equipment has no incline setting")
    if p.incline_ceiling_percent <= 0:
        return Blocked("this plan walks flat (no incline on this treadmill, or a limit of 0 %)")
    if p.incline_first_percent is None:
        return Blocked("the treadmill's incline steps are too coarse to start gently", coarse=True)
    if dose.incline_percent >= p.incline_ceiling_percent:
        ceiling = p.incline_ceiling_percent
        if p.incline_ceiling_is_clinicians:
            return _blocked(_incline_at_clinicians_ceiling, (ceiling,), True)
        return _blocked(_incline_at_ceiling, (ceiling,), False)
    incline_from = p.incline_speed_min or Speed.mph(rules.incline_speed_min_mph)
    if dose.speed is None or dose.speed < incline_from:
        return Blocked(f"incline starts only from {incline_from.describe(_shown(p))}")
    if dose.incline_percent == 0:
        return dose.with_value(DoseVariable.INCLINE, p.incline_first_percent)
    if p.incline_step_percent is None:
        return Blocked("the treadmill's incline steps are too coarse", coarse=True)
    raised = treadmill.incline_grid.floor(dose.incline_percent + p.incline_step_percent)
    return dose.with_value(DoseVariable.INCLINE, min(raised, p.incline_ceiling_percent))


def _incline_at_clinicians_ceiling(ceiling: float) -> str:
    return f"incline is at the ceiling your clinician set, {format_number(ceiling)} %"


def _incline_at_ceiling(ceiling: float) -> str:
    return f"incline is at its ceiling of {format_number(ceiling)} %"


def _incline_down(p: Programme, dose: Dose) -> Dose | Blocked:
    treadmill = p.equipment
    if not isinstance(treadmill, MotorizedTreadmill) or dose.incline_percent <= 0:
        return Blocked("the walk is already flat")
    step = p.incline_step_percent or treadmill.incline_grid.step
    lowered = treadmill.incline_grid.ceil(dose.incline_percent - step)
    first = p.incline_first_percent or 0.0
    return dose.with_value(DoseVariable.INCLINE, lowered if lowered >= first else 0.0)


def _resistance_move(p: Programme, dose: Dose, direction: int) -> Dose | Blocked:
    machine, level = p.equipment, dose.resistance_level
    if not isinstance(machine, ManualTreadmill) or level is None:
        return Blocked("this equipment has no resistance levels")
    step = getattr(p.modality, "level_step", 1)
    moved = level + direction * step
    if moved > machine.resistance_levels:
        return Blocked(f"resistance is at the top level ({machine.resistance_levels})")
    if moved < 1:
        return Blocked("resistance is at the lowest level")
    return dose.with_value(DoseVariable.RESISTANCE, moved)


def _sled_move(p: Programme, dose: Dose, variable: DoseVariable, direction: int) -> Dose | Blocked:
    sled, rules = p.equipment, p.modality
    if not isinstance(sled, Sled) or not isinstance(rules, SledRules):
        return Blocked("only a sled has load, distance per set and sets")
    load, distance, sets = dose.load_kg or 0.0, dose.distance_m or 0, dose.set_count or 0
    if variable is DoseVariable.LOAD:
        load = round(load + direction * rules.load_step_kg, 2)
        if load > sled_max_load(sled, rules) + 1e-9 or load < 0:
            return Blocked("the sled's load is at its limit")
    elif variable is DoseVariable.DISTANCE:
        distance += direction * rules.distance_step_m
        if not rules.distance_step_m <= distance <= rules.max_distance_m:
            return Blocked("the distance per set is at its limit")
    else:
        sets += direction
        if not 1 <= sets <= rules.max_sets:
            return Blocked("the number of sets is at its limit")
    return sled_dose(rules, load, distance, sets)


def outdoor_distance_cap(p: Programme, minutes: float) -> int:
    """The most ground `minutes` may cover without averaging faster than the speed ceiling."""
    rules = p.modality
    rounding = rules.distance_round_m if isinstance(rules, OutdoorRules) else 10
    ceiling = p.speed_ceiling or Speed.mph(p.population.speed_ceiling_mph)
    metres = ceiling.metres_per_minute * minutes
    return int(metres // rounding * rounding)


def _outdoor_up(p: Programme, dose: Dose) -> Dose | Blocked:
    rules = p.modality
    if not isinstance(rules, OutdoorRules):
        return Blocked("only outdoor walks progress by distance")
    cap = outdoor_distance_cap(p, dose.minutes)
    if dose.distance_m is None:
        easy = Speed.mph(rules.assumed_speed_mph).metres_per_minute * dose.minutes
        first = int(round(easy / rules.distance_round_m) * rules.distance_round_m)
        return dose.with_value(DoseVariable.DISTANCE, min(first, cap))
    if dose.distance_m >= cap:
        return Blocked(f"{dose.distance_m} m in {format_number(dose.minutes)} min is the top pace")
    return dose.with_value(DoseVariable.DISTANCE, min(cap, dose.distance_m + rules.distance_step_m))


def _outdoor_down(p: Programme, dose: Dose) -> Dose | Blocked:
    rules = p.modality
    if dose.distance_m is None or not isinstance(rules, OutdoorRules):
        return Blocked("no distance target to lower")
    lowered = dose.distance_m - rules.distance_step_m
    easy = Speed.mph(rules.assumed_speed_mph).metres_per_minute * dose.minutes
    return dose.with_value(DoseVariable.DISTANCE, lowered if lowered >= easy else None)


def _shown(p: Programme) -> SpeedUnit:
    return p.walker.units.speed_unit
