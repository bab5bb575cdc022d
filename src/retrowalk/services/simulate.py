"""The plan preview use case: a scenario in, the prescribed sessions out (PRODUCT.md contract)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from retrowalk.domain.equipment import EquipmentKind
from retrowalk.domain.plan import PlannedSession, PlanPreview, PlanRequest, preview_plan
from retrowalk.domain.units import SpeedUnit, UnitSystem
from retrowalk.protocols import load_modality, protocol_for_walker

if TYPE_CHECKING:
    # The scenario file's models load when a scenario is read: `retrowalk plan` of the stored
    # walker only renders a preview (Simulation, simulation_json).
    from retrowalk.services.scenario import ScenarioIn

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_RED_FLAG = 3


@dataclass(frozen=True, slots=True)
class Simulation:
    preview: PlanPreview
    units: UnitSystem

    @property
    def exit_status(self) -> int:
        return EXIT_OK if self.preview.screening.cleared_to_start else EXIT_RED_FLAG

    @property
    def red_flag_message(self) -> str:
        return " ".join(flag.message for flag in self.preview.screening.red)


def simulate_text(text: str) -> Simulation:
    """Parse a scenario's JSON text and preview its plan; raises InputError for bad input."""
    from retrowalk.services.scenario import parse_scenario

    return simulate(parse_scenario(text))


def simulate(scenario: ScenarioIn) -> Simulation:
    from retrowalk.services.scenario import equipment_of, scripted_sessions, walker_profile

    walker = walker_profile(scenario.walker)
    equipment = equipment_of(scenario.equipment)
    protocol = protocol_for_walker(walker, scenario.start)
    request = PlanRequest(
        walker=walker,
        equipment=equipment,
        protocol=protocol,
        modality=load_modality(equipment.kind),
        start=scenario.start,
        weeks=scenario.weeks,
        sessions_per_week=scenario.sessions_per_week,
        script=scripted_sessions(scenario.outcomes),
    )
    return Simulation(preview_plan(request), walker.units)


def simulation_json(simulation: Simulation) -> dict[str, Any]:
    preview = simulation.preview
    sessions = [_session_json(s, preview.equipment_kind) for s in preview.sessions]
    walked = [s for s in preview.sessions if not s.missed and s.decision.walk]
    return {
        "protocol": preview.protocol_name,
        "units": simulation.units.value,
        "sessions_per_week": preview.sessions_per_week,
        "flags": [
            {"level": f.level.value, "code": f.code, "message": f.message}
            for f in preview.screening.flags
        ],
        "warnings": list(preview.warnings),
        "sessions": sessions,
        "summary": {
            "sessions": len(sessions),
            "missed": sum(1 for s in preview.sessions if s.missed),
            "planned_minutes": _number(sum(s.decision.dose.minutes for s in walked)),
            "energy_kcal": _number(round(sum(s.energy.kcal or 0 for s in walked if s.energy), 1)),
        },
    }


def _session_json(session: PlannedSession, kind: EquipmentKind) -> dict[str, Any]:
    decision, dose = session.decision, session.decision.dose
    speed = dose.speed
    out: dict[str, Any] = {
        "index": session.index,
        "date": session.on.isoformat(),
        "week": session.week,
        "missed": session.missed,
        "minutes": _number(dose.minutes if decision.walk else 0),
        "sets": [_number(m) for m in session.sets],
        "rest_minutes": _number(session.rest_minutes) if len(session.sets) > 1 else 0,
        "speed_mph": None if speed is None else round(speed.in_unit(SpeedUnit.MPH), 2),
        "speed_kmh": None if speed is None else round(speed.in_unit(SpeedUnit.KMH), 2),
        "incline_percent": round(dose.incline_percent, 2),
        "hand_support": dose.hands.value,
        "decision": decision.kind.value,
        "changed": None if decision.changed is None else decision.changed.value,
        "reasons": list(decision.reasons),
        "energy_kcal": None if session.energy is None else session.energy.kcal,
        "met": None if session.energy is None else session.energy.met,
    }
    if kind is EquipmentKind.MANUAL_TREADMILL:
        out["resistance_level"] = dose.resistance_level
    if kind is EquipmentKind.SLED:
        out["load_kg"] = None if dose.load_kg is None else _number(dose.load_kg)
    if kind in (EquipmentKind.SLED, EquipmentKind.OUTDOOR):
        out["distance_m"] = dose.distance_m
    return out


def _number(value: float) -> float | int:
    """Whole numbers as integers (5, not 5.0); others rounded to two places."""
    rounded = round(value, 2)
    return int(rounded) if float(rounded).is_integer() else rounded
