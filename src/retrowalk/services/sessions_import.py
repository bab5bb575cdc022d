"""Sessions from a spreadsheet (a CSV with the export's columns, read by
formats/session_csv_read.py) logged as the walker's next sessions, one after another in date
order, so the engine adapts each dose as it would have had they been logged by hand.

Each row becomes a hand log's fields: the answers as given (an empty cell stays unknown), what
was done (`speed_done` with its unit, `incline_done`, `hands_done`), `stop_reason` and `notes`;
the source is `import`. A row the file refused, or that cannot be logged (a date before the
last logged session or after today, a value a log does not take), is named by its line and
column, and nothing is logged from such a file unless the walker confirms logging the rest.
How it fits the plan, the preview and exactly once: services/import_log.py.
"""

from __future__ import annotations

from typing import Any

from retrowalk.domain.session_rows import CsvSession, CsvSessions
from retrowalk.services.clock import Clock
from retrowalk.services.import_log import (
    Candidate,
    Candidates,
    Imported,
    ImportPreview,
    confirm_import,
    preview_import,
)
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import ImportKind, Source, StoredWalker

# A column of the file that is not named as the log's field, and back.
_FIELD_OF = {"incline_done": "incline_done_percent", "hands_done": "hands_used"}
_COLUMN_OF = {
    "incline_done_percent": "incline_done",
    "hands_used": "hands_done",
    "speed_done_mph": "speed_done",
    "speed_done_kmh": "speed_done",
}


def preview_sessions(
    walker_id: int, read: CsvSessions, sha256: str, uow: UnitOfWork, clock: Clock
) -> ImportPreview:
    """What importing the rows would log, and every row refused (the file's and the log's)."""
    preview = preview_import(walker_id, ImportKind.CSV, sha256, _candidates(read), uow, clock)
    refused = sorted((*read.refused, *preview.refused), key=lambda row: row.line)
    return ImportPreview(
        preview.kind, preview.sha256, preview.first_seq, preview.logs, tuple(refused)
    )


def import_sessions(
    walker_id: int,
    read: CsvSessions,
    sha256: str,
    first_seq: int,
    uow: UnitOfWork,
    clock: Clock,
    skip_refused: bool = False,
) -> Imported:
    """Log the rows; with any refused row (the file's or the log's), only if `skip_refused`."""
    candidates = _candidates(read)
    return confirm_import(
        walker_id,
        ImportKind.CSV,
        sha256,
        first_seq,
        candidates,
        uow,
        clock,
        skip_refused,
        read.refused,
    )


def _candidates(read: CsvSessions) -> Candidates:
    def build(walker: StoredWalker) -> list[Candidate]:
        return [_candidate(row) for row in read.sessions]

    return build


def _candidate(row: CsvSession) -> Candidate:
    cells = dict(row.cells)
    fields: dict[str, Any] = {"date": row.on, "source": Source.IMPORT}
    speed, unit = cells.pop("speed_done", None), cells.pop("speed_done_unit", None)
    if speed is not None:
        fields[f"speed_done_{unit}"] = speed
    fields |= {_FIELD_OF.get(column, column): value for column, value in cells.items()}
    return Candidate(row.line, row.on, fields, _COLUMN_OF)
