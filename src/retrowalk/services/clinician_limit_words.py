"""The clinician's limits as plain facts (for the audit log) and as the reasons a re-planned
session gives first ("Your clinician set a speed ceiling of 1 mph: ...")."""

from __future__ import annotations

from retrowalk.domain.profile_change import Scalar
from retrowalk.domain.units import UnitSystem, format_number
from retrowalk.domain.walker import WalkerLimits
from retrowalk.services.answer_words import day_words
from retrowalk.services.records import Prescription, StoredPlannedSession


def limits_facts(limits: WalkerLimits, plan: Prescription) -> dict[str, Scalar]:
    speed = limits.max_speed
    return {
        "max_speed": None if speed is None else speed.value,
        "max_speed_unit": None if speed is None else speed.unit.value,
        "max_incline_percent": limits.max_incline_percent,
        "target_minutes": limits.target_minutes,
        "hands_free_allowed": limits.hands_free_allowed,
        "sessions_per_week": plan.sessions_per_week,
        "protocol": plan.protocol,
    }


def limit_reasons(
    before: dict[str, Scalar],
    after: dict[str, Scalar],
    units: UnitSystem,
    pending: StoredPlannedSession,
) -> tuple[str, ...]:
    """One reason for each limit the clinician changed, naming it and what it gives today."""
    dose, reasons = pending.decision.dose, []
    changed = {name for name in after if after[name] != before.get(name)}
    if changed & {"max_speed", "max_speed_unit"}:
        if after["max_speed"] is None:
            reasons.append(
                "Your clinician removed their speed ceiling: the protocol's own applies."
            )
        else:
            now = (
                ""
                if dose.speed is None
                else f": this session's speed is {dose.speed.describe(units.speed_unit)}"
            )
            ceiling = format_number(float(after["max_speed"] or 0), 2)
            label = units.speed_unit.label
            reasons.append(f"Your clinician set a speed ceiling of {ceiling} {label}{now}.")
    if "max_incline_percent" in changed:
        if after["max_incline_percent"] is None:
            reasons.append(
                "Your clinician removed their incline ceiling: the protocol's own applies."
            )
        else:
            reasons.append(
                f"Your clinician set an incline ceiling of "
                f"{format_number(float(after['max_incline_percent'] or 0))} %: this session's "
                f"incline is {format_number(dose.incline_percent)} %."
            )
    if "target_minutes" in changed:
        if after["target_minutes"] is None:
            reasons.append("Your clinician removed their target minutes: the protocol's own apply.")
        else:
            reasons.append(
                f"Your clinician set a target of {after['target_minutes']} minutes a session: "
                f"this session is {format_number(dose.minutes)} minutes."
            )
    if "hands_free_allowed" in changed:
        reasons.append(
            "Your clinician asks you to keep at least one hand on a rail: this session is with "
            f"{dose.hands.describe()}."
            if after["hands_free_allowed"] is False
            else "Your clinician allows walking hands-free when you are steady."
        )
    if "sessions_per_week" in changed:
        reasons.append(
            f"Your clinician set {after['sessions_per_week']} sessions a week: the next one is on "
            f"{day_words(pending.on)}."
        )
    if "protocol" in changed:
        name = str(after["protocol"]).replace("_", "-")
        reasons.append(f"Your clinician chose the {name} protocol for your plan.")
    return tuple(reasons)
