"""`retrowalk init`'s questions, in order, each answer held to onboarding's own rule for its
field as it is typed (services/fields.py), so a wrong answer is asked again at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from rich.console import Console

from retrowalk.cli import ask as a
from retrowalk.cli.init_answers import EQUIPMENT_KEYS
from retrowalk.services.fields import check_field
from retrowalk.services.onboard import OnboardIn
from retrowalk.services.scenario import (
    DeadmillIn,
    ManualIn,
    MotorizedIn,
    OutdoorIn,
    SledIn,
    SurgeryIn,
    WalkerIn,
)

# The answers so far; keys starting with "_" are context, not answers (today, default units).
Answers = dict[str, Any]
KG_PER_LB = 0.45359237
CONDITIONS = {
    "knee_oa": "knee osteoarthritis",
    "patellofemoral_pain": "pain around the kneecap (runner's knee)",
    "post_tkr": "after a knee replacement",
    "post_acl": "after ACL reconstruction",
    "knee_discomfort": "knee discomfort",
    "balance": "balance, for an older adult",
    "athlete": "an athlete cross-training",
    "general": "general fitness",
}
EQUIPMENT = {
    "motorized_treadmill": "a motorized treadmill",
    "deadmill": "a motorized treadmill with the motor off",
    "manual_treadmill": "a manual treadmill",
    "sled": "a sled to drag backward",
    "outdoor": "outdoors, on flat ground",
}
_MODELS: dict[str, type[BaseModel]] = {
    "motorized_treadmill": MotorizedIn,
    "deadmill": DeadmillIn,
    "manual_treadmill": ManualIn,
    "sled": SledIn,
    "outdoor": OutdoorIn,
}


@dataclass(frozen=True, slots=True)
class Question:
    key: str
    text: str
    read: Callable[[Answers], a.Reader]
    default: Callable[[Answers], str | None]
    when: Callable[[Answers], bool] = lambda answers: True
    choices: dict[str, str] | None = None


def ask_missing(console: Console, answers: Answers) -> Answers:
    """Ask every question not answered yet (by an option or earlier), in order."""
    for question in QUESTIONS:
        if question.key in answers or not question.when(answers):
            continue
        if question.choices:
            for number, label in enumerate(question.choices.values(), start=1):
                console.print(f"  {number}. {label}")
        reader, default = question.read(answers), question.default(answers)
        answers[question.key] = a.ask(console, question.text, reader, default)
    return answers


def _walker(name: str, read: a.Reader) -> Callable[[Answers], a.Reader]:
    return lambda answers: a.then(read, lambda value: check_field(WalkerIn, name, value))


def _gear(name: str, read: a.Reader) -> Callable[[Answers], a.Reader]:
    """A field of the chosen equipment's own model (speeds in the unit chosen for them)."""

    def reader(answers: Answers) -> a.Reader:
        model = _MODELS[answers["equipment"]]
        unit = answers.get("speed_unit", "mph")
        field = f"{name}_{unit}" if name in ("min_speed", "max_speed", "speed_step") else name
        return a.then(read, lambda value: check_field(model, field, value))

    return reader


def _weight(text: str) -> float:
    """'72', '72 kg' or '160 lb', in kilograms."""
    cleaned = text.lower().replace(" ", "")
    pounds = cleaned.endswith(("lb", "lbs"))
    value = a.number(cleaned.removesuffix("s").removesuffix("lb").removesuffix("kg"))
    return round(value * KG_PER_LB, 1) if pounds else value


def _fixed(value: str | None) -> Callable[[Answers], str | None]:
    return lambda answers: value


def _kind(*kinds: str) -> Callable[[Answers], bool]:
    return lambda answers: answers.get("equipment") in kinds


def _metric(answers: Answers) -> bool:
    default = "kmh" if answers.get("units") == "metric" else "mph"
    return bool(answers.get("speed_unit", default) == "kmh")


def _by_unit(metric: str, imperial: str) -> Callable[[Answers], str | None]:
    return lambda answers: metric if _metric(answers) else imperial


_MOTOR = "motorized_treadmill"
_WITH_HANDRAILS = tuple(kind for kind, keys in EQUIPMENT_KEYS.items() if "handrails" in keys)


def _on(
    kinds: str | tuple[str, ...],
    key: str,
    text: str,
    read: a.Reader,
    default: str | Callable[[Answers], str | None],
) -> Question:
    """A question about the chosen equipment, asked only for the `kinds` that have `key`."""
    kinds = (kinds,) if isinstance(kinds, str) else kinds
    answer = _fixed(default) if isinstance(default, str) else default
    return Question(key, text, _gear(key, read), answer, when=_kind(*kinds))


def _no(key: str, text: str) -> Question:
    return Question(key, text, _walker(key, a.yes_no), _fixed("no"))


