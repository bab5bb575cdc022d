"""The form for a session logged or edited by hand: its fields, read into the services' entry."""

from __future__ import annotations

from typing import Any

from retrowalk.services.records import LoggedEntry
from retrowalk.web.pages.forms import given, ticked

VALUES = (
    "minutes_done",
    "pain_during",
    "pain_after",
    "pain_next_morning",
    "rpe",
    "hands_used",
    "notes",
)
TICKS = ("done", "sharp_pain", "stable_without_hands", "form_ok")
NEW_ENTRY = {"done": "on", "form_ok": "on", "pain_during": "0", "rpe": "4"}


def entry_data(values: dict[str, str]) -> dict[str, Any]:
    return given(values, VALUES) | ticked(values, TICKS)


def entry_values(entry: LoggedEntry) -> dict[str, str]:
    """A logged entry as the form shows it."""
    outcome, performed = entry.outcome, entry.performed
    shown: dict[str, Any] = {
        "minutes_done": outcome.minutes_done,
        "pain_during": outcome.pain_during,
        "pain_after": outcome.pain_after,
        "pain_next_morning": outcome.pain_next_morning if entry.next_morning_on else None,
        "rpe": outcome.rpe,
        "hands_used": None if performed.hands is None else performed.hands.value,
        "notes": entry.notes,
    }
    values = {
        name: f"{value:g}" if isinstance(value, float) else str(value)
        for name, value in shown.items()
        if value is not None
    }
    return values | {name: "on" for name in TICKS if getattr(outcome, name)}
