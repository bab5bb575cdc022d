"""`retrowalk log`'s questions, for what the options did not give: the defaults are the
prescription's, and each answer is held to the session log's own rule as it is typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from rich.console import Console

from retrowalk.cli import ask as a
from retrowalk.domain.cues import Cue, say
from retrowalk.domain.dose import Dose
from retrowalk.domain.units import UnitSystem, format_number
from retrowalk.services.fields import check_field
from retrowalk.services.log_session import LogIn

Question = tuple[str, str, a.Reader, str | None]


def ask_entry(
    console: Console, fields: dict[str, Any], dose: Dose, units: UnitSystem, today: date
) -> dict[str, Any]:
    """Ask, in order, for each field not in `fields`; returns `fields` completed (a question
    skipped with Enter as None or "", so it is not asked again when the log is tried again).
    The list is drawn again after each answer (the day walked decides whether the next
    morning is asked)."""
    while True:
        pending = [q for q in questions(fields, dose, units, today) if q[0] not in fields]
        if not pending:
            return fields
        name, text, read, default = pending[0]
        fields[name] = a.ask(console, text, a.then(read, _rule(name)), default)


def questions(fields: dict[str, Any], dose: Dose, units: UnitSystem, today: date) -> list[Question]:
    speed_unit = units.speed_unit
    asked: list[Question] = [
        ("date", "The day you walked, YYYY-MM-DD", a.iso_date, today.isoformat()),
        ("minutes_done", "Minutes walked", a.number, format_number(dose.minutes, 2)),
    ]
    if dose.speed is not None:
        speed = format_number(dose.speed.in_unit(speed_unit), 2)
        asked.append((f"speed_done_{speed_unit.value}", f"Belt speed, {speed_unit.label}",
                      a.number, speed))  # fmt: skip
        incline = format_number(dose.incline_percent)
        asked.append(("incline_done_percent", "Incline, %", a.number, incline))
    hands = a.choice(["both", "one", "none"])
    asked += [
        ("hands_used", say(Cue.ASK_HANDS_USED).text, hands, dose.hands.value),
        ("pain_during", say(Cue.ASK_PAIN_DURING).text, a.whole_number, None),
        ("pain_after", "And just after? 0 to 10, Enter to skip.", a.optional(a.whole_number), ""),
    ]
    if _day(fields, today) < today:
        morning = "And the morning after? 0 to 10, Enter to skip."
        asked.append(("pain_next_morning", morning, a.optional(a.whole_number), ""))
    asked += [
        ("rpe", say(Cue.ASK_EFFORT).text, a.whole_number, None),
        ("sharp_pain", say(Cue.ASK_SHARP_PAIN).text, a.yes_no, "no"),
        # Each a good session needs answered (PROTOCOL.md §11); Enter takes the shown answer.
        ("form_ok", say(Cue.ASK_FORM).text, a.yes_no, "yes"),
        ("swelling", say(Cue.ASK_SWELLING).text, a.yes_no, "no"),
        ("locking", say(Cue.ASK_LOCKING).text, a.yes_no, "no"),
        ("giving_way", say(Cue.ASK_GIVING_WAY).text, a.yes_no, "no"),
        ("stable_without_hands", say(Cue.ASK_STABLE).text, a.yes_no, "no"),
        ("notes", say(Cue.ASK_NOTES).text, str, ""),
    ]
    return asked


def _rule(name: str) -> Callable[[Any], Any]:
    """The session log's rule for one field (Enter on an optional question passes)."""
    return lambda value: value if value is None else check_field(LogIn, name, value)


def _day(fields: dict[str, Any], today: date) -> date:
    given = fields.get("date", today)
    try:
        return given if isinstance(given, date) else date.fromisoformat(str(given))
    except ValueError:  # the session log refuses it, naming the option, when it is saved
        return today
