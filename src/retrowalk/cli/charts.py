"""Terminal charts from plain characters: a sparkline (one block per value) and a bar."""

from __future__ import annotations

from collections.abc import Sequence

BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(
    values: Sequence[float | None],
    low: float | None = None,
    high: float | None = None,
    width: int = 60,
) -> str:
    """One block per value (a gap for None), scaled from `low` to `high` (the values' own range
    when not given). Longer series are averaged into `width` blocks, oldest first."""
    values = _fit(values, width)
    known = [v for v in values if v is not None]
    if not known:
        return ""
    bottom = min(known) if low is None else low
    top = max(known) if high is None else high
    span = top - bottom
    return "".join(" " if v is None else _block(v, bottom, span) for v in values)


def bar(value: float, most: float, width: int = 24) -> str:
    """A horizontal bar, `width` characters for `most`; at least one for any value above 0."""
    if most <= 0 or value <= 0:
        return ""
    return "█" * max(1, round(width * min(value, most) / most))


def _block(value: float, bottom: float, span: float) -> str:
    if span <= 0:
        return BLOCKS[len(BLOCKS) // 2] if value > 0 else BLOCKS[0]
    share = (min(max(value, bottom), bottom + span) - bottom) / span
    return BLOCKS[round(share * (len(BLOCKS) - 1))]


def _fit(values: Sequence[float | None], width: int) -> list[float | None]:
    if len(values) <= width:
        return list(values)
    fitted: list[float | None] = []
    for index in range(width):
        chunk = values[index * len(values) // width : (index + 1) * len(values) // width]
        known = [v for v in chunk if v is not None]
        fitted.append(sum(known) / len(known) if known else None)
    return fitted
