"""Export, import, backup and restore: the whole database as a file and back.

The JSON export is canonical (tables in dependency order, rows by key, keys sorted), so
exporting, importing into an empty database and exporting again gives the same bytes.

A file to import or restore may be hostile. Its size is checked before it is opened (the caps
below), its JSON parsed without letting a deep nest, a huge number or a repeated key through,
and the store checks every row before writing any (store/snapshot_check.py): a bad file is one
InputError, and the database is left as it was.
"""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path
from typing import Any

from retrowalk.domain.errors import InputError
from retrowalk.services.ports import DataStore
from retrowalk.services.validation import as_given

# An export is read into memory whole, and parsed JSON takes several times its size there.
# 64 MiB holds years of one walker's sessions with their per-second samples.
IMPORT_MOST_BYTES = 64 * 2**20
# A backup (SQLite, or PostgreSQL's JSON snapshot) is a whole database; its rows are read into
# memory before the one transaction that replaces everything.
RESTORE_MOST_BYTES = 2**30

CSV_COLUMNS = (
    "walker_id",
    "log_id",
    "seq",
    "date",
    "decision",
    "changed",
    "prescribed_minutes",
    "prescribed_speed",
    "prescribed_speed_unit",
    "prescribed_incline_percent",
    "prescribed_hands",
    "done",
    "minutes_done",
    "speed_done",
    "speed_done_unit",
    "incline_done",
    "hands_done",
    "pain_during",
    "pain_after",
    "pain_next_morning",
    "rpe",
    "sharp_pain",
    "stable_without_hands",
    "form_ok",
    "source",
    "notes",
)


def export_json(data: DataStore) -> str:
    return canonical_json(data.snapshot())


def export_csv(data: DataStore) -> str:
    """One row per logged session (deleted ones left out), prescribed dose beside what was done."""
    tables = data.snapshot()["tables"]
    planned = {row["id"]: row for row in tables["planned_sessions"]}
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    logs = [log for log in tables["session_logs"] if not log["deleted"]]
    for log in sorted(logs, key=lambda row: (row["walker_id"], row["session_date"], row["id"])):
        writer.writerow(_csv_row(planned[log["planned_session_id"]], log))
    return out.getvalue()


def import_json(text: str, data: DataStore) -> None:
    """Load an export into an empty database."""
    data.load(parsed_snapshot(text.encode("utf-8", "surrogatepass")), replace=False)


def import_file(source: Path, data: DataStore) -> None:
    """Load an export file (at most IMPORT_MOST_BYTES) into an empty database."""
    data.load(parsed_snapshot(read_capped(source, IMPORT_MOST_BYTES)), replace=False)


def canonical_json(snapshot: dict[str, Any]) -> str:
    return json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def backup(target: Path, data: DataStore) -> None:
    data.backup(target)


def restore(source: Path, data: DataStore) -> None:
    """Replace everything with a backup or an export (at most RESTORE_MOST_BYTES)."""
    checked_size(source, RESTORE_MOST_BYTES)
    data.restore(source)


def checked_size(source: Path, most: int) -> int:
    """The size of the regular file `source`, known before it is opened, if at most `most`."""
    try:
        status = source.stat()
    except FileNotFoundError:
        raise InputError("FILE", str(source), "no such file; give the path of a file") from None
    except OSError as error:
        raise InputError("FILE", str(source), f"cannot be read ({error.strerror})") from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError("FILE", str(source), "that is a folder; give a file")
    if not stat.S_ISREG(status.st_mode):
        raise InputError("FILE", str(source), "that is not a regular file; give a file")
    if status.st_size > most:
        raise InputError("FILE", str(source), _too_big(status.st_size, most))
    return status.st_size


def read_capped(source: Path, most: int) -> bytes:
    """The bytes of `source`, refused unread when its size is over `most` (and refused if it
    grows past `most` while being read)."""
    checked_size(source, most)
    try:
        with source.open("rb") as file:
            content = file.read(most + 1)
    except OSError as error:
        raise InputError("FILE", str(source), f"cannot be read ({error.strerror})") from None
    if len(content) > most:
        raise InputError("FILE", str(source), _too_big(len(content), most))
    return content


def parsed_snapshot(content: bytes) -> dict[str, Any]:
    """JSON text as plain data; refused if it is not UTF-8, not JSON, not an object, nested too
    deep, holds a number of thousands of digits or repeats a key in one object."""
    parsed = _parsed_json(content)
    if not isinstance(parsed, dict):
        raise InputError("FILE", as_given(parsed), "an export is a JSON object")
    return parsed


def _parsed_json(content: bytes) -> object:
    try:
        return json.loads(content.decode("utf-8"), object_pairs_hook=_unrepeated)
    except UnicodeDecodeError as error:
        raise InputError(
            "FILE", "(the bytes)", f"it is not UTF-8 text (byte {error.start})"
        ) from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise InputError(
            "FILE", "(the text)", f"it is not valid JSON: {error.msg} at {where}"
        ) from None
    except RecursionError:
        raise InputError("FILE", "(the text)", "it is nested too deeply to be an export") from None
    except ValueError:  # a number of more digits than Python converts (sys.int_info)
        raise InputError(
            "FILE", "(the text)", "it holds a number with thousands of digits"
        ) from None


def _unrepeated(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    read: dict[str, Any] = {}
    for key, value in pairs:
        if key in read:
            raise InputError("FILE", key, "a key is given twice in one object")
        read[key] = value
    return read


def _too_big(size: int, most: int) -> str:
    return f"the file is {_mib(size)}; give one of at most {_mib(most)}"


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB" if size >= 2**20 else f"{size} bytes"


def _csv_row(planned: dict[str, Any], log: dict[str, Any]) -> dict[str, Any]:
    row = {name: log.get(name) for name in CSV_COLUMNS}
    row |= {
        "log_id": log["id"],
        "seq": planned["seq"],
        "date": log["session_date"],
        "decision": planned["decision"],
        "changed": planned["changed"],
        "prescribed_minutes": planned["minutes"],
        "prescribed_speed": planned["speed"],
        "prescribed_speed_unit": planned["speed_unit"],
        "prescribed_incline_percent": planned["incline_percent"],
        "prescribed_hands": planned["hands"],
    }
    return row
