"""Scales and ticks: numbers and dates to chart coordinates, with round-number ticks."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from retrowalk.domain.units import format_number

# Drawn at about a phone's width, so the labels stay readable when the chart fits the screen.
WIDTH, HEIGHT = 360.0, 190.0
LEFT, RIGHT, TOP, BOTTOM = 34.0, 12.0, 10.0, 26.0
GEOMETRY = {
    "width": WIDTH,
    "height": HEIGHT,
    "left": LEFT,
    "right": WIDTH - RIGHT,
    "bottom": HEIGHT - BOTTOM,
}
_NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


@dataclass(frozen=True, slots=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True, slots=True)
class Linear:
    """Values low..high onto pixels from..to (to may be above from, as on a y axis)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        if self.high == self.low:
            return (self.start + self.end) / 2
        share = (value - self.low) / (self.high - self.low)
        return round(self.start + share * (self.end - self.start), 1)


def nice_top(highest: float, at_least: float = 1.0) -> tuple[float, float]:
    """A round upper bound at or above `highest`, and a tick step giving at most five ticks."""
    top = max(highest, at_least)
    rough = top / 4
    power = 10 ** math.floor(math.log10(rough))
    step = next(power * s for s in _NICE_STEPS if power * s >= rough)
    return step * math.ceil(top / step - 1e-9), step


def value_ticks(scale: Linear, step: float, unit: str = "") -> list[Tick]:
    count = round((scale.high - scale.low) / step)
    values = [scale.low + i * step for i in range(count + 1)]
    return [Tick(scale(v), f"{format_number(v, 2)}{unit}") for v in values]


def date_scale(first: date, last: date) -> Linear:
    return Linear(first.toordinal(), last.toordinal(), LEFT, WIDTH - RIGHT)


def date_ticks(scale: Linear, first: date, last: date, most: int = 5) -> list[Tick]:
    span = last.toordinal() - first.toordinal()
    if span == 0:
        return [Tick(scale(first.toordinal()), _day(first, span))]
    ordinals = sorted({round(first.toordinal() + span * i / (most - 1)) for i in range(most)})
    return [Tick(scale(o), _day(date.fromordinal(o), span)) for o in ordinals]


def _day(on: date, span_days: int) -> str:
    return f"{on:%b %Y}" if span_days > 300 else f"{on.day} {on:%b}"