QUESTIONS = (
    Question("age", "Your age", _walker("age", a.whole_number), _fixed(None)),
    Question(
        "units",
        "Speeds in mph (imperial) or km/h (metric)",
        _walker("units", a.choice(["imperial", "metric"])),
        lambda answers: answers.get("_units_default", "imperial"),
    ),
    Question(
        "weight_kg",
        "Your weight, for energy estimates (72 kg or 160 lb; Enter to skip)",
        _walker("weight_kg", a.optional(_weight)),
        _fixed(""),
    ),
    Question(
        "condition",
        "What brings you to backward walking? (number or name)",
        _walker("condition", a.choice(list(CONDITIONS))),
        _fixed(None),
        choices=CONDITIONS,
    ),
    Question(
        "severity",
        "How bad is it: mild, moderate or severe",
        _walker("severity", a.choice(["mild", "moderate", "severe"])),
        _fixed("moderate"),
    ),
    Question(
        "surgery",
        "Knee surgery: none, tkr (replacement), acl or other",
        lambda answers: a.choice(["none", "tkr", "acl", "other"]),
        _fixed("none"),
    ),
    Question(
        "surgery_date",
        "Date of the operation (YYYY-MM-DD)",
        lambda answers: a.then(a.iso_date, lambda day: check_field(SurgeryIn, "date", day)),
        _fixed(None),
        when=lambda answers: answers.get("surgery") not in (None, "none"),
    ),
    _no("cleared_by_clinician", "Has a doctor or physical therapist cleared you for this?"),
    Question(
        "rest_pain",
        "Knee pain at rest today, 0 (none) to 10 (worst)",
        _walker("rest_pain", a.whole_number),
        _fixed("0"),
    ),
    Question(
        "falls_last_year",
        "Falls in the last year",
        _walker("falls_last_year", a.whole_number),
        _fixed("0"),
    ),
    _no("balance_concern", "Do you worry about your balance?"),
    _no("dizziness", "Do you get dizzy or faint?"),
    _no("swelling", "Is the knee swollen?"),
    _no("locking", "Does the knee lock or catch?"),
    _no("giving_way", "Does the knee give way?"),
    _no("experienced", "Have you walked backward on a treadmill before?"),
    Question(
        "equipment",
        "What will you walk on? (number or name)",
        lambda answers: a.choice(list(EQUIPMENT)),
        _fixed("motorized_treadmill"),
        choices=EQUIPMENT,
    ),
    Question(
        "speed_unit",
        "The treadmill shows speed in mph or kmh",
        lambda answers: a.choice(["mph", "kmh"]),
        lambda answers: "kmh" if answers.get("units") == "metric" else "mph",
        when=_kind("motorized_treadmill"),
    ),
    _on(_MOTOR, "min_speed", "Its slowest speed", a.number, _by_unit("0.8", "0.5")),
    _on(_MOTOR, "max_speed", "Its fastest speed", a.number, _by_unit("16", "10")),
    _on(_MOTOR, "speed_step", "How much one press of + changes the speed", a.number, "0.1"),
    _on(
        _MOTOR,
        "max_incline_percent",
        "Its highest incline, in % (0 if it has none)",
        a.number,
        "0",
    ),
    Question(
        "incline_step_percent",
        "How much one press changes the incline, in %",
        _gear("incline_step_percent", a.number),
        _fixed("0.5"),
        when=lambda answers: (
            _kind("motorized_treadmill")(answers) and answers.get("max_incline_percent", 0) > 0
        ),
    ),
    _on("manual_treadmill", "incline_degrees", "The deck's fixed slope, in degrees", a.number, "0"),
    _on(
        "manual_treadmill",
        "resistance_levels",
        "How many resistance levels it has",
        a.whole_number,
        "1",
    ),
    _on(_WITH_HANDRAILS, "handrails", "Does it have handrails? (yes or no)", a.yes_no, "yes"),
    _on(
        _MOTOR,
        "safety_clip",
        "Does it have a safety key with a clip? (yes or no)",
        a.yes_no,
        "yes",
    ),
    _on(
        "sled",
        "start_load_kg",
        "The sled's starting load, in kg (Enter to skip)",
        a.optional(a.number),
        "",
    ),
    _on(
        "sled",
        "max_load_kg",
        "The most load it takes, in kg (Enter to skip)",
        a.optional(a.number),
        "",
    ),
    _on(
        "outdoor",
        "spotter",
        "Will someone walk with you as a spotter? (yes or no)",
        a.yes_no,
        "yes",
    ),
    Question(
        "start",
        "Your first session, YYYY-MM-DD",
        lambda answers: a.then(a.iso_date, lambda day: check_field(OnboardIn, "start", day)),
        lambda answers: str(answers["_today"]),
    ),
)
QUESTION_KEYS = frozenset(question.key for question in QUESTIONS)
