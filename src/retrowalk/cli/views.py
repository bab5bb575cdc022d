"""What the commands print, as plain data: the `--json` output, and what the tables are drawn
from. Speeds come in both units and in the units shown; sentences come from the engine."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from retrowalk.domain.cues import duration_words
from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.units import Speed, SpeedUnit, UnitSystem, format_number

if TYPE_CHECKING:  # the engine's modules take long to load; the cached `today` needs none
    from datetime import date

    from retrowalk.domain.progression import Decision
    from retrowalk.domain.screening import Flag
    from retrowalk.services.records import LoggedEntry, LoggedSession, PlannedSession, SessionLog


def flags_json(flags: tuple[Flag, ...]) -> list[dict[str, str]]:
    return [{"level": f.level.value, "code": f.code, "message": f.message} for f in flags]


def speed_json(speed: Speed | None) -> dict[str, float] | None:
    if speed is None:
        return None
    return {
        "mph": round(speed.in_unit(SpeedUnit.MPH), 2),
        "kmh": round(speed.in_unit(SpeedUnit.KMH), 2),
    }


def dose_json(dose: Dose) -> dict[str, Any]:
    return {
        "minutes": dose.minutes,
        "speed": speed_json(dose.speed),
        "incline_percent": dose.incline_percent,
        "hand_support": dose.hands.value,
        "resistance_level": dose.resistance_level,
        "load_kg": dose.load_kg,
        "distance_m": dose.distance_m,
        "set_count": dose.set_count,
    }


def decision_json(decision: Decision, on: date) -> dict[str, Any]:
    return {
        "date": on.isoformat(),
        "walk": decision.walk,
        "decision": decision.kind.value,
        "changed": None if decision.changed is None else decision.changed.value,
        "reasons": list(decision.reasons),
        **dose_json(decision.dose),
    }


def speed_words(speed: dict[str, float] | None, units: UnitSystem) -> str:
    """'0.5 mph' from a speed's JSON, in the units shown; '' without a speed."""
    if speed is None:
        return ""
    unit = units.speed_unit
    return f"{format_number(speed[unit.value], 2)} {unit.label}"


def dose_words(session: dict[str, Any], units: UnitSystem) -> str:
    """'3 minutes at 0.5 mph, flat, both hands on the rails' from a decision's JSON."""
    if not session["walk"]:
        return "no walking"
    if session["load_kg"] is not None:  # a sled: sets of a distance, pulling a load
        load = format_number(session["load_kg"])
        return f"{session['set_count']} × {session['distance_m']} m pulling {load} kg"
    parts = [duration_words(session["minutes"])]
    if session["speed"] is not None:
        parts[0] += f" at {speed_words(session['speed'], units)}"
    if session["distance_m"] is not None:
        parts[0] += f" over {session['distance_m']} m"
    incline = session["incline_percent"]
    parts.append(f"{format_number(incline)} % incline" if incline else "flat")
    if session["resistance_level"] is not None:
        parts.append(f"resistance level {session['resistance_level']}")
    parts.append(HandSupport(session["hand_support"]).describe())
    return ", ".join(parts)


def entry_json(entry: LoggedEntry) -> dict[str, Any]:
    """A logged session's entry: what was done and how it felt (None: not reported)."""
    outcome, performed = entry.outcome, entry.performed
    return {
        "done": outcome.done,
        "minutes_done": outcome.minutes_done,
        "speed_done": speed_json(performed.speed),
        "incline_done_percent": performed.incline_percent,
        "hands_used": None if performed.hands is None else performed.hands.value,
        "pain_during": outcome.pain_during,
        "pain_after": outcome.pain_after,
        "pain_next_morning": None if entry.next_morning_on is None else outcome.pain_next_morning,
        "next_morning_reported_on": None
        if entry.next_morning_on is None
        else entry.next_morning_on.isoformat(),
        "rpe": outcome.rpe,
        "sharp_pain": outcome.sharp_pain,
        "stable_without_hands": outcome.stable_without_hands,
        "form_ok": outcome.form_ok,
        "swelling": outcome.swelling,
        "locking": outcome.locking,
        "giving_way": outcome.giving_way,
        "stop_reason": None if entry.stop_reason is None else entry.stop_reason.value,
        "notes": entry.notes,
        "source": entry.source.value,
    }


def log_json(log: SessionLog) -> dict[str, Any]:
    return {"log_id": log.id, "date": log.on.isoformat(), "deleted": log.deleted,
            **entry_json(log.entry)}  # fmt: skip


def planned_json(planned: PlannedSession) -> dict[str, Any]:
    return {"seq": planned.seq, **decision_json(planned.decision, planned.on)}


def short_dose(session: dict[str, Any], units: UnitSystem) -> str:
    """'3 min, 0.5 mph, flat, both hands' from a decision's JSON, for tables."""
    if not session["walk"]:
        return "no walking"
    parts = [f"{format_number(session['minutes'], 2)} min"]
    if session["speed"] is not None:
        parts.append(speed_words(session["speed"], units))
    incline = session["incline_percent"]
    parts.append(f"{format_number(incline)} %" if incline else "flat")
    parts.append(
        {"both": "2 hands", "one": "1 hand", "none": "hands free"}[session["hand_support"]]
    )
    return ", ".join(parts)


def history_json(logged: LoggedSession) -> dict[str, Any]:
    return {
        "log_id": logged.log_id,
        "seq": logged.seq,
        "date": logged.on.isoformat(),
        "prescribed": decision_json(logged.prescribed, logged.on),
        **entry_json(logged.entry),
    }
