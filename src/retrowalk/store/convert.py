"""Rows to domain values and back, for walkers, their flags, prescription and equipment."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from retrowalk.domain.equipment import (
    Deadmill,
    Equipment,
    EquipmentKind,
    Grid,
    ManualTreadmill,
    MotorizedTreadmill,
    Outdoor,
    Sled,
)
from retrowalk.domain.screening import Flag, FlagLevel
from retrowalk.domain.units import Speed, SpeedUnit, UnitSystem
from retrowalk.domain.walker import (
    SCREENING_ANSWERS,
    Condition,
    Severity,
    Surgery,
    SurgeryKind,
    WalkerLimits,
    WalkerProfile,
)
from retrowalk.services.records import Prescription
from retrowalk.store.people import EquipmentRow, PrescriptionRow, ScreeningFlagRow, WalkerRow

_T = TypeVar("_T")

_PLAIN_PROFILE_FIELDS = ("age", "weight_kg", *SCREENING_ANSWERS)


def walker_from_domain(profile: WalkerProfile) -> dict[str, Any]:
    """The walker row's profile columns."""
    surgery = profile.surgery
    return {
        **{name: getattr(profile, name) for name in _PLAIN_PROFILE_FIELDS},
        "units": profile.units.value,
        "condition": profile.condition.value,
        "severity": profile.severity.value,
        "surgery_kind": None if surgery is None else surgery.kind.value,
        "surgery_date": None if surgery is None else surgery.on,
    }


def walker_to_domain(row: WalkerRow, prescription: PrescriptionRow) -> WalkerProfile:
    surgery = None
    if row.surgery_kind is not None and row.surgery_date is not None:
        surgery = Surgery(SurgeryKind(row.surgery_kind), row.surgery_date)
    return WalkerProfile(
        **{name: getattr(row, name) for name in _PLAIN_PROFILE_FIELDS},
        units=UnitSystem(row.units),
        condition=Condition(row.condition),
        severity=Severity(row.severity),
        surgery=surgery,
        limits=_limits(prescription),
    )


def prescription_row(
    walker_id: int, prescription: Prescription, limits: WalkerLimits, at: datetime
) -> PrescriptionRow:
    speed = limits.max_speed
    return PrescriptionRow(
        walker_id=walker_id,
        protocol=prescription.protocol,
        sessions_per_week=prescription.sessions_per_week,
        start_on=prescription.start,
        max_speed=None if speed is None else speed.value,
        max_speed_unit=None if speed is None else speed.unit.value,
        max_incline_percent=limits.max_incline_percent,
        target_minutes=limits.target_minutes,
        hands_free_allowed=limits.hands_free_allowed,
        updated_at=at,
    )


def prescription_to_domain(row: PrescriptionRow) -> Prescription:
    return Prescription(row.protocol, row.sessions_per_week, row.start_on)


def _limits(row: PrescriptionRow) -> WalkerLimits:
    speed = None
    if row.max_speed is not None and row.max_speed_unit is not None:
        speed = Speed(row.max_speed, SpeedUnit(row.max_speed_unit))
    return WalkerLimits(speed, row.max_incline_percent, row.target_minutes, row.hands_free_allowed)


def flag_rows(walker_id: int, flags: tuple[Flag, ...]) -> list[ScreeningFlagRow]:
    return [
        ScreeningFlagRow(
            walker_id=walker_id, position=i, level=f.level.value, code=f.code, message=f.message
        )
        for i, f in enumerate(flags)
    ]


def flag_to_domain(row: ScreeningFlagRow) -> Flag:
    return Flag(FlagLevel(row.level), row.code, row.message)


def equipment_from_domain(equipment: Equipment) -> dict[str, Any]:
    """The equipment row's columns for one piece of equipment; the others stay NULL."""
    columns: dict[str, Any] = {"kind": equipment.kind.value}
    if isinstance(equipment, MotorizedTreadmill):
        speed, incline = equipment.speed_grid, equipment.incline_grid
        columns |= {
            "speed_unit": equipment.speed_unit.value,
            "speed_min": speed.minimum,
            "speed_max": speed.maximum,
            "speed_step": speed.step,
            "incline_max": incline.maximum,
            "incline_step": incline.step,
            "handrails": equipment.handrails,
            "safety_clip": equipment.safety_clip,
        }
    elif isinstance(equipment, Deadmill):
        columns["handrails"] = equipment.handrails
    elif isinstance(equipment, ManualTreadmill):
        columns |= {
            "incline_degrees": equipment.incline_degrees,
            "resistance_levels": equipment.resistance_levels,
            "handrails": equipment.handrails,
        }
    elif isinstance(equipment, Sled):
        columns |= {"start_load_kg": equipment.start_load_kg, "max_load_kg": equipment.max_load_kg}
    else:
        columns["spotter"] = equipment.spotter
    return columns


def equipment_to_domain(row: EquipmentRow) -> Equipment:
    kind = EquipmentKind(row.kind)
    if kind is EquipmentKind.MOTORIZED_TREADMILL:
        return MotorizedTreadmill(
            speed_unit=SpeedUnit(_given(row.speed_unit)),
            speed_grid=Grid(_given(row.speed_min), _given(row.speed_max), _given(row.speed_step)),
            incline_grid=Grid(0.0, _given(row.incline_max), _given(row.incline_step)),
            handrails=_given(row.handrails),
            safety_clip=_given(row.safety_clip),
        )
    if kind is EquipmentKind.DEADMILL:
        return Deadmill(_given(row.handrails))
    if kind is EquipmentKind.MANUAL_TREADMILL:
        return ManualTreadmill(
            _given(row.incline_degrees), _given(row.resistance_levels), _given(row.handrails)
        )
    if kind is EquipmentKind.SLED:
        return Sled(row.start_load_kg, row.max_load_kg)
    return Outdoor(bool(row.spotter))


def _given(value: _T | None) -> _T:
    """A column the table's CHECK guarantees for this kind of equipment."""
    if value is None:
        raise AssertionError("a CHECK constraint should have kept this column filled")
    return value
