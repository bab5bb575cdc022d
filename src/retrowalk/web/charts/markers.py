"""Marker shapes, so that a chart is read without colour: each pain series and each decision a
session led to has its own shape (drawn as an SVG path around the point), named in the legend."""

from __future__ import annotations

from dataclasses import dataclass

from retrowalk.domain.engine_state import Decision
from retrowalk.services.report_decisions import kind_words

CIRCLE, SQUARE, DIAMOND, UP, DOWN = "circle", "square", "diamond", "up", "down"
# A marker's half-size in viewBox units: large enough to tell a triangle from a square on a phone.
SIZE = 5.0

# The decision a session led to, in the four words the walker sees, and the shape of each.
# A pause of progression holds the dose, so it reads as a hold (its reason is in the history);
# the first prescription ("start") follows no session.
DECISION_SHAPES = {"progress": UP, "hold": CIRCLE, "step down": DOWN, "stop": SQUARE}
_FOLDED = {"paused": "hold", "start": "hold"}


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One line of a legend: a line's dash style, a marker's shape, or both."""

    label: str
    line: str | None = None
    shape: str | None = None


def led_to(decision: Decision | None) -> str | None:
    """'progress', 'hold', 'step down' or 'stop'; None until the next session is planned."""
    if decision is None:
        return None
    words = kind_words(decision)
    return _FOLDED.get(words, words)


def decision_legend(kinds: set[str | None]) -> tuple[LegendEntry, ...]:
    return tuple(
        LegendEntry(f"led to {kind}", shape=shape)
        for kind, shape in DECISION_SHAPES.items()
        if kind in kinds
    )


def path(shape: str, x: float, y: float, r: float = SIZE) -> str:
    """The outline of `shape` centred on (x, y), as an SVG path."""
    if shape == SQUARE:
        s = r * 0.85
        return _closed((x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s))
    if shape == DIAMOND:
        return _closed((x, y - r * 1.2), (x + r, y), (x, y + r * 1.2), (x - r, y))
    if shape in (UP, DOWN):
        sign = -1 if shape == UP else 1
        tip, base = y + sign * r * 1.15, y - sign * r * 0.85
        return _closed((x, tip), (x + r * 1.1, base), (x - r * 1.1, base))
    arc = f"a{_n(r)},{_n(r)} 0 1,0"
    return f"M{_n(x - r)},{_n(y)}{arc} {_n(2 * r)},0{arc} {_n(-2 * r)},0Z"


def _closed(*points: tuple[float, float]) -> str:
    return "M" + "L".join(f"{_n(x)},{_n(y)}" for x, y in points) + "Z"


def _n(value: float) -> str:
    return f"{round(value, 1):g}"
