"""A plan preview: the sessions the engine would prescribe over the coming weeks for a script of
outcomes (PRODUCT.md, the simulation contract). Pure: the same inputs give the same plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from retrowalk.domain.dose import Dose
from retrowalk.domain.energy import EnergyEstimate, estimate_energy
from retrowalk.domain.equipment import (
    Deadmill,
    Equipment,
    EquipmentKind,
    ManualTreadmill,
    MotorizedTreadmill,
    Outdoor,
    Sled,
)
from retrowalk.domain.errors import InputError
from retrowalk.domain.modality import ModalityRules, SledRules
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.population import resolve_population
from retrowalk.domain.programme import Programme, screened_programme
from retrowalk.domain.progression import (
    Decision,
    clear_by_clinician,
    decide,
    initial_state,
    record,
)
from retrowalk.domain.protocol import EnergyRules, Population, Protocol
from retrowalk.domain.schedule import MOST_SESSIONS_WITH_REST_DAYS, session_dates
from retrowalk.domain.screening import Screening
from retrowalk.domain.structure import equal_sets, split_into_sets
from retrowalk.domain.units import Speed
from retrowalk.domain.walker import WalkerProfile


@dataclass(frozen=True, slots=True)
class ScriptedSession:
    """One entry of an outcome script: what happened, maybe on another day, maybe after a
    clinician's clearance."""

    outcome: SessionOutcome = field(default_factory=SessionOutcome)
    on: date | None = None
    cleared_by_clinician: bool = False


@dataclass(frozen=True, slots=True)
class PlanRequest:
    walker: WalkerProfile
    equipment: Equipment
    protocol: Protocol
    modality: ModalityRules
    start: date
    weeks: int
    sessions_per_week: int | None = None
    script: Sequence[ScriptedSession] = ()


@dataclass(frozen=True, slots=True)
class PlannedSession:
    index: int
    on: date
    week: int
    decision: Decision
    missed: bool
    sets: tuple[float, ...]
    rest_minutes: float
    energy: EnergyEstimate | None


@dataclass(frozen=True, slots=True)
class PlanPreview:
    protocol_name: str
    equipment_kind: EquipmentKind
    screening: Screening
    sessions: tuple[PlannedSession, ...]
    warnings: tuple[str, ...]
    sessions_per_week: int


def preview_plan(request: PlanRequest) -> PlanPreview:
    population = resolve_population(request.protocol, request.walker)
    screening, programme = screened_programme(
        request.walker, request.equipment, request.protocol, request.modality, request.start
    )
    per_week = request.sessions_per_week or population.sessions_per_week_max
    kind = request.equipment.kind
    if programme is None:
        return PlanPreview(request.protocol.name, kind, screening, (), screening.warnings, per_week)
    dates = session_dates(
        request.start, request.weeks, per_week, request.protocol.schedule.rest_day_weeks
    )
    _check_script_fits(request.script, dates)
    sessions = _run(programme, request.start, dates, request.script)
    warnings = (
        *screening.warnings,
        *programme.warnings,
        *_schedule_warnings(request, per_week, population),
        *_energy_warnings(sessions, request.protocol.energy),
    )
    return PlanPreview(request.protocol.name, kind, screening, sessions, warnings, per_week)


