"""The settings a walker gives for each kind of equipment, as the faces ask for them (a form's
fields, the command line's options): a treadmill's speeds without their unit, the unit beside
them. `speeds_named` turns them into the services' equipment input; `equipment_settings` reads
them back from stored equipment, to show or to change."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from retrowalk.domain.equipment import Equipment, EquipmentKind, MotorizedTreadmill

SPEED_SETTINGS = ("min_speed", "max_speed", "speed_step")
# Yes-or-no settings (a form's checkboxes).
TICKED_SETTINGS = frozenset({"handrails", "safety_clip", "spotter"})
SETTINGS_BY_KIND: dict[EquipmentKind, tuple[str, ...]] = {
    EquipmentKind.MOTORIZED_TREADMILL: (
        "speed_unit",
        *SPEED_SETTINGS,
        "max_incline_percent",
        "incline_step_percent",
        "handrails",
        "safety_clip",
    ),
    EquipmentKind.DEADMILL: ("handrails",),
    EquipmentKind.MANUAL_TREADMILL: ("incline_degrees", "resistance_levels", "handrails"),
    EquipmentKind.SLED: ("start_load_kg", "max_load_kg"),
    EquipmentKind.OUTDOOR: ("spotter",),
}


def equipment_settings(equipment: Equipment) -> dict[str, Any]:
    """The equipment's settings by name (None where it has none), in `SETTINGS_BY_KIND` order."""
    if isinstance(equipment, MotorizedTreadmill):
        speeds, inclines = equipment.speed_grid, equipment.incline_grid
        return {
            "speed_unit": equipment.speed_unit.value,
            "min_speed": speeds.minimum,
            "max_speed": speeds.maximum,
            "speed_step": speeds.step,
            "max_incline_percent": inclines.maximum,
            "incline_step_percent": inclines.step,
            "handrails": equipment.handrails,
            "safety_clip": equipment.safety_clip,
        }
    fields = asdict(equipment)
    return {name: fields[name] for name in SETTINGS_BY_KIND[equipment.kind]}


def speeds_named(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The settings as the services' equipment input names them: a treadmill's speeds with their
    unit (`min_speed` in km/h is `min_speed_kmh`; mph unless `speed_unit` says otherwise)."""
    unit = settings.get("speed_unit", "mph")
    return {
        f"{name}_{unit}" if name in SPEED_SETTINGS else name: value
        for name, value in settings.items()
        if name != "speed_unit"
    }
