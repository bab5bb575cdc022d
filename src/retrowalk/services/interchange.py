"""Export, import, backup and restore: the whole database as a file and back.

The JSON export is canonical (tables in dependency order, rows by key, keys sorted), so
exporting, importing into an empty database and exporting again gives the same bytes.

A file to import or restore may be hostile: it is read within a cap and parsed with care
(services/file_input.py), and the store checks every row before writing any
(store/snapshot_check.py). A bad file is one InputError, and the database is left as it was.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from retrowalk.services.file_input import (
    IMPORT_MOST_BYTES,
    RESTORE_MOST_BYTES,
    checked_size,
    parsed_snapshot,
    read_capped,
)
from retrowalk.services.ports import DataStore

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
    "swelling",
    "locking",
    "giving_way",
    "stop_reason",
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
