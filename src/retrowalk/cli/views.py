"""What the commands print, as plain data: the `--json` output and what the tables are drawn
from. The JSON is the public schemas' (services/public*.py), the same objects the API gives
(docs/json.md); speeds come in both units, and the words in the units shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from retrowalk.domain.cues import duration_words
from retrowalk.domain.dose import HandSupport
from retrowalk.domain.units import UnitSystem, format_number

if TYPE_CHECKING:  # pydantic and the engine take long to load; the cached `today` needs neither
    from pydantic import BaseModel

    from retrowalk.domain.progression import Decision
    from retrowalk.domain.screening import Flag
    from retrowalk.services.records import LoggedSession, SessionLog, StoredPlannedSession


def _plain(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")


def flags_json(flags: tuple[Flag, ...]) -> list[dict[str, Any]]:
    from retrowalk.services.public import FlagPublic

    return [_plain(FlagPublic.of(flag)) for flag in flags]


def decision_json(decision: Decision) -> dict[str, Any]:
    from retrowalk.services.public import DecisionPublic

    return _plain(DecisionPublic.of(decision))


def planned_json(planned: StoredPlannedSession) -> dict[str, Any]:
    from retrowalk.services.public import PlannedPublic

    return _plain(PlannedPublic.of(planned))


def log_json(log: SessionLog) -> dict[str, Any]:
    from retrowalk.services.public_sessions import SessionPublic

    return _plain(SessionPublic.of(log))


def logged_json(log: SessionLog, following: StoredPlannedSession) -> dict[str, Any]:
    """A session logged or changed, and the session planned after it (the API's `session` and
    `next`)."""
    return {"session": log_json(log), "next": planned_json(following)}


def history_json(logged: LoggedSession) -> dict[str, Any]:
    from retrowalk.services.public_sessions import HistoryItemPublic

    return _plain(HistoryItemPublic.of(logged))


def speed_words(speed: dict[str, float] | None, units: UnitSystem) -> str:
    """'0.5 mph' from a speed's JSON, in the units shown; '' without a speed."""
    if speed is None:
        return ""
    unit = units.speed_unit
    return f"{format_number(speed[unit.value], 2)} {unit.label}"


def dose_words(decision: dict[str, Any], units: UnitSystem) -> str:
    """'3 minutes at 0.5 mph, flat, both hands on the rails' from a decision's JSON."""
    if not decision["walk"]:
        return "no walking"
    dose = decision["dose"]
    if dose["load_kg"] is not None:  # a sled: sets of a distance, pulling a load
        load = format_number(dose["load_kg"])
        return f"{dose['set_count']} × {dose['distance_m']} m pulling {load} kg"
    parts = [duration_words(dose["minutes"])]
    if dose["speed"] is not None:
        parts[0] += f" at {speed_words(dose['speed'], units)}"
    if dose["distance_m"] is not None:
        parts[0] += f" over {dose['distance_m']} m"
    incline = dose["incline_percent"]
    parts.append(f"{format_number(incline)} % incline" if incline else "flat")
    if dose["resistance_level"] is not None:
        parts.append(f"resistance level {dose['resistance_level']}")
    parts.append(HandSupport(dose["hand_support"]).describe())
    return ", ".join(parts)


def short_dose(decision: dict[str, Any], units: UnitSystem) -> str:
    """'3 min, 0.5 mph, flat, both hands' from a decision's JSON, for tables."""
    if not decision["walk"]:
        return "no walking"
    dose = decision["dose"]
    parts = [f"{format_number(dose['minutes'], 2)} min"]
    if dose["speed"] is not None:
        parts.append(speed_words(dose["speed"], units))
    incline = dose["incline_percent"]
    parts.append(f"{format_number(incline)} %" if incline else "flat")
    parts.append({"both": "2 hands", "one": "1 hand", "none": "hands free"}[dose["hand_support"]])
    return ", ".join(parts)
