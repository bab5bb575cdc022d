"""Weekly volume: minutes walked each plan week, with the sessions walked against planned."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from retrowalk.domain.units import format_number
from retrowalk.services.progress import WeekVolume
from retrowalk.web.charts.scale import (
    BOTTOM,
    HEIGHT,
    LEFT,
    RIGHT,
    TOP,
    WIDTH,
    Linear,
    Tick,
    nice_top,
    value_ticks,
)


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    met: bool
    label: str


@dataclass(frozen=True, slots=True)
class BarChart:
    key: str
    title: str
    description: str
    bars: tuple[Bar, ...]
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]


def weekly_volume(weeks: Sequence[WeekVolume]) -> BarChart:
    top, step = nice_top(max((w.minutes for w in weeks), default=0.0))
    y = Linear(0.0, top, HEIGHT - BOTTOM, TOP)
    slot = (WIDTH - LEFT - RIGHT) / max(1, len(weeks))
    width = max(1.0, round(slot * 0.75, 1))
    bars = tuple(
        _bar(week, LEFT + i * slot + (slot - width) / 2, width, y) for i, week in enumerate(weeks)
    )
    every = max(1, len(weeks) // 5)
    x_ticks = tuple(
        Tick(round(b.x + b.width / 2, 1), f"{w.starts.day} {w.starts:%b}")
        for i, (b, w) in enumerate(zip(bars, weeks, strict=True))
        if i % every == 0
    )
    met = sum(1 for b in bars if b.met)
    description = f"Minutes walked in each of {len(weeks)} plan weeks; {met} met the plan."
    return BarChart(
        "weekly", "Minutes each week", description, bars, tuple(value_ticks(y, step)), x_ticks
    )


def _bar(week: WeekVolume, x: float, width: float, y: Linear) -> Bar:
    top = y(week.minutes)
    met = week.planned > 0 and week.sessions >= week.planned
    label = (
        f"Week of {week.starts.isoformat()}: {format_number(week.minutes, 1)} minutes, "
        f"{week.sessions} of {week.planned} sessions"
    )
    return Bar(round(x, 1), top, width, round(y(0.0) - top, 1), met, label)
