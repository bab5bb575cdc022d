"""The progress page's charts of each session (minutes, speed, incline, pain) and the table of
their numbers: the dose charts mark the decision each session led to; the pain chart draws the
next-morning answer as its main line, read against the walker's usual pain and the pain limit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from retrowalk.domain.units import UnitSystem, format_number
from retrowalk.services.history import SessionRecord
from retrowalk.services.progress import ProgressPoint
from retrowalk.services.progress_view import ProgressView
from retrowalk.web.charts.line import LineChart, Series, line_chart
from retrowalk.web.charts.markers import CIRCLE, DIAMOND, SQUARE, led_to

PAIN_TOP = 10.0
# The numbers table lists this many sessions, the latest first; the API and CSV have them all.
TABLE_ROWS = 60
NOT_GIVEN, NOT_REPORTED = "not given", "not reported"


def session_charts(view: ProgressView, units: UnitSystem) -> list[LineChart]:
    points = view.progress.points
    if not points:
        return []
    dates = [p.on for p in points]
    kinds = [led_to(r.led_to) for r in view.records] if view.records else None
    unit = units.speed_unit.label
    speeds = [_speed(p, units) for p in points]
    inclines = [p.incline_percent for p in points]
    charts = [
        line_chart(
            "minutes",
            "Minutes walked",
            "min",
            dates,
            [_dose("minutes", [p.minutes for p in points], kinds)],
        ),
        line_chart("speed", f"Speed ({unit})", unit, dates, [_dose("speed", speeds, kinds)]),
    ]
    if any(incline for incline in inclines):  # a flat plan has no incline to chart
        charts.append(
            line_chart("incline", "Incline (%)", "%", dates, [_dose("incline", inclines, kinds)])
        )
    charts.append(pain_chart(view))
    return charts


def pain_chart(view: ProgressView) -> LineChart:
    points = view.progress.points
    series = [
        Series("next morning", "solid", [p.pain_next_morning for p in points], CIRCLE),
        Series("during", "dashed", [p.pain_during for p in points], SQUARE),
        Series("after", "dotted", [p.pain_after for p in points], DIAMOND),
    ]
    references = [
        (view.pain_limit, f"limit {view.pain_limit}/10", "limit"),
        (view.usual_pain, f"your usual pain {view.usual_pain}/10", "baseline"),
    ]
    dates = [p.on for p in points]
    return line_chart("pain", "Pain (0 to 10)", "", dates, series, PAIN_TOP, references)


def _dose(name: str, values: Sequence[float | None], kinds: list[str | None] | None) -> Series:
    return Series(name, "solid", values, led_to=kinds)


def _speed(point: ProgressPoint, units: UnitSystem) -> float | None:
    return point.speed_kmh if units is UnitSystem.METRIC else point.speed_mph


@dataclass(frozen=True, slots=True)
class Row:
    """A session in the numbers table, each cell in words."""

    on: str
    minutes: str
    speed: str
    incline: str
    pain_during: str
    pain_after: str
    pain_next_morning: str
    effort: str
    hands: str
    kcal: str
    led_to: str


def table_rows(view: ProgressView, units: UnitSystem) -> list[Row]:
    points = view.progress.points
    records: tuple[SessionRecord | None, ...] = view.records or (None,) * len(points)
    pairs = list(zip(points, records, strict=True))[-TABLE_ROWS:]
    return [_row(point, record, units) for point, record in reversed(pairs)]


def _row(point: ProgressPoint, record: SessionRecord | None, units: UnitSystem) -> Row:
    hands, decided = "–", "–"
    if record is not None:
        done = record.logged.entry.performed.hands or record.logged.prescribed.dose.hands
        hands, decided = done.describe(), led_to(record.led_to) or "not planned yet"
    speed = _speed(point, units)
    return Row(
        on=point.on.isoformat(),
        minutes=format_number(point.minutes, 2),
        speed="–" if speed is None else f"{format_number(speed, 2)} {units.speed_unit.label}",
        incline=f"{format_number(point.incline_percent)} %",
        pain_during=_told(point.pain_during, NOT_GIVEN),
        pain_after=_told(point.pain_after, NOT_GIVEN),
        pain_next_morning=_told(point.pain_next_morning, NOT_REPORTED),
        effort=_told(point.rpe, NOT_GIVEN),
        hands=hands,
        kcal="–" if point.energy_kcal is None else format_number(point.energy_kcal, 0),
        led_to=decided,
    )


def _told(value: int | None, unknown: str) -> str:
    return unknown if value is None else f"{value} of 10"
