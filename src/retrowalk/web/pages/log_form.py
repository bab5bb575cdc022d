"""The form for a session logged or edited by hand: its fields, read into the services' entry.

The answers' inputs come from the one list of a session's fields (domain/outcome_fields.py):
numbers are typed in, yes-or-no answers are ticked. Blank answers are unknown, not 0
(PROTOCOL.md §11): the new form starts with no pain or effort filled in. The speed is typed in
the walker's units (field `speed_done`); numbers are sent as typed, so the session log reads
"1,2" as 1.2 here as on every face."""

from __future__ import annotations

from typing import Any

from retrowalk.domain.outcome_fields import OUTCOME_FIELDS
from retrowalk.domain.units import UnitSystem
from retrowalk.services.records import LoggedEntry
from retrowalk.web.pages.forms import given, ticked

ANSWERS = tuple(f.name for f in OUTCOME_FIELDS if not f.is_tick)
VALUES = (*ANSWERS, "hands_used", "notes", "incline_done_percent")
TICKS = tuple(f.name for f in OUTCOME_FIELDS if f.is_tick)
# What an edit clears when left blank (the incline is not on the form, so it is kept).
CLEARED_WHEN_BLANK = (*ANSWERS, "hands_used", "notes")
NEW_ENTRY = {"done": "on", "form_ok": "on"}
# The service's speed fields, shown as the one speed field of the form.
RENAMED = {"speed_done_mph": "speed_done", "speed_done_kmh": "speed_done"}


def entry_data(values: dict[str, str], units: UnitSystem | None = None) -> dict[str, Any]:
    """The service's fields from the form; a speed (in `units`) only where the form has one."""
    data = given(values, VALUES) | ticked(values, TICKS)
    speed = given(values, ("speed_done",))
    if speed and units is not None:
        data[f"speed_done_{units.speed_unit.value}"] = speed["speed_done"]
    return data


def entry_values(entry: LoggedEntry) -> dict[str, str]:
    """A logged entry as the form shows it."""
    outcome, performed = entry.outcome, entry.performed
    shown: dict[str, Any] = {name: getattr(outcome, name) for name in ANSWERS}
    shown |= {
        "hands_used": None if performed.hands is None else performed.hands.value,
        "notes": entry.notes,
    }
    values = {
        name: f"{value:g}" if isinstance(value, float) else str(value)
        for name, value in shown.items()
        if value is not None
    }
    return values | {name: "on" for name in TICKS if getattr(outcome, name)}
