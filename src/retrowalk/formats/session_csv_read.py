"""Sessions from a CSV with the export's columns (docs/storage.md): `read_sessions_csv(data)`.

The header names the columns, in any order, and may hold a subset of the export's: `date` and
`done` are required; the answers, what was done and the notes are read when present; the
columns the export writes about the plan (`walker_id`, `log_id`, `seq`, the prescription, the
decisions, `source`) are known and ignored, because the importing walker's own plan decides
them again. Any other column refuses the whole file (a misspelt `pain_durng` would otherwise
drop every pain silently).

Each row is read on its own: a row with a cell that cannot be read is a `RefusedRow` (its line,
the column, the value and what the column takes) and the other rows are still read. The whole
file is refused (one InputError) when it is not UTF-8 text, too large, has no header, a bad
header, or more rows than a walker's history could hold.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from retrowalk.domain.errors import InputError
from retrowalk.domain.session_rows import (
    LED_TO_COLUMNS,
    PRESCRIBED_COLUMNS,
    SESSION_KEY_COLUMNS,
    CsvSession,
    CsvSessions,
    RefusedRow,
)
from retrowalk.formats.csv_cells import READERS, Cell, CellRefused

FILE = "FILE"
# Five years of sessions, three a week, is under 800 rows of about 500 bytes: 2 MiB and 2,000
# rows hold a spreadsheet kept for longer, and bound the work of logging them one by one.
CSV_MOST_BYTES = 2 * 2**20
MOST_ROWS = 2_000
REQUIRED = ("date", "done")
READ = tuple(READERS)  # a test holds READ and IGNORED to the export's columns
# What the export writes about the plan and where the log came from: the plan of the walker who
# imports decides these again, and an import is its own source.
IGNORED = (*SESSION_KEY_COLUMNS, *PRESCRIBED_COLUMNS, "source", *LED_TO_COLUMNS)
_TOGETHER = (("speed_done", "speed_done_unit"),)


def read_sessions_csv(data: bytes) -> CsvSessions:
    rows = csv.reader(io.StringIO(_text(data), newline=""))
    header = _header(rows)
    sessions: list[CsvSession] = []
    refused: list[RefusedRow] = []
    while True:
        line = rows.line_num + 1
        try:
            cells = next(rows)
        except StopIteration:
            break
        except csv.Error as error:
            allowed = f"it is not CSV that can be read ({error})"
            raise InputError(FILE, f"line {line}", allowed) from None
        if not any(cell.strip() for cell in cells):
            continue  # a blank line
        if len(sessions) + len(refused) >= MOST_ROWS:
            raise InputError(FILE, f"more than {MOST_ROWS} rows", "give at most that many")
        read = _row(line, header, cells)
        if isinstance(read, CsvSession):
            sessions.append(read)
        else:
            refused.append(read)
    return CsvSessions(tuple(sessions), tuple(refused))


def _text(data: bytes) -> str:
    if len(data) > CSV_MOST_BYTES:
        allowed = f"give a CSV file of at most {CSV_MOST_BYTES // 2**20} MiB"
        raise InputError(FILE, f"{len(data)} bytes", allowed)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            FILE, "(the bytes)", f"it is not UTF-8 text (byte {error.start})"
        ) from None
    if "\x00" in text:
        raise InputError(FILE, "(the bytes)", "it is not CSV text (it holds NUL bytes)")
    return text


def _header(rows: Any) -> tuple[str, ...]:
    try:
        header = tuple(name.strip() for name in next(rows, []))
    except csv.Error as error:
        raise InputError(FILE, "line 1", f"it is not CSV that can be read ({error})") from None
    if not any(header):
        raise InputError(FILE, "(empty)", "give a CSV whose first line names its columns")
    for name in header:
        if name not in READ and name not in IGNORED:
            allowed = "give a column of the export (docs/storage.md): " + ", ".join(READ)
            raise InputError(f"{FILE} header", name, allowed)
        if header.count(name) > 1:
            raise InputError(f"{FILE} header", name, "name each column once")
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise InputError(f"{FILE} header", ",".join(header)[:80], f"add the column {missing[0]}")
    return header


def _row(line: int, header: tuple[str, ...], cells: list[str]) -> CsvSession | RefusedRow:
    if len(cells) > len(header):
        allowed = f"the header names {len(header)} columns; give no more cells than that"
        return RefusedRow(line, "(the row)", f"{len(cells)} cells", allowed)
    typed: dict[str, Cell] = {}
    for name, text in zip(header, cells, strict=False):  # missing last cells: empty
        if name in IGNORED or not text.strip():
            continue
        try:
            typed[name] = READERS[name](text if name == "notes" else text.strip())
        except CellRefused as refusal:
            return RefusedRow(line, name, text, refusal.allowed)
    for name in REQUIRED:
        if name not in typed:
            return RefusedRow(line, name, "", "give a value: this column is required")
    for first, second in _TOGETHER:
        if (first in typed) != (second in typed):
            given, other = (first, second) if first in typed else (second, first)
            return RefusedRow(line, other, "", f"give {other} with {given}")
    on = typed.pop("date")
    assert isinstance(on, date)
    return CsvSession(line, on, typed)
