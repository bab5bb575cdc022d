"""The history as a table: one row per session logged."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from retrowalk.cli.views import short_dose, speed_words
from retrowalk.domain.stop_reason import StopReason
from retrowalk.domain.units import UnitSystem, format_number


def history_table(sessions: list[dict[str, Any]], units: UnitSystem) -> Table:
    table = Table(
        title="Sessions logged",
        title_justify="left",
        caption="Pain: while walking / just after / the next morning, 0-10; – not given.",
        caption_justify="left",
    )
    table.add_column("ID", justify="right")
    table.add_column("Date", no_wrap=True)
    table.add_column("Prescribed", no_wrap=True)
    table.add_column("Done")
    table.add_column("Pain", justify="center", no_wrap=True)
    table.add_column("Effort", justify="right", no_wrap=True)
    table.add_column("Notes")
    for session in sessions:
        table.add_row(
            str(session["id"]),
            session["on"],
            short_dose(session["prescribed"], units),
            _done(session["entry"], units),
            " / ".join(_pain(session["entry"][key]) for key in _PAINS),
            "–" if session["entry"]["rpe"] is None else f"{session['entry']['rpe']}/10",
            _notes(session["entry"]),
        )
    return table


_PAINS = ("pain_during", "pain_after", "pain_next_morning")


def _done(entry: dict[str, Any], units: UnitSystem) -> str:
    if not entry["done"]:
        return "missed"
    minutes = entry["minutes_done"]
    done = "in full" if minutes is None else f"{format_number(minutes, 2)} min"
    if entry["speed_done"] is not None:
        done += f", {speed_words(entry['speed_done'], units)}"
    return done


def _pain(value: int | None) -> str:
    return "–" if value is None else str(value)


def _notes(entry: dict[str, Any]) -> str:
    marks = ["sharp pain"] if entry["sharp_pain"] else []
    if entry["stop_reason"] is not None:
        marks.append(f"stopped: {StopReason(entry['stop_reason']).describe()}")
    if entry["notes"]:
        marks.append(entry["notes"])
    return "; ".join(marks)
