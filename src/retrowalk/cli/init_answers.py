"""`retrowalk init`'s answers: one flat name per answer (the option's name, and the scenario
file's field where there is one), turned into onboarding's own input shape, and an error on a
field of that shape traced back to the answer (and option) it came from."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from enum import Enum
from typing import Any

from retrowalk.domain.errors import InputError
from retrowalk.domain.units import pounds_to_kg
from retrowalk.services.equipment_settings import SETTINGS_BY_KIND, SPEED_SETTINGS, speeds_named
from retrowalk.services.walker_fields import WALKER_ANSWERS

SURGERY_KEYS = ("surgery", "surgery_date")
EQUIPMENT_KEYS = {kind.value: settings for kind, settings in SETTINGS_BY_KIND.items()}
PLAN_KEYS = ("start", "sessions_per_week")
ALL_EQUIPMENT_KEYS = tuple(dict.fromkeys(k for keys in EQUIPMENT_KEYS.values() for k in keys))
ANSWER_KEYS = (*WALKER_ANSWERS, *SURGERY_KEYS, "equipment", *ALL_EQUIPMENT_KEYS, *PLAN_KEYS)


def onboard_data(answers: dict[str, Any], base: dict[str, Any] | None = None) -> dict[str, Any]:
    """Onboarding's input (`walker`, `equipment`, `start`, `sessions_per_week`): the answers
    laid over `base` (a profile file's content), answer by answer."""
    data = dict(base or {})
    walker = dict(data.get("walker") or {})
    walker |= {key: answers[key] for key in WALKER_ANSWERS if key in answers}
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
    # Speeds given for other equipment stay, so that the input refuses them by name.
    keys = (*EQUIPMENT_KEYS.get(str(equipment.get("kind")), ()), *SPEED_SETTINGS)
    settings = {key: answers[key] for key in keys if key in answers}
    settings["speed_unit"] = answers.get("speed_unit", "mph")
    return equipment | speeds_named(settings)


def answer_of(field: str) -> str | None:
    """The answer behind an onboarding field (`walker.age` → `age`), or None for a field that
    no single answer gives (`equipment` as a whole: its answers disagree with each other)."""
    parts = field.split(".")
    if parts[0] in PLAN_KEYS:
        return parts[0]
    if parts[:2] == ["walker", "surgery"]:
        return "surgery_date" if parts[2:] == ["date"] else "surgery"
    if parts[0] == "walker" and len(parts) > 1 and parts[1] in WALKER_ANSWERS:
        return parts[1]
    if parts[0] == "equipment" and len(parts) > 1:
        name = parts[1].removesuffix("_mph").removesuffix("_kmh")
        return "equipment" if name == "kind" else name
    return None


def option_of(key: str) -> str:
    """The command-line option that gives an answer."""
    return "--" + key.replace("_", "-")


def named_by_option(
    error: InputError,
    answers: dict[str, Any],
    from_options: bool = True,
    renamed: Mapping[str, str] | None = None,
) -> InputError:
    """The refusal naming the option when the answer came (or should have come) from one; a
    profile file's field keeps the file's name. `renamed` gives a command's own option names
    for some answers (`equipment` is `--kind` in `retrowalk equipment`)."""
    key = answer_of(error.field)
    if key is not None and (from_options or key in answers):
        option = (renamed or {}).get(key) or option_of(key)
        return InputError(option, error.value, error.allowed)
    return error


def answers_of(options: Mapping[str, Any], keys: Collection[str]) -> dict[str, Any]:
    """The answers a command's options give (an option left out gives none), with a weight in
    pounds (`weight_lb`) as kilograms."""
    answers = {key: plain(value) for key, value in options.items() if key in keys}
    answers = {key: value for key, value in answers.items() if value is not None}
    if options.get("weight_lb") is not None:
        answers["weight_kg"] = pounds_to_kg(options["weight_lb"])
    return answers


def plain(value: object) -> object:
    """An option's value as an answer: an enum's own value."""
    return value.value if isinstance(value, Enum) else value


def shown(value: object) -> str:
    """An answer as a person reads it."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return "—" if value is None else str(value)
