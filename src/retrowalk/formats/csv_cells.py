"""One cell of a sessions CSV read by the kind of its column: a yes or no, a whole number, a
number, a day, one of a few words, or text. An empty cell is None (unknown, never 0 or no);
a cell that cannot be read is a `CellRefused` saying what the column takes."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from enum import StrEnum

from retrowalk.domain.dose import HandSupport
from retrowalk.domain.outcome_fields import OUTCOME_FIELDS, OutcomeField
from retrowalk.domain.stop_reason import StopReason
from retrowalk.domain.units import SpeedUnit

Cell = bool | int | float | date | str | None

YES, NO = frozenset({"true", "yes"}), frozenset({"false", "no"})
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")


class CellRefused(ValueError):
    """A cell that does not hold what its column takes; `allowed` says what it takes."""

    def __init__(self, allowed: str) -> None:
        super().__init__(allowed)
        self.allowed = allowed


def yes_or_no(text: str) -> bool:
    word = text.lower()
    if word in YES or word in NO:
        return word in YES
    raise CellRefused("give true or false (yes or no)")


def number(text: str, low: float | None = None, high: float | None = None) -> float:
    """A number with a point or a decimal comma ("1,5"), within [low, high] when given."""
    if not _NUMBER.fullmatch(text):
        raise CellRefused(_number_words(low, high, "a number"))
    value = float(text.replace(",", "."))
    if (
        not math.isfinite(value)
        or (low is not None and value < low)
        or (high is not None and value > high)
    ):
        raise CellRefused(_number_words(low, high, "a number"))
    return value


def whole_number(text: str, low: float | None, high: float | None) -> int:
    """A whole number ("2", or "2.0" as a spreadsheet may write it) within [low, high]."""
    try:
        value = number(text, low, high)
    except CellRefused:
        value = math.nan
    if value != value or value != int(value):
        raise CellRefused(_number_words(low, high, "a whole number"))
    return int(value)


def day(text: str) -> date:
    try:
        if not _ISO_DAY.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise CellRefused("give a day as YYYY-MM-DD, like 2027-01-04") from None


def one_of(kind: type[StrEnum]) -> Callable[[str], str]:
    def read(text: str) -> str:
        allowed = [member.value for member in kind]
        if text.lower() not in allowed:
            raise CellRefused("give one of " + ", ".join(allowed))
        return text.lower()

    return read


def answer_reader(field: OutcomeField) -> Callable[[str], Cell]:
    if field.kind is bool:
        return yes_or_no
    if field.kind is int:
        return lambda text: whole_number(text, field.low, field.high)
    return lambda text: number(text, field.low, field.high)


# What each column the import reads takes; the answers follow the one list of them.
READERS: dict[str, Callable[[str], Cell]] = {
    "date": day,
    **{field.name: answer_reader(field) for field in OUTCOME_FIELDS},
    "speed_done": lambda text: number(text, 0, 10),
    "speed_done_unit": one_of(SpeedUnit),
    "incline_done": lambda text: number(text, 0, 40),
    "hands_done": one_of(HandSupport),
    "stop_reason": one_of(StopReason),
    "notes": str,
}


def _number_words(low: float | None, high: float | None, kind: str) -> str:
    if low is not None and high is not None:
        return f"give {kind} from {low:g} to {high:g}"
    return f"give {kind}"
