"""Sessions as a file lists them, once read: each row typed (`CsvSession`) or refused by its
line and column (`RefusedRow`). The neutral shape between a sessions CSV (`formats/`) and the
import service, as `domain/activity.py` is for a recorded activity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

# The export's columns about the session's place, the plan and what came of it, not about what
# the walker did: the export writes them, an import ignores them (the importing walker's own plan
# decides them). One list for both (services/session_csv.py, formats/session_csv_read.py).
SESSION_KEY_COLUMNS = ("walker_id", "log_id", "seq")
PRESCRIBED_COLUMNS = (
    "decision",
    "reason",
    "changed",
    "prescribed_minutes",
    "prescribed_speed",
    "prescribed_speed_unit",
    "prescribed_incline_percent",
    "prescribed_hands",
)
LED_TO_COLUMNS = ("led_to", "led_to_reason")


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
