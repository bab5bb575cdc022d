"""The onboarding form's fields, read into the services' onboarding input and back.

Fields are named after the services' own (`walker.age`); a kind of equipment's fields carry the
kind as their prefix (`motorized_treadmill.min_speed`), so the kinds can share a page without
sharing names. A treadmill's speeds are typed once with a unit chosen beside them.
"""

from __future__ import annotations

from typing import Any

from retrowalk.domain.equipment import Equipment, EquipmentKind
from retrowalk.services.equipment_settings import (
    SETTINGS_BY_KIND,
    SPEED_SETTINGS,
    TICKED_SETTINGS,
    equipment_settings,
    speeds_named,
)
from retrowalk.services.walker_fields import WALKER_VALUES, WALKER_YES_NO
from retrowalk.web.pages.forms import given, ticked
from retrowalk.web.pages.weight_field import weight_in_kg

EQUIPMENT_VALUES = {
    kind: tuple(n for n in settings if n not in TICKED_SETTINGS and n != "speed_unit")
    for kind, settings in SETTINGS_BY_KIND.items()
}
EQUIPMENT_TICKS = {
    kind: tuple(n for n in settings if n in TICKED_SETTINGS)
    for kind, settings in SETTINGS_BY_KIND.items()
}
TREADMILL = EquipmentKind.MOTORIZED_TREADMILL.value

# What a new walker sees before typing anything: a common home treadmill.
DEFAULTS = {
    "walker.units": "imperial",
    "walker.severity": "moderate",
    "walker.rest_pain": "0",
    "walker.falls_last_year": "0",
    "equipment.kind": TREADMILL,
    f"{TREADMILL}.speed_unit": "mph",
    f"{TREADMILL}.min_speed": "0.5",
    f"{TREADMILL}.max_speed": "10",
    f"{TREADMILL}.speed_step": "0.1",
    f"{TREADMILL}.max_incline_percent": "15",
    f"{TREADMILL}.incline_step_percent": "0.5",
    f"{TREADMILL}.handrails": "on",
    f"{TREADMILL}.safety_clip": "on",
    "deadmill.handrails": "on",
    "manual_treadmill.handrails": "on",
    "sessions_per_week": "3",
}


def onboarding_data(values: dict[str, str]) -> dict[str, Any]:
    walker = given(values, WALKER_VALUES, "walker.") | ticked(values, WALKER_YES_NO, "walker.")
    if "weight_kg" in walker:
        walker["weight_kg"] = weight_in_kg(walker["weight_kg"], values.get("walker.units"))
    surgery = values.get("walker.surgery.kind", "none")
    if surgery != "none":
        walker["surgery"] = {"kind": surgery, **given(values, ("date",), "walker.surgery.")}
    data: dict[str, Any] = {"walker": walker, "equipment": equipment_data(values)}
    return data | given(values, ("start", "sessions_per_week"))


def equipment_data(values: dict[str, str]) -> dict[str, Any]:
    """The equipment fieldset's values as the services' equipment input."""
    kind = values.get("equipment.kind", "")
    if kind not in EQUIPMENT_VALUES:
        return {"kind": kind}
    prefix = f"{kind}."
    fields = given(values, EQUIPMENT_VALUES[EquipmentKind(kind)], prefix)
    fields |= ticked(values, EQUIPMENT_TICKS[EquipmentKind(kind)], prefix)
    if kind == TREADMILL:
        unit = values.get(f"{prefix}speed_unit", "mph")
        fields["speed_unit"] = unit if unit in ("mph", "kmh") else "mph"
    return {"kind": kind, **speeds_named(fields)}


def equipment_values(equipment: Equipment) -> dict[str, str]:
    """The equipment fieldset filled in with `equipment`, as it would have been typed (the other
    kinds keep the new-walker defaults, in case the walker switches kind)."""
    kind = equipment.kind.value
    others = ("walker.", f"{kind}.", "equipment.")
    values = {k: v for k, v in DEFAULTS.items() if "." in k and not k.startswith(others)}
    values["equipment.kind"] = kind
    for name, value in equipment_settings(equipment).items():
        if value is None or value is False:
            continue  # left empty; an unticked box is not sent at all
        shown = "on" if value is True else value if isinstance(value, str) else f"{value:g}"
        values[f"{kind}.{name}"] = shown
    return values


def form_field(service_field: str, values: dict[str, str]) -> str:
    """The form's name for a field the services named ('equipment.min_speed_mph' is
    'motorized_treadmill.min_speed'); the equipment as a whole is its kind's fieldset."""
    if not service_field.startswith("equipment") or service_field == "equipment.kind":
        return service_field
    kind = values.get("equipment.kind", "")
    name = service_field.removeprefix("equipment").removeprefix(".")
    for unit in ("_mph", "_kmh"):
        if name.removesuffix(unit) in SPEED_SETTINGS:
            name = name.removesuffix(unit)
    return f"{kind}.{name}" if name else kind
