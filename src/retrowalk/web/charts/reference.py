"""Horizontal reference lines on a line chart (the walker's usual pain, the pain limit), placed on
the same value scale as the chart's own ticks."""

from __future__ import annotations

from dataclasses import dataclass

from retrowalk.web.charts.scale import BOTTOM, HEIGHT, TOP, Linear


@dataclass(frozen=True, slots=True)
class Reference:
    y: float
    label: str
    style: str


def reference(value: float, top: float, label: str, style: str) -> Reference:
    """A line at `value` on a chart whose value axis runs from 0 to `top`."""
    return Reference(Linear(0.0, top, HEIGHT - BOTTOM, TOP)(value), label, style)
