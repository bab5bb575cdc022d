"""Line charts of a value per session over time (minutes, speed, incline, pain)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from retrowalk.domain.units import format_number
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

# Beyond this many sessions a chart marks only the latest one: hundreds of dots hide the line
# and weigh on the page; every value stays in the API and the table.
MARK_EVERY_POINT_UP_TO = 60


@dataclass(frozen=True, slots=True)
class Mark:
    x: float
    y: float
    on: str
    label: str


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


@dataclass(frozen=True, slots=True)
class Series:
    """A named series of values, one per date (None where there is no value)."""

    name: str
    style: str
    values: Sequence[float | None]


def line_chart(
    key: str,
    title: str,
    unit: str,
    dates: Sequence[date],
    series: Sequence[Series],
    top: float | None = None,
) -> LineChart:
    highest = max((v for s in series for v in s.values if v is not None), default=0.0)
    top_value, step = (top, top / 5) if top is not None else nice_top(highest)
    y = Linear(0.0, top_value, HEIGHT - BOTTOM, TOP)
    x = date_scale(dates[0], dates[-1])
    lines = tuple(_line(s, dates, x, y, unit) for s in series)
    last = f"{format_number(highest, 2)} {unit}".strip()
    description = (
        f"{title}: {len(dates)} sessions from {dates[0]} to {dates[-1]}; the highest is {last}."
    )
    return LineChart(
        key,
        title,
        description,
        tuple(date_ticks(x, dates[0], dates[-1])),
        tuple(value_ticks(y, step)),
        lines,
    )


def _line(series: Series, dates: Sequence[date], x: Linear, y: Linear, unit: str) -> Line:
    segments: list[str] = []
    current: list[str] = []
    marks = []
    for on, value in zip(dates, series.values, strict=True):
        if value is None:
            if current:
                segments.append(" ".join(current))
            current = []
            continue
        px, py = x(on.toordinal()), y(value)
        current.append(f"{px:g},{py:g}")
        label = f"{on.isoformat()}: {series.name} {format_number(value, 2)} {unit}".strip()
        marks.append(Mark(px, py, on.isoformat(), label))
    if current:
        segments.append(" ".join(current))
    shown = marks if len(marks) <= MARK_EVERY_POINT_UP_TO else marks[-1:]
    return Line(series.name, series.style, tuple(segments), tuple(shown))
