"""Sessions as a file lists them, once read: each row typed (`CsvSession`) or refused by its
line and column (`RefusedRow`). The neutral shape between a sessions CSV (`formats/`) and the
import service, as `domain/activity.py` is for a recorded activity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class CsvSession:
    """One row read: its line in the file (from 1, the header's line counted) and its cells by
    column, each typed; a cell left empty is left out (unknown)."""

    line: int
    on: date
    cells: dict[str, Any]


@dataclass(frozen=True, slots=True)
class RefusedRow:
    line: int
    column: str
    value: str
    allowed: str

    def __str__(self) -> str:
        return f"line {self.line}, {self.column}: got {self.value!r}; {self.allowed}"


@dataclass(frozen=True, slots=True)
class CsvSessions:
    sessions: tuple[CsvSession, ...]
    refused: tuple[RefusedRow, ...]
