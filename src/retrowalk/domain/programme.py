"""The protocol resolved for one walker on one piece of equipment.

A Programme holds every limit and step the engine needs, already combined (population row,
severity, balance caps, caution, experience, the clinician's limits) and already placed on the
equipment's own grid, so the engine never has to ask twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from retrowalk.domain.dose import Dose, DoseVariable, HandSupport
from retrowalk.domain.equipment import (
    Deadmill,
    Equipment,
    ManualTreadmill,
    MotorizedTreadmill,
    Outdoor,
    Sled,
    has_handrails,
)
from retrowalk.domain.errors import SafetyLimitError
from retrowalk.domain.modality import ManualRules, ModalityRules, MotorizedRules, SledRules
from retrowalk.domain.population import experience_lifts_caps, resolve_population
from retrowalk.domain.protocol import Population, Protocol
from retrowalk.domain.screening import Screening, screen
from retrowalk.domain.units import Speed
from retrowalk.domain.walker import WalkerProfile

_VARIABLES_BY_KIND = {
    MotorizedTreadmill: (DoseVariable.MINUTES, DoseVariable.SPEED, DoseVariable.INCLINE),
    Deadmill: (DoseVariable.MINUTES,),
    ManualTreadmill: (DoseVariable.MINUTES, DoseVariable.RESISTANCE),
    Sled: (DoseVariable.LOAD, DoseVariable.DISTANCE, DoseVariable.SETS),
    Outdoor: (DoseVariable.MINUTES, DoseVariable.DISTANCE),
}


@dataclass(frozen=True, slots=True)
class Phase:
    """One step of the progression order; `extended` is minutes past the target."""

    variable: DoseVariable
    extended: bool = False


@dataclass(frozen=True, slots=True)
class Programme:
    walker: WalkerProfile
    equipment: Equipment
    protocol: Protocol
    modality: ModalityRules
    population: Population
    start_dose: Dose
    target_minutes: int
    extended_target_minutes: int | None
    phases: tuple[Phase, ...]
    step_down_order: tuple[DoseVariable, ...]
    variables: tuple[DoseVariable, ...]
    good_sessions_to_progress: int
    sessions_before_wean: int
    max_set_minutes: float
    cautious_start: bool
    speed_ceiling: Speed | None
    speed_cap: Speed | None
    speed_step: float | None
    incline_speed_min: Speed | None
    incline_ceiling_percent: float
    incline_first_percent: float | None
    incline_step_percent: float | None
    warnings: tuple[str, ...]
    # True when the clinician's incline cap is what holds the ceiling (not the protocol or the
    # treadmill): a cap off the treadmill's grid still binds, at the grid step below it.
    incline_ceiling_is_clinicians: bool = False


def screened_programme(
    walker: WalkerProfile,
    equipment: Equipment,
    protocol: Protocol,
    modality: ModalityRules,
    on: date,
) -> tuple[Screening, Programme | None]:
    """Screen the walker; where nothing stops them, their programme too."""
    screening = screen(walker, equipment, protocol, modality, on)
    if not screening.cleared_to_start:
        return screening, None
    return screening, build_programme(walker, equipment, protocol, modality, screening)


def build_programme(
    walker: WalkerProfile,
    equipment: Equipment,
    protocol: Protocol,
    modality: ModalityRules,
    screening: Screening,
) -> Programme:
    if not screening.cleared_to_start:
        raise SafetyLimitError("no programme while a red flag stands")
    population = resolve_population(protocol, walker)
    target = _capped(population.target_minutes, walker.limits.target_minutes)
    extended = population.extended_target_minutes
    lifted = experience_lifts_caps(walker, protocol)
    if lifted:
        extended = max(extended or target, protocol.experienced_target_minutes)
    if extended is not None:
        extended = _capped(extended, walker.limits.target_minutes)
    start_minutes = population.start_minutes
    extra_good = protocol.caution.extra_good_sessions if screening.cautious_start else 0
    if screening.cautious_start:
        start_minutes = min(start_minutes, protocol.caution.start_minutes)
    if sloped_deck(equipment) and isinstance(modality, ManualRules):
        start_minutes = min(start_minutes, modality.sloped_start_minutes)
        extra_good += modality.sloped_extra_good_sessions
    grid = _grid_limits(walker, equipment, modality, population, lifted)
    phases = tuple(Phase(DoseVariable(step)) for step in modality.order)
    if extended is not None and extended > target and "minutes" in modality.order:
        phases = (*phases, Phase(DoseVariable.MINUTES, extended=True))
    start = _start_dose(equipment, modality, min(start_minutes, target), grid)
    return Programme(
        walker=walker,
        equipment=equipment,
        protocol=protocol,
        modality=modality,
        population=population,
        start_dose=start,
        target_minutes=target,
        extended_target_minutes=extended if extended is not None and extended > target else None,
        phases=phases,
        step_down_order=tuple(DoseVariable(step) for step in reversed(modality.order)),
        variables=(*_VARIABLES_BY_KIND[type(equipment)], DoseVariable.HAND_SUPPORT),
        good_sessions_to_progress=protocol.readiness.good_sessions_to_progress + extra_good,
        sessions_before_wean=population.sessions_before_wean
        if population.sessions_before_wean is not None
        else protocol.hands.sessions_before_wean,
        max_set_minutes=protocol.sets.max_set_minutes,
        cautious_start=screening.cautious_start,
        speed_ceiling=grid.speed_ceiling,
        speed_cap=grid.speed_cap,
        speed_step=grid.speed_step,
        incline_speed_min=grid.incline_speed_min,
        incline_ceiling_percent=grid.incline_ceiling_percent,
        incline_first_percent=grid.incline_first_percent,
        incline_step_percent=grid.incline_step_percent,
        warnings=grid.warnings,
        incline_ceiling_is_clinicians=grid.incline_ceiling_is_clinicians,
    )


@dataclass(frozen=True, slots=True)
class _GridLimits:
    speed_ceiling: Speed | None = None
    speed_cap: Speed | None = None
    speed_step: float | None = None
    incline_speed_min: Speed | None = None
    incline_ceiling_percent: float = 0.0
    incline_first_percent: float | None = None
    incline_step_percent: float | None = None
    start_speed: Speed | None = None
    warnings: tuple[str, ...] = ()
    incline_ceiling_is_clinicians: bool = False


def _grid_limits(
    walker: WalkerProfile,
    equipment: Equipment,
    modality: ModalityRules,
    population: Population,
    lifted: bool,
) -> _GridLimits:
    if isinstance(equipment, MotorizedTreadmill) and isinstance(modality, MotorizedRules):
        return _treadmill_limits(walker, equipment, modality, population, lifted)
    if isinstance(equipment, ManualTreadmill):
        return _GridLimits(incline_ceiling_percent=equipment.incline_percent)
    if isinstance(equipment, Outdoor):
        limits = [Speed.mph(population.speed_ceiling_mph)]
        if walker.limits.max_speed is not None:
            limits.append(walker.limits.max_speed)
        return _GridLimits(speed_ceiling=min(limits, key=lambda s: s.metres_per_second))
    return _GridLimits()


def _treadmill_limits(
    walker: WalkerProfile,
    treadmill: MotorizedTreadmill,
    rules: MotorizedRules,
    pop: Population,
    lifted: bool,
) -> _GridLimits:
    unit = treadmill.speed_unit
    grid = treadmill.speed_grid
    below_running = Speed.mph(rules.walking_limit_mph - 1e-6)
    ceilings = [Speed.mph(pop.speed_ceiling_mph), below_running, treadmill.maximum_speed]
    if walker.limits.max_speed is not None:
        ceilings.append(walker.limits.max_speed)
    ceiling = treadmill.speed_at_or_below(min(ceilings, key=lambda s: s.metres_per_second))
    start = min(treadmill.speed_at_or_below(Speed.mph(pop.start_speed_mph)), ceiling)
    incline_ceiling, clinicians_incline = _incline_ceiling(walker, treadmill, pop, lifted)
    speed_cap = ceiling
    if incline_ceiling > 0 and "incline" in rules.order:
        on_incline = Speed.mph(rules.incline_speed_max_mph)
        speed_cap = min(ceiling, treadmill.speed_at_or_below(on_incline))
    warnings = []
    step: float | None = _grid_step(Speed.mph(rules.speed_step_mph).in_unit(unit), grid.step)
    coarse_speed = (
        step is not None and step > Speed.mph(rules.max_speed_step_mph).in_unit(unit) + 1e-9
    )
    if coarse_speed:
        step = None
    # Incline starts from 1.0 mph, or from the fastest speed the plan can reach if that is
    # slower (a coarse speed grid, a low limit): incline at a slow speed is the safer pairing.
    reachable = start if step is None else speed_cap
    incline_from = min(Speed.mph(rules.incline_speed_min_mph), reachable)
    incline_grid = treadmill.incline_grid
    first = incline_grid.ceil(rules.incline_first_percent) if incline_ceiling > 0 else None
    if first is not None and (first > rules.max_incline_first_percent or first > incline_ceiling):
        first = None
    if coarse_speed:  # "then incline" only where the incline can start at all
        warnings.append(_coarse_speed_warning(treadmill, rules, first is not None))
    incline_step = _grid_step(rules.incline_step_percent, incline_grid.step)
    coarse_start = incline_grid.ceil(rules.incline_first_percent) > rules.max_incline_first_percent
    coarse_steps = incline_step > rules.max_incline_step_percent
    if incline_ceiling > 0 and (coarse_start or coarse_steps):
        warnings.append(
            f"This treadmill's incline changes in steps of {incline_grid.step:g} %, more than "
            f"the {rules.max_incline_step_percent:g} % a step may add: the plan will not raise "
            "the incline."
        )
    return _GridLimits(
        speed_ceiling=ceiling,
        speed_cap=speed_cap,
        speed_step=step,
        incline_speed_min=incline_from,
        incline_ceiling_percent=incline_ceiling,
        incline_first_percent=first,
        incline_step_percent=incline_step
        if incline_step <= rules.max_incline_step_percent + 1e-9
        else None,
        incline_ceiling_is_clinicians=clinicians_incline,
        start_speed=start,
        warnings=tuple(warnings),
    )


def _coarse_speed_warning(
    treadmill: MotorizedTreadmill, rules: MotorizedRules, incline: bool
) -> str:
    grid_step = Speed(treadmill.speed_grid.step, treadmill.speed_unit).describe()
    then = (
        "minutes progress, then incline, from the slowest speed (incline at a slow speed is "
        "the safer pairing)"
        if incline
        else "only minutes progress"
    )
    return (
        f"This treadmill changes speed in steps of {grid_step}, more than the "
        f"{rules.max_speed_step_mph} mph a step may add: the plan will not raise the speed; "
        f"{then}."
    )


def _incline_ceiling(
    walker: WalkerProfile, treadmill: MotorizedTreadmill, pop: Population, lifted: bool
) -> tuple[float, bool]:
    """The incline ceiling on the treadmill's grid, and whether the clinician's cap sets it.

    The population's ceiling, or the treadmill's own where experience lifts it; a clinician's
    cap at or below that holds instead (one between two grid steps at the step below it).
    """
    if not treadmill.has_incline:
        return 0.0, False
    ceiling = treadmill.incline_grid.floor(
        treadmill.incline_grid.highest if lifted else pop.incline_ceiling_percent
    )
    cap = walker.limits.max_incline_percent
    if cap is None or cap > ceiling + 1e-9:
        return ceiling, False
    return treadmill.incline_grid.floor(cap), True


def _grid_step(wanted: float, grid_step: float) -> float:
    """The protocol's step rounded to whole grid steps (at least one)."""
    return round(max(1, round(wanted / grid_step)) * grid_step, 6)


