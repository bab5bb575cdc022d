"""The limits in force for a walker, each with where it comes from (the protocol file's row, the
clinician's own limit, the equipment, the walking-not-running line), for the therapist's report.
The numbers are the programme's: already combined and placed on the equipment's grid."""

from __future__ import annotations

from dataclasses import dataclass

from retrowalk.domain.equipment import MotorizedTreadmill
from retrowalk.domain.modality import MotorizedRules
from retrowalk.domain.population import experience_lifts_caps
from retrowalk.domain.programme import Programme
from retrowalk.domain.units import Speed, format_number
from retrowalk.services.answer_words import condition_words
from retrowalk.services.records import Prescription


@dataclass(frozen=True, slots=True)
class Limit:
    label: str
    value: str
    source: str


def limits_in_force(p: Programme, plan: Prescription) -> tuple[Limit, ...]:
    row = f"the {p.protocol.name} protocol's row for {condition_words(p.walker)}"
    pain = p.protocol.pain
    limits = [
        Limit("Protocol", p.protocol.title, f"protocol file “{p.protocol.name}”"),
        _speed_limit(p, row),
        _incline_limit(p, row),
        _minutes_limit(p, row),
        Limit(
            "Sessions a week",
            str(plan.sessions_per_week),
            f"the walker's plan; {row} allows "
            f"{p.population.sessions_per_week_min} to {p.population.sessions_per_week_max}",
        ),
        Limit(
            "Pain limit",
            f"{pain.acceptable_max} of 10 during or after; next morning at most usual pain "
            f"+ {pain.next_morning_margin}",
            "the protocol's pain-monitoring rules (0–3 safe, 4–5 acceptable, above 5 not)",
        ),
    ]
    return tuple(limit for limit in limits if limit is not None)


def _speed_limit(p: Programme, row: str) -> Limit | None:
    ceiling = p.speed_ceiling
    if ceiling is None:
        return None
    unit = p.walker.units.speed_unit
    own = p.walker.limits.max_speed
    candidates: list[tuple[Speed, str]] = [(Speed.mph(p.population.speed_ceiling_mph), row)]
    if own is not None:
        candidates.append((own, "the clinician's limit for this walker"))
    if isinstance(p.equipment, MotorizedTreadmill):
        candidates.append((p.equipment.maximum_speed, "the treadmill's top speed"))
    if isinstance(p.modality, MotorizedRules):
        walking = Speed.mph(p.modality.walking_limit_mph)
        candidates.append((walking, "below the speed where walking backward turns into running"))
    source = min(candidates, key=lambda c: c[0].metres_per_second)[1]
    return Limit("Speed ceiling", ceiling.describe(unit), source)


def _incline_limit(p: Programme, row: str) -> Limit:
    value = f"{format_number(p.incline_ceiling_percent, 2)} %"
    if isinstance(p.equipment, MotorizedTreadmill) and not p.equipment.has_incline:
        return Limit("Incline ceiling", "flat", "the treadmill has no incline")
    if not isinstance(p.equipment, MotorizedTreadmill):
        return Limit("Incline", value, "the equipment's own (not changed by the plan)")
    own = p.walker.limits.max_incline_percent
    if own is not None and own <= p.incline_ceiling_percent + 1e-9:
        return Limit("Incline ceiling", value, "the clinician's limit for this walker")
    if experience_lifts_caps(p.walker, p.protocol):
        return Limit("Incline ceiling", value, "the treadmill's top incline (experienced walker)")
    if p.equipment.incline_grid.highest + 1e-9 < p.population.incline_ceiling_percent:
        return Limit("Incline ceiling", value, "the treadmill's top incline")
    return Limit("Incline ceiling", value, row)


def _minutes_limit(p: Programme, row: str) -> Limit:
    own = p.walker.limits.target_minutes
    source = "the clinician's limit for this walker" if own == p.target_minutes else row
    value = f"{p.target_minutes} min a session"
    if p.extended_target_minutes is not None:
        value += f", then up to {p.extended_target_minutes} min while pain stays low"
    return Limit("Target minutes", value, source)
