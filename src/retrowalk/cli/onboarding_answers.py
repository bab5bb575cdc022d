"""`retrowalk init`'s answers: one flat name per answer (the option's name, and the scenario
file's field where there is one), turned into onboarding's own input shape, and an error on a
field of that shape traced back to the answer (and option) it came from."""

from __future__ import annotations

from typing import Any

WALKER_KEYS = (
    "age",
    "units",
    "weight_kg",
    "condition",
    "severity",
    "cleared_by_clinician",
    "rest_pain",
    "falls_last_year",
    "balance_concern",
    "dizziness",
    "swelling",
    "locking",
    "giving_way",
    "experienced",
)
SURGERY_KEYS = ("surgery", "surgery_date")
SPEED_KEYS = ("min_speed", "max_speed", "speed_step")
EQUIPMENT_KEYS: dict[str, tuple[str, ...]] = {
    "motorized_treadmill": (
        "speed_unit",
        *SPEED_KEYS,
        "max_incline_percent",
        "incline_step_percent",
        "handrails",
        "safety_clip",
    ),
    "deadmill": ("handrails",),
    "manual_treadmill": ("incline_degrees", "resistance_levels", "handrails"),
    "sled": ("start_load_kg", "max_load_kg"),
    "outdoor": ("spotter",),
}
PLAN_KEYS = ("start", "sessions_per_week")
ALL_EQUIPMENT_KEYS = tuple(dict.fromkeys(k for keys in EQUIPMENT_KEYS.values() for k in keys))
ANSWER_KEYS = (*WALKER_KEYS, *SURGERY_KEYS, "equipment", *ALL_EQUIPMENT_KEYS, *PLAN_KEYS)


def onboard_data(answers: dict[str, Any], base: dict[str, Any] | None = None) -> dict[str, Any]:
    """Onboarding's input (`walker`, `equipment`, `start`, `sessions_per_week`): the answers
    laid over `base` (a profile file's content), answer by answer."""
    data = dict(base or {})
    walker = dict(data.get("walker") or {})
    walker |= {key: answers[key] for key in WALKER_KEYS if key in answers}
    if answers.get("surgery") == "none":
        walker["surgery"] = None
    elif "surgery" in answers or "surgery_date" in answers:
        surgery = dict(walker.get("surgery") or {})
        surgery |= {"kind": answers.get("surgery"), "date": answers.get("surgery_date")}
        walker["surgery"] = {key: value for key, value in surgery.items() if value is not None}
    data["walker"] = walker
    data["equipment"] = _equipment(answers, dict(data.get("equipment") or {}))
    data |= {key: answers[key] for key in PLAN_KEYS if key in answers}
    return data


def _equipment(answers: dict[str, Any], equipment: dict[str, Any]) -> dict[str, Any]:
    if "equipment" in answers:
        equipment["kind"] = answers["equipment"]
    kind = equipment.get("kind")
    for key in EQUIPMENT_KEYS.get(str(kind), ()):
        if key in answers and key != "speed_unit" and key not in SPEED_KEYS:
            equipment[key] = answers[key]
    unit = answers.get("speed_unit", "mph")
    for key in SPEED_KEYS:
        if key in answers:
            equipment[f"{key}_{unit}"] = answers[key]
    return equipment


def answer_of(field: str) -> str | None:
    """The answer behind an onboarding field (`walker.age` → `age`), or None for a field that
    no single answer gives (`equipment` as a whole: its answers disagree with each other)."""
    parts = field.split(".")
    if parts[0] in PLAN_KEYS:
        return parts[0]
    if parts[:2] == ["walker", "surgery"]:
        return "surgery_date" if parts[2:] == ["date"] else "surgery"
    if parts[0] == "walker" and len(parts) > 1 and parts[1] in WALKER_KEYS:
        return parts[1]
    if parts[0] == "equipment" and len(parts) > 1:
        name = parts[1].removesuffix("_mph").removesuffix("_kmh")
        return "equipment" if name == "kind" else name
    return None


def option_of(key: str) -> str:
    """The command-line option that gives an answer."""
    return "--" + key.replace("_", "-")
