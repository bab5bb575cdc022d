"""What the protocol's rule tables share: their base (pydantic refuses keys it does not know) and
the simple checks their `problems()` make, each worded once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

# Pydantic (in the loader) reads this attribute from plain dataclasses: unknown keys are refused.
STRICT_KEYS: dict[str, Any] = {"extra": "forbid"}

# A broken rule: the key it concerns, and what it must be.
Problem = tuple[str, str]


class RuleTable:
    """A table of a protocol or modality file, as a frozen dataclass that subclasses this."""

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT_KEYS


def at_least(table: object, low: int, *names: str) -> Iterator[Problem]:
    """Each of `names` below `low`."""
    needed = "must be 0 or more" if low == 0 else f"must be at least {low}"
    for name in names:
        if getattr(table, name) < low:
            yield name, needed


def above_zero(table: object, *names: str) -> Iterator[Problem]:
    """Each of `names` at 0 or below."""
    for name in names:
        if getattr(table, name) <= 0:
            yield name, "must be above 0"


def between(table: object, name: str, low: int, high: int) -> Iterator[Problem]:
    """`name` outside [low, high]."""
    if not low <= getattr(table, name) <= high:
        yield name, f"must be between {low} and {high}"
