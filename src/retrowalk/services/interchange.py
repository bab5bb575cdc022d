"""Export, import, backup and restore: the whole database as a file and back (the sessions as
CSV: services/session_csv.py).

The JSON export is canonical (tables in dependency order, rows by key, keys sorted), so
exporting, importing into an empty database and exporting again gives the same bytes.

A file to import or restore may be hostile: it is read within a cap and parsed with care
(services/file_input.py), and the store checks every row before writing any
(store/snapshot_check.py). A bad file is one InputError, and the database is left as it was.
"""

from __future__ import annotations

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


def export_json(data: DataStore) -> str:
    return canonical_json(data.snapshot())


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
