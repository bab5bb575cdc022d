"""Backups and restores. SQLite: the online backup API copies a consistent database while the
app runs. PostgreSQL: a JSON snapshot read in one repeatable-read transaction (no pg_dump).
A restore reads either kind and replaces every row in one transaction."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from retrowalk.domain.errors import InputError, StorageError
from retrowalk.files import atomic_write, unwritable
from retrowalk.services.interchange import canonical_json
from retrowalk.store.database import is_sqlite, make_engine
from retrowalk.store.migrate import SchemaState, schema_state, upgrade
from retrowalk.store.snapshot import read_snapshot, write_snapshot

SQLITE_HEADER = b"SQLite format 3\x00"


def backup(engine: Engine, target: Path) -> None:
    """Written whole or not at all (files.atomic_write): a failure leaves no file at `target`."""
    if target.exists():
        raise InputError("FILE", str(target), "a file is there already; give a new file name")
    try:
        with atomic_write(target) as partial:
            if is_sqlite(engine):
                _sqlite_backup(engine, partial)
            else:
                partial.write_text(canonical_json(read_snapshot(engine)), encoding="utf-8")
    except (OSError, sqlite3.Error) as error:  # the copy's file, not the database, failed
        raise unwritable("FILE", target, error) from None


def restore(engine: Engine, source: Path) -> None:
    write_snapshot(engine, snapshot_from_file(source), replace=True)


def snapshot_from_file(source: Path) -> dict[str, Any]:
    try:
        with source.open("rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise InputError("FILE", str(source), f"cannot be read ({error.strerror})") from None
    if head == SQLITE_HEADER:
        return _sqlite_file_snapshot(source)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(
            "FILE", str(source), f"is neither a backup nor a JSON export ({error})"
        ) from None
    if not isinstance(data, dict):
        raise InputError("FILE", str(source), "a JSON export holds an object at the top")
    return data


def _sqlite_backup(engine: Engine, target: Path) -> None:
    source = engine.raw_connection()
    try:
        copy = sqlite3.connect(target)
        try:
            source.driver_connection.backup(copy)  # type: ignore[union-attr]
            # One self-contained file, with no write-ahead log beside it.
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
    except sqlite3.Error:
        _remove_sqlite_leftovers(target)
        raise
    finally:
        source.close()


def _remove_sqlite_leftovers(database: Path) -> None:
    for suffix in ("-journal", "-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)


def _sqlite_file_snapshot(source: Path) -> dict[str, Any]:
    """Rows of a SQLite backup, upgraded on a scratch copy if an older version made it."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "restore.sqlite3"
        shutil.copyfile(source, copy)
        engine = make_engine(f"sqlite:///{copy}")
        try:
            state, revision = schema_state(engine)
            if state is SchemaState.OLDER:
                upgrade(engine)
            elif state is not SchemaState.CURRENT:
                raise StorageError(
                    f"{source} is not a retrowalk backup this version can read ({revision})"
                )
            return read_snapshot(engine)
        finally:
            engine.dispose()
