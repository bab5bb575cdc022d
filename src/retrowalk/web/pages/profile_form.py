"""The profile page's two forms, read into the services' input and back: the walker's answers
(named as the services name them: `rest_pain`, `surgery.date`), and a clinician's clearance
(`clearance.on`, `clearance.clinician`, `clearance.notes`)."""

from __future__ import annotations

from typing import Any

from retrowalk.domain.walker import WalkerProfile
from retrowalk.services.answer_words import code_words
from retrowalk.services.records import StoredWalker
from retrowalk.services.walker_fields import WALKER_VALUES, WALKER_YES_NO
from retrowalk.web.pages.forms import given, ticked
from retrowalk.web.pages.weight_field import typed_weight, weight_in_kg

CLEARANCE = "clearance."
CLEARANCE_FIELDS = ("on", "clinician", "notes")


def profile_data(values: dict[str, str], kept_kg: float | None = None) -> dict[str, Any]:
    """The form as a change of profile: every answer as the walker left it (a blank weight
    is no weight, one in lb with mph is kept in kg, the weight on record left as shown stays
    exact; a blank required answer is refused by name; sessions a week left blank stay as
    they were)."""
    answers: dict[str, Any] = {name: values.get(name, "").strip() for name in WALKER_VALUES}
    answers["weight_kg"] = weight_in_kg(answers["weight_kg"], answers.get("units"), kept_kg)
    answers |= ticked(values, WALKER_YES_NO)
    kind = values.get("surgery.kind", "none")
    answers["surgery"] = None
    if kind != "none":
        answers["surgery"] = {"kind": kind, **given(values, ("date",), "surgery.")}
    return answers | given(values, ("sessions_per_week",))


def profile_values(walker: StoredWalker) -> dict[str, str]:
    """The form filled in with the walker's answers, as they would have been typed."""
    profile: WalkerProfile = walker.profile
    values = {name: _typed(getattr(profile, name)) for name in WALKER_VALUES}
    values["weight_kg"] = typed_weight(profile.weight_kg, profile.units)
    values |= {name: "on" for name in WALKER_YES_NO if getattr(profile, name)}
    values["surgery.kind"] = "none"
    if profile.surgery is not None:
        values["surgery.kind"] = profile.surgery.kind.value
        values["surgery.date"] = profile.surgery.on.isoformat()
    values["sessions_per_week"] = str(walker.prescription.sessions_per_week)
    return {name: value for name, value in values.items() if value}


def clearance_data(values: dict[str, str]) -> dict[str, Any]:
    return given(values, CLEARANCE_FIELDS, CLEARANCE)


def _typed(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(getattr(value, "value", value))


def value_words(value: object) -> str:
    """A value of the history as a person reads it."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return code_words(_typed(value)).replace("_", " ")
