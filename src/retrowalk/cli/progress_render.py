"""Progress for people: the headline figures, one sparkline per measure over the sessions, and
the weeks as bars of minutes walked beside the sessions planned."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from rich.console import Console
from rich.table import Table

from retrowalk.cli.charts import bar, sparkline
from retrowalk.domain.units import UnitSystem, format_number

PAIN_SCALE = (0, 10)
PAINS = ("pain_during", "pain_after", "pain_next_morning")


def show_progress(figures: dict[str, Any], units: UnitSystem, console: Console) -> None:
    console.print(_headline(figures))
    console.print(_lines(figures["points"], units))
    console.print(_weeks(figures, units))


def _headline(figures: dict[str, Any]) -> str:
    walked = len(figures["points"])
    parts = [f"[bold]{walked}[/bold] session{'s' if walked != 1 else ''} walked"]
    if figures["adherence"] is not None:
        parts.append(f"adherence [bold]{round(figures['adherence'] * 100)} %[/bold]")
    weeks = figures["streak_weeks"]
    parts.append(f"streak [bold]{weeks}[/bold] week{'s' if weeks != 1 else ''} as planned")
    if figures["energy_kcal"] is not None:
        kcal = format_number(figures["energy_kcal"], 0)
        parts.append(f"about [bold]{kcal}[/bold] kcal (estimated)")
    return " · ".join(parts)


def _lines(points: list[dict[str, Any]], units: UnitSystem) -> Table:
    speed_key = f"speed_{units.speed_unit.value}"
    table = Table(title="Session by session, oldest first", title_justify="left", box=None)
    table.add_column("")
    table.add_column("")
    table.add_column("first → latest", justify="right")
    rows = (
        ("Minutes", [p["minutes"] for p in points], None),
        (f"Speed, {units.speed_unit.label}", [p[speed_key] for p in points], None),
        ("Incline, %", [p["incline_percent"] for p in points], None),
        ("Pain during, 0-10", [p["pain_during"] for p in points], PAIN_SCALE),
        ("Pain next morning", [p["pain_next_morning"] for p in points], PAIN_SCALE),
    )
    for label, values, scale in rows:
        known = [v for v in values if v is not None]
        if not known:
            continue
        low, high = scale or (None, None)
        ends = f"{format_number(known[0], 2)} → {format_number(known[-1], 2)}"
        table.add_row(label, f"[cyan]{sparkline(values, low, high)}[/cyan]", ends)
    return table


def _weeks(figures: dict[str, Any], units: UnitSystem) -> Table:
    weeks, points = figures["weeks"], figures["points"]
    most = max((week["minutes"] for week in weeks), default=0)
    table = Table(title="Week by week", title_justify="left")
    table.add_column("Week of", no_wrap=True)
    table.add_column("Minutes walked", no_wrap=True)
    table.add_column("Sessions", justify="right")
    table.add_column(f"Top speed, {units.speed_unit.label}", justify="right")
    table.add_column("Top incline", justify="right")
    table.add_column("Worst pain", justify="right")
    for week in weeks:
        inside = _inside(points, date.fromisoformat(week["starts"]))
        table.add_row(
            week["starts"],
            f"[green]{bar(week['minutes'], most, 12)}[/green] {format_number(week['minutes'], 2)}",
            f"{week['sessions']} of {week['planned']}",
            _top([p[f"speed_{units.speed_unit.value}"] for p in inside]),
            _top([p["incline_percent"] for p in inside], " %"),
            _top([_worst(p) for p in inside], "/10"),
        )
    return table


def _inside(points: list[dict[str, Any]], starts: date) -> list[dict[str, Any]]:
    ends = starts + timedelta(days=7)
    return [p for p in points if starts <= date.fromisoformat(p["on"]) < ends]


def _worst(point: dict[str, Any]) -> int | None:
    """The session's worst pain given; None (unknown, shown as such) when none was given."""
    pains: list[int | None] = [point[key] for key in PAINS]
    return max((p for p in pains if p is not None), default=None)


def _top(values: list[Any], suffix: str = "") -> str:
    known = [v for v in values if v is not None]
    return f"{format_number(max(known), 2)}{suffix}" if known else "–"