def _run(
    p: Programme, start: date, dates: list[date], script: Sequence[ScriptedSession]
) -> tuple[PlannedSession, ...]:
    state = initial_state(p)
    sessions = []
    for index, scheduled in enumerate(dates):
        entry = script[index] if index < len(script) else ScriptedSession()
        on = entry.on or scheduled
        if entry.cleared_by_clinician:
            state = clear_by_clinician(state)
        decision = decide(p, state, on)
        state = record(p, state, decision, entry.outcome, on)
        sessions.append(_planned(p, index, on, (on - start).days // 7 + 1, decision, entry))
    return tuple(sessions)


def _planned(
    p: Programme, index: int, on: date, week: int, decision: Decision, entry: ScriptedSession
) -> PlannedSession:
    dose = decision.dose if decision.walk else None
    sets, rest = session_structure(p, dose) if dose is not None else ((), 0.0)
    energy = None if dose is None else session_energy(p, dose)
    missed = decision.walk and not entry.outcome.done
    return PlannedSession(index, on, week, decision, missed, sets, rest, energy)


def session_structure(p: Programme, dose: Dose) -> tuple[tuple[float, ...], float]:
    """The day's sets (minutes each) and the rest between them."""
    if isinstance(p.modality, SledRules):
        each = (dose.distance_m or 0) / p.modality.pace_m_per_min
        return equal_sets(dose.set_count or 0, each), p.modality.rest_minutes
    return split_into_sets(dose.minutes, p.max_set_minutes), p.protocol.sets.rest_minutes


def session_energy(p: Programme, dose: Dose) -> EnergyEstimate | None:
    """Estimated effort for a dose; None where no walking equation applies (the sled)."""
    equipment, rules = p.equipment, p.protocol.energy
    speed = _assumed_speed(p, dose)
    if speed is None or isinstance(equipment, Sled):
        return None
    grade = dose.incline_percent if not isinstance(equipment, Outdoor) else 0.0
    return estimate_energy(speed, grade, dose.minutes, p.walker.weight_kg, rules)


def _assumed_speed(p: Programme, dose: Dose) -> float | None:
    """Metres per minute: the belt speed, or the pace the protocol assumes for self-paced walks."""
    equipment = p.equipment
    if isinstance(equipment, MotorizedTreadmill):
        return dose.speed.metres_per_minute if dose.speed else None
    if isinstance(equipment, Outdoor) and dose.distance_m and dose.minutes:
        return dose.distance_m / dose.minutes
    assumed = getattr(p.modality, "assumed_speed_mph", None)
    if isinstance(equipment, Deadmill | ManualTreadmill | Outdoor) and assumed:
        return Speed.mph(assumed).metres_per_minute
    return None


def _schedule_warnings(request: PlanRequest, per_week: int, population: Population) -> list[str]:
    warnings = []
    rest_weeks = request.protocol.schedule.rest_day_weeks
    if per_week > MOST_SESSIONS_WITH_REST_DAYS and rest_weeks > 0:
        warnings.append(
            f"The first {rest_weeks} weeks keep a rest day between sessions, so they hold "
            f"{MOST_SESSIONS_WITH_REST_DAYS} sessions a week; {per_week} a week after that."
        )
    most, fewest = population.sessions_per_week_max, population.sessions_per_week_min
    if per_week > most:
        warnings.append(
            f"{per_week} sessions a week is more than the {most} this protocol recommends "
            "for this walker; rest days help the knee recover."
        )
    elif per_week < fewest:
        warnings.append(
            f"{per_week} session(s) a week is fewer than the {fewest} this protocol recommends; "
            "progress will be slower."
        )
    return warnings


def _energy_warnings(sessions: tuple[PlannedSession, ...], rules: EnergyRules) -> list[str]:
    estimates = [s.energy for s in sessions if s.energy is not None]
    if not estimates:
        return []
    note = "Energy figures are estimates from the ACSM walking equation scaled for walking backward"
    if any(not e.within_equation_range for e in estimates):
        slowest = rules.acsm_valid_from_m_per_min
        mph = slowest / Speed.mph(1).metres_per_minute
        note += (
            f"; below about {slowest:g} m/min ({mph:.1f} mph) the equation is outside the speeds "
            "it was built on"
        )
    return [note + "."]


def _check_script_fits(script: Sequence[ScriptedSession], dates: list[date]) -> None:
    """An outcome script must not outrun the schedule, and moved sessions must keep their order."""
    if len(script) > len(dates):
        raise InputError(
            "outcomes",
            f"{len(script)} entries",
            f"the plan has {len(dates)} sessions; give at most one entry per session",
        )
    previous = dates[0] - timedelta(days=1) if dates else None
    for index, scheduled in enumerate(dates):
        on = (script[index].on if index < len(script) else None) or scheduled
        if previous is not None and on <= previous:
            raise InputError(
                f"outcomes[{index}].date",
                on.isoformat(),
                f"a moved session must fall after {previous.isoformat()} (the session before it, "
                "or the plan's start)",
            )
        previous = on
