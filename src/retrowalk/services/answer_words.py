"""The walker's answers and equipment as a clinician reads them: the one mapping from the codes
kept (`knee_oa`, `motorized_treadmill`, `kmh`) to words, for the therapist's report. The domain's
own `describe()` words are used where they exist; an answer nobody gave reads "not given".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from retrowalk.domain.dose import HandSupport
from retrowalk.domain.equipment import (
    Deadmill,
    Equipment,
    EquipmentKind,
    ManualTreadmill,
    MotorizedTreadmill,
    Outdoor,
    Sled,
)
from retrowalk.domain.units import Speed, SpeedUnit, UnitSystem, format_number
from retrowalk.domain.walker import Condition, Severity, SurgeryKind, WalkerProfile

NOT_GIVEN = "not given"

SEVERITY_WORDS = {
    Severity.MILD: "mild",
    Severity.MODERATE: "moderate",
    Severity.SEVERE: "severe",
}
EQUIPMENT_WORDS = {
    EquipmentKind.MOTORIZED_TREADMILL: "motorized treadmill",
    EquipmentKind.DEADMILL: "motorized treadmill walked with the motor off",
    EquipmentKind.MANUAL_TREADMILL: "manual (self-powered) treadmill",
    EquipmentKind.SLED: "sled pulled walking backward",
    EquipmentKind.OUTDOOR: "outdoor walking",
}
UNIT_WORDS = {
    UnitSystem.IMPERIAL: "miles per hour (mph), pounds",
    UnitSystem.METRIC: "kilometres per hour (km/h), kilograms",
}
# The yes/no screening answers, labelled as the clinician asks them (PROTOCOL.md §9).
YES_NO_QUESTIONS = (
    ("cleared_by_clinician", "Cleared by a clinician"),
    ("balance_concern", "Worried about balance"),
    ("dizziness", "Dizziness or fainting"),
    ("swelling", "Swelling"),
    ("locking", "Locking"),
    ("giving_way", "Giving way"),
    ("experienced", "Has walked backward before"),
)


SHORT_UNIT_WORDS = {UnitSystem.IMPERIAL: "mph", UnitSystem.METRIC: "km/h"}


def code_words(code: str) -> str:
    """Any code kept for an answer (`knee_oa`, `motorized_treadmill`, `kmh`, `imperial`,
    `moderate`, `tkr`, `both`) in the words a walker reads; text that is no code, as it is."""
    return _CODE_WORDS.get(code, code)


# Where two kinds of answer share a code ("none": no surgery, or hands free) the later wins;
# no surgery reads "none" either way.
_CODE_WORDS: dict[str, str] = {
    **{hands.value: hands.describe() for hands in HandSupport},
    **{kind.value: kind.describe() for kind in SurgeryKind},
    **{unit.value: unit.label for unit in SpeedUnit},
    **{units.value: words for units, words in SHORT_UNIT_WORDS.items()},
    **{severity.value: words for severity, words in SEVERITY_WORDS.items()},
    **{kind.value: words for kind, words in EQUIPMENT_WORDS.items()},
    **{condition.value: condition.describe() for condition in Condition},
    "none": "none",
}


@dataclass(frozen=True, slots=True)
class Answer:
    label: str
    text: str


def day_words(on: date) -> str:
    """'Wed 2 Dec 2026'."""
    return f"{on:%a} {on.day} {on:%b %Y}"


def yes_no(value: bool | None) -> str:
    return NOT_GIVEN if value is None else ("yes" if value else "no")


def weight_words(kg: float | None, units: UnitSystem) -> str:
    if kg is None:
        return NOT_GIVEN
    if units is UnitSystem.IMPERIAL:
        pounds = format_number(units.weight_from_kg(kg), 0)
        return f"{pounds} lb ({UnitSystem.METRIC.describe_weight(kg)})"
    return UnitSystem.METRIC.describe_weight(kg)


class Diagnosed(Protocol):
    """What names a knee condition: a walker's profile, a line of the desk's list."""

    @property
    def condition(self) -> Condition: ...

    @property
    def severity(self) -> Severity: ...


def condition_words(diagnosed: Diagnosed) -> str:
    """'knee osteoarthritis, moderate'."""
    return f"{diagnosed.condition.describe()}, {SEVERITY_WORDS[diagnosed.severity]}"


def profile_answers(profile: WalkerProfile, equipment: Equipment) -> tuple[Answer, ...]:
    surgery = profile.surgery
    operation = "none" if surgery is None else f"{surgery.kind.describe()}, {day_words(surgery.on)}"
    return (
        Answer("Age", f"{profile.age} years"),
        Answer("Weight", weight_words(profile.weight_kg, profile.units)),
        Answer("Condition", condition_words(profile)),
        Answer("Knee surgery", operation),
        Answer("Units", UNIT_WORDS[profile.units]),
        Answer("Equipment", equipment_words(equipment, profile.units)),
    )


def screening_answers(profile: WalkerProfile) -> tuple[Answer, ...]:
    answers = [
        Answer("Usual pain at rest", f"{profile.rest_pain} of 10"),
        Answer("Falls in the last 12 months", str(profile.falls_last_year)),
    ]
    answers += [Answer(label, yes_no(getattr(profile, name))) for name, label in YES_NO_QUESTIONS]
    return tuple(answers)


def equipment_words(equipment: Equipment, units: UnitSystem) -> str:
    kind = EQUIPMENT_WORDS[equipment.kind]
    if isinstance(equipment, MotorizedTreadmill):
        unit = units.speed_unit
        low, high = equipment.minimum_speed.describe(unit), equipment.maximum_speed.describe(unit)
        step = Speed(equipment.speed_grid.step, equipment.speed_unit).describe(unit)
        incline = (
            f"incline up to {format_number(equipment.incline_grid.highest)} %"
            if equipment.has_incline
            else "no incline"
        )
        kit = _kit(handrails=equipment.handrails, safety_clip=equipment.safety_clip)
        return f"{kind}, {low} to {high} in steps of {step}, {incline}, {kit}"
    if isinstance(equipment, ManualTreadmill):
        deck = f"deck at {format_number(equipment.incline_percent)} %"
        levels = f"{equipment.resistance_levels} resistance levels"
        return f"{kind}, {deck}, {levels}, {_kit(handrails=equipment.handrails)}"
    if isinstance(equipment, Deadmill):
        return f"{kind}, {_kit(handrails=equipment.handrails)}"
    if isinstance(equipment, Outdoor):
        return f"{kind}, {'with' if equipment.spotter else 'without'} a spotter"
    assert isinstance(equipment, Sled)
    return kind


def _kit(**present: bool) -> str:
    words = {"handrails": "handrails", "safety_clip": "safety clip"}
    return ", ".join(f"{'' if on else 'no '}{words[name]}" for name, on in present.items())


# How the history names each field a change may record (services/rescreen.HISTORY_FIELDS).
FIELD_WORDS = {
    "age": "Age",
    "weight_kg": "Weight (kg)",
    "units": "Units",
    "condition": "Condition",
    "severity": "How bad it usually is",
    "surgery.kind": "Knee surgery",
    "surgery.date": "Date of the surgery",
    "cleared_by_clinician": "Cleared by a clinician",
    "rest_pain": "Pain at rest",
    "falls_last_year": "Falls in the last 12 months",
    "balance_concern": "Balance worry",
    "experienced": "Walked backward before",
    "dizziness": "Dizziness",
    "swelling": "Swelling",
    "locking": "Locking",
    "giving_way": "Giving way",
    "sessions_per_week": "Sessions a week",
    "protocol": "Protocol",
    "progression": "Progression",
}


def field_words(field: str) -> str:
    """The name of an answer a profile change records, as the walker reads it."""
    return FIELD_WORDS.get(field, field.replace("_", " ").capitalize())
