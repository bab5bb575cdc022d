"""`retrowalk init`'s questions, in order, each answer held to onboarding's own rule for its
field as it is typed (services/fields.py), so a wrong answer is asked again at once. "back" (or
"<") at any question goes to the one before, until the answers are saved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from rich.console import Console

from retrowalk.cli import ask as a
from retrowalk.cli.init_answers import EQUIPMENT_KEYS, shown
from retrowalk.domain.errors import InputError
from retrowalk.domain.units import UnitSystem
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
BACK = ("back", "<")
BACK_HINT = "Type back (or <) at any question to go back to the one before."
# The walker's words for the units and speed units, and the codes kept for them.
UNIT_ANSWERS = {"mph": "imperial", "imperial": "imperial", "km/h": "metric", "kmh": "metric"}
UNIT_ANSWERS |= {"km": "metric", "metric": "metric"}
SPEED_UNIT_ANSWERS = {
    answer: "mph" if unit == "imperial" else "kmh" for answer, unit in UNIT_ANSWERS.items()
}
UNIT_WORDS = {"imperial": "mph", "metric": "km/h", "mph": "mph", "kmh": "km/h"}
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


class GoBack(Exception):
    """The walker typed "back": ask the question before again."""


@dataclass(frozen=True, slots=True)
class Question:
    key: str
    text: str | Callable[[Answers], str]
    read: Callable[[Answers], a.Reader]
    default: Callable[[Answers], str | None]
    when: Callable[[Answers], bool] = lambda answers: True
    choices: dict[str, str] | None = None

    def asked(self, answers: Answers) -> str:
        return self.text if isinstance(self.text, str) else self.text(answers)


def ask_missing(console: Console, answers: Answers) -> Answers:
    """Ask every question not answered yet (by an option or earlier), in order; "back" at a
    question forgets the answer before it (given in this round) and asks that one again."""
    asked: list[int] = []
    at = 0
    while at < len(QUESTIONS):
        question = QUESTIONS[at]
        if question.key in answers or not question.when(answers):
            at += 1
            continue
        try:
            answers[question.key] = _ask(console, question, answers, first=not asked)
        except GoBack:
            if not asked:
                console.print("This is the first question.")
                continue
            at = asked.pop()
            answers.pop(QUESTIONS[at].key, None)
            continue
        asked.append(at)
        at += 1
    return answers


def _ask(console: Console, question: Question, answers: Answers, first: bool) -> Any:
    if first:
        console.print(f"[dim]{BACK_HINT}[/dim]")
    if question.choices:
        for number, label in enumerate(question.choices.values(), start=1):
            console.print(f"  {number}. {label}")
    read = question.read(answers)

    def reader(text: str) -> Any:
        if text.lower() in BACK:
            raise GoBack
        return read(text)

    return a.ask(console, question.asked(answers), reader, question.default(answers))


def answer_words(key: str, value: object, units: UnitSystem = UnitSystem.METRIC) -> str:
    """An answer as the walker reads it in the summary: words, never the code kept; a weight
    in the walker's `units`."""
    words = {"condition": CONDITIONS, "equipment": EQUIPMENT, "units": UNIT_WORDS}
    words |= {"speed_unit": UNIT_WORDS}
    if key == "weight_kg" and isinstance(value, float | int):
        return units.describe_weight(float(value))
    if key in words and isinstance(value, str):
        return words[key].get(value, value)
    return shown(value)


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


def units_of(answers: Answers) -> UnitSystem:
    return UnitSystem(answers.get("units") or answers.get("_units_default") or "imperial")


def weight_reader(units: UnitSystem) -> a.Reader:
    """'72 kg' or '160 lb' as written; a bare number in the walker's own unit (lb with mph)."""

    def read(text: str) -> float:
        cleaned = text.lower().replace(" ", "")
        if cleaned.endswith(("lb", "lbs")):
            given = UnitSystem.IMPERIAL
        elif cleaned.endswith("kg"):
            given = UnitSystem.METRIC
        else:
            given = units
        value = a.number(cleaned.removesuffix("s").removesuffix("lb").removesuffix("kg"))
        return given.weight_in_kg(value)

    return read


def _word_choice(words: dict[str, str]) -> a.Reader:
    """One of the walker's words for a code (case does not matter), as that code."""

    def read(text: str) -> str:
        code = words.get(text.strip().lower())
        if code is None:
            raise InputError("answer", text, f"give one of {', '.join(dict.fromkeys(words))}")
        return code

    return read


def _named(names: dict[str, str]) -> a.Reader:
    """A choice by its number in the list shown, its words, or its name."""
    by_words = {label.lower(): code for code, label in names.items()}
    codes = a.choice(list(names))
    return lambda text: by_words.get(text.strip().lower()) or codes(text)


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
        "Speeds in mph or km/h",
        _walker("units", _word_choice(UNIT_ANSWERS)),
        lambda answers: UNIT_WORDS[answers.get("_units_default", "imperial")],
    ),
    Question(
        "weight_kg",
        lambda answers: (
            f"Your weight in {units_of(answers).weight_unit}, for energy estimates (Enter to skip)"
        ),
        lambda answers: a.then(
            a.optional(weight_reader(units_of(answers))),
            lambda value: check_field(WalkerIn, "weight_kg", value),
        ),
        _fixed(""),
    ),
    Question(
        "condition",
        "What brings you to backward walking? (number or name)",
        _walker("condition", _named(CONDITIONS)),
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
        lambda answers: _named(EQUIPMENT),
        _fixed(EQUIPMENT["motorized_treadmill"]),
        choices=EQUIPMENT,
    ),
    Question(
        "speed_unit",
        "The treadmill shows speed in mph or km/h",
        lambda answers: _word_choice(SPEED_UNIT_ANSWERS),
        lambda answers: "km/h" if answers.get("units") == "metric" else "mph",
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
        "sessions_per_week",
        "Sessions a week: 2 or 3, with a rest day between them",
        lambda answers: a.then(
            a.whole_number, lambda n: check_field(OnboardIn, "sessions_per_week", n)
        ),
        _fixed("3"),
    ),
    Question(
        "start",
        "Your first session, YYYY-MM-DD",
        lambda answers: a.then(a.iso_date, lambda day: check_field(OnboardIn, "start", day)),
        lambda answers: str(answers["_today"]),
    ),
)
QUESTION_KEYS = frozenset(question.key for question in QUESTIONS)
