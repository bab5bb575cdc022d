"""Line charts of a value per session over time (minutes, speed, incline, pain)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from retrowalk.domain.units import format_number
from retrowalk.web.charts.markers import (
    CIRCLE,
    DECISION_SHAPES,
    LegendEntry,
    decision_legend,
    path,
)
from retrowalk.web.charts.reference import Reference, reference
from retrowalk.web.charts.scale import (
    BOTTOM,
    HEIGHT,
    TOP,
    Linear,
    Tick,
    date_scale,
    date_ticks,
    nice_top,
    value_ticks,
)

# Beyond this many sessions a chart marks only the latest one (and, where it marks decisions, the
# sessions that changed or stopped the dose): hundreds of dots hide the line and weigh on the
# page; every value stays in the API and the table.
MARK_EVERY_POINT_UP_TO = 60


@dataclass(frozen=True, slots=True)
class Mark:
    """A point; `kind` is the decision its session led to, when the chart marks decisions."""

    x: float
    y: float
    on: str
    label: str
    shape: str = CIRCLE
    kind: str | None = None

    @property
    def path(self) -> str:
        return path(self.shape, self.x, self.y)


@dataclass(frozen=True, slots=True)
class Line:
    name: str
    style: str
    segments: tuple[str, ...]
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class LineChart:
    key: str
    title: str
    description: str
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    lines: tuple[Line, ...]
    references: tuple[Reference, ...] = ()
    legend: tuple[LegendEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class Series:
    """A named series of values, one per date (None where there is no value), marked with
    `shape`, or with the shape of the decision each session led to (`led_to`, beside values)."""

    name: str
    style: str
    values: Sequence[float | None]
    shape: str = CIRCLE
    led_to: Sequence[str | None] | None = None


# A value drawn: x, y, its date, the value, and the decision its session led to.
Point = tuple[float, float, date, float, str | None]


def line_chart(
    key: str,
    title: str,
    unit: str,
    dates: Sequence[date],
    series: Sequence[Series],
    top: float | None = None,
    references: Sequence[tuple[float, str, str]] = (),
) -> LineChart:
    """`references`: horizontal lines (value, label, style), such as the pain limit."""
    highest = max((v for s in series for v in s.values if v is not None), default=0.0)
    top_value, step = (top, top / 5) if top is not None else nice_top(highest)
    y = Linear(0.0, top_value, HEIGHT - BOTTOM, TOP)
    x = date_scale(dates[0], dates[-1])
    lines = tuple(_line(s, dates, x, y, unit) for s in series)
    last = f"{format_number(highest, 2)} {unit}".strip()
    description = (
        f"{title}: {len(dates)} sessions from {dates[0]} to {dates[-1]}; the highest is {last}."
    )
    drawn = tuple(reference(value, top_value, label, style) for value, label, style in references)
    return LineChart(
        key,
        title,
        description,
        tuple(date_ticks(x, dates[0], dates[-1])),
        tuple(value_ticks(y, step)),
        lines,
        drawn,
        _legend(series, lines, drawn),
    )


def _legend(
    series: Sequence[Series], lines: Sequence[Line], references: Sequence[Reference]
) -> tuple[LegendEntry, ...]:
    entries: list[LegendEntry] = []
    if len(series) > 1 or references:
        entries += [LegendEntry(s.name, s.style, s.shape) for s in series]
    entries += [LegendEntry(r.label, r.style) for r in references]
    kinds = {m.kind for s, line in zip(series, lines, strict=True) if s.led_to for m in line.marks}
    return (*entries, *decision_legend(kinds))


def _line(series: Series, dates: Sequence[date], x: Linear, y: Linear, unit: str) -> Line:
    segments: list[str] = []
    current: list[str] = []
    points: list[Point] = []
    kinds = series.led_to if series.led_to is not None else [None] * len(dates)
    for on, value, kind in zip(dates, series.values, kinds, strict=True):
        if value is None:
            if current:
                segments.append(" ".join(current))
            current = []
            continue
        px, py = x(on.toordinal()), y(value)
        current.append(f"{px:g},{py:g}")
        points.append((px, py, on, value, kind))
    if current:
        segments.append(" ".join(current))
    # Labels are written for the marks shown only: a long record shows a few of hundreds.
    shown = points if len(points) <= MARK_EVERY_POINT_UP_TO else _changes_and_latest(points)
    marks = tuple(_mark(series, unit, *point) for point in shown)
    return Line(series.name, series.style, tuple(segments), marks)


def _mark(
    series: Series, unit: str, px: float, py: float, on: date, value: float, kind: str | None
) -> Mark:
    label = f"{on.isoformat()}: {series.name} {format_number(value, 2)} {unit}".strip()
    if kind is not None:
        label += f"; led to {kind}"
    shape = DECISION_SHAPES.get(kind or "", series.shape)
    return Mark(px, py, on.isoformat(), label, shape, kind)


def _changes_and_latest(points: list[Point]) -> list[Point]:
    """On a long record: the sessions that changed the dose or stopped it, and the latest."""
    return [p for p in points[:-1] if p[4] not in (None, "hold")] + points[-1:]
