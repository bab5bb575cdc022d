"""A session's structure: the day's minutes split into sets with rests between them."""

from __future__ import annotations

import math


def split_into_sets(minutes: float, max_set_minutes: float) -> tuple[float, ...]:
    """Sets of at most `max_set_minutes` that add up to `minutes`, the longer ones first.

    Whole minutes stay whole (7 -> 4 + 3); anything else is shared evenly.
    """
    if minutes <= 0:
        return ()
    count = math.ceil(minutes / max_set_minutes - 1e-9)
    if float(minutes).is_integer():
        base, longer = divmod(int(minutes), count)
        return tuple(float(base + 1 if i < longer else base) for i in range(count))
    share = round(minutes / count, 2)
    return (*(share for _ in range(count - 1)), round(minutes - share * (count - 1), 2))


def equal_sets(count: int, minutes_each: float) -> tuple[float, ...]:
    return tuple(round(minutes_each, 2) for _ in range(count))