def _start_dose(
    equipment: Equipment, modality: ModalityRules, minutes: int, grid: _GridLimits
) -> Dose:
    hands = HandSupport.BOTH if has_handrails(equipment) else HandSupport.NONE
    if isinstance(equipment, MotorizedTreadmill):
        return Dose(minutes=minutes, hands=hands, speed=grid.start_speed)
    if isinstance(equipment, ManualTreadmill):
        # A sloped deck starts at the lowest resistance (PROTOCOL.md §7).
        level = 1 if sloped_deck(equipment) else getattr(modality, "start_level", 1)
        level = min(level, equipment.resistance_levels)
        return Dose(
            minutes, hands, incline_percent=equipment.incline_percent, resistance_level=level
        )
    if isinstance(equipment, Sled) and isinstance(modality, SledRules):
        load = min(_sled_start_load(equipment, modality), sled_max_load(equipment, modality))
        return sled_dose(modality, load, modality.start_distance_m, modality.start_sets)
    return Dose(minutes=minutes, hands=hands)


def sloped_deck(equipment: Equipment) -> bool:
    """A self-powered treadmill whose fixed deck inclines at all."""
    return isinstance(equipment, ManualTreadmill) and equipment.incline_percent > 0


def sled_dose(rules: SledRules, load_kg: float, distance_m: int, sets: int) -> Dose:
    """A sled session; its minutes follow from the distance pulled at the protocol's pace."""
    minutes = round(sets * distance_m / rules.pace_m_per_min, 2)
    return Dose(minutes, HandSupport.NONE, load_kg=load_kg, distance_m=distance_m, set_count=sets)


def sled_max_load(sled: Sled, rules: SledRules) -> float:
    return min(sled.max_load_kg or rules.max_load_kg, rules.max_load_kg)


def _sled_start_load(sled: Sled, rules: SledRules) -> float:
    return rules.start_load_kg if sled.start_load_kg is None else sled.start_load_kg


def _capped(value: int, limit: int | None) -> int:
    return value if limit is None else min(value, limit)
