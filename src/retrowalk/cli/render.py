"""Rich rendering of a plan preview: the same data `simulate` prints, as a table for people."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from retrowalk.domain.units import format_number

_DECISION_STYLE = {
    "start": "bold cyan",
    "progress": "green",
    "hold": "",
    "regress": "yellow",
    "deload": "yellow",
    "paused": "bold red",
}
_HANDS = {"both": "both", "one": "one", "none": "free"}


def render_plan(plan: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    for flag in plan["flags"]:
        style = "red" if flag["level"] == "red" else "yellow"
        title = "Red flag: no plan" if flag["level"] == "red" else "Yellow flag: a careful start"
        console.print(Panel(flag["message"], title=title, border_style=style, expand=False))
    if plan["sessions"]:
        console.print(_table(plan))
        summary = plan["summary"]
        console.print(
            f"{summary['sessions']} sessions ({summary['missed']} missed), "
            f"{format_number(summary['planned_minutes'], 1)} minutes walked{_kcal(summary)}."
        )
    for warning in plan["warnings"]:
        console.print(Text(f"Note: {warning}", style="dim"))


def _table(plan: dict[str, Any]) -> Table:
    speed_unit = "mph" if plan["units"] == "imperial" else "km/h"
    table = Table(title=f"retrowalk plan ({plan['protocol']} protocol)", show_lines=False)
    table.add_column("Wk", justify="right", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Minutes (sets)", justify="right", max_width=10)
    table.add_column(_intensity_header(plan["sessions"], speed_unit), justify="right")
    table.add_column("Incline", justify="right", no_wrap=True)
    table.add_column("Hands", no_wrap=True)
    table.add_column("What changed, and why", ratio=1, min_width=28)
    last_week = None
    for session in plan["sessions"]:
        week = session["week"]
        table.add_row(
            str(week) if week != last_week else "",
            session["date"],
            _minutes(session),
            _intensity(session, plan["units"]),
            f"{session['incline_percent']:g} %",
            _HANDS[session["hand_support"]],
            _change_and_why(session),
            style="dim" if session["missed"] else None,
        )
        last_week = week
    return table


def _intensity_header(sessions: list[dict[str, Any]], speed_unit: str) -> str:
    first = sessions[0]
    if first["speed_mph"] is not None:
        return speed_unit
    if "load_kg" in first:
        return "Load, sets × distance"
    if "resistance_level" in first:
        return "Resistance"
    return "Distance" if "distance_m" in first else "Pace"


def _minutes(session: dict[str, Any]) -> str:
    sets = session["sets"]
    if len(sets) <= 1:
        return f"{session['minutes']:g}"
    return f"{session['minutes']:g} ({' + '.join(f'{m:g}' for m in sets)})"


def _intensity(session: dict[str, Any], units: str) -> str:
    if session["speed_mph"] is not None:
        return f"{session['speed_mph' if units == 'imperial' else 'speed_kmh']:g}"
    if session.get("load_kg") is not None:
        return f"{session['load_kg']:g} kg, {len(session['sets'])} × {session['distance_m']} m"
    if session.get("resistance_level") is not None:
        return f"level {session['resistance_level']}"
    if session.get("distance_m") is not None:
        return f"{session['distance_m']} m"
    return "own pace"


def _change_and_why(session: dict[str, Any]) -> Text:
    decision = session["decision"]
    label = f"{decision} (missed)" if session["missed"] else decision
    if session["changed"]:
        label += f": {session['changed'].replace('_', ' ')}"
    text = Text(label, style=_DECISION_STYLE.get(decision, ""))
    text.append(" — " + " ".join(session["reasons"]), style="")
    return text


def _kcal(summary: dict[str, Any]) -> str:
    kcal = summary["energy_kcal"]
    return "" if kcal is None else f", about {format_number(kcal, 0)} kcal"
