"""A screening flag (PROTOCOL.md §9): red stops the plan until cleared, yellow slows its start
and stays visible."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FlagLevel(StrEnum):
    RED = "red"
    YELLOW = "yellow"


@dataclass(frozen=True, slots=True)
class Flag:
    level: FlagLevel
    code: str
    message: str


def red(code: str, message: str) -> Flag:
    return Flag(FlagLevel.RED, code, message)


def yellow(code: str, message: str) -> Flag:
    return Flag(FlagLevel.YELLOW, code, message)
