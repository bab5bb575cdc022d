"""Backups and restores. SQLite: the online backup API copies a consistent database while the
app runs. PostgreSQL: a JSON snapshot read in one repeatable-read transaction (no pg_dump).
A restore reads either kind, checks every row, and replaces every row in one transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from retrowalk.domain.errors import InputError
from retrowalk.files import atomic_write, unwritable
from retrowalk.services.file_input import RESTORE_MOST_BYTES, parsed_snapshot, read_capped
from retrowalk.services.interchange import canonical_json
from retrowalk.store.backup_file import backup_snapshot
from retrowalk.store.database import is_sqlite
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
    """The rows of a SQLite backup (read as untrusted, store/backup_file.py) or of a JSON
    snapshot, unchecked as yet: `write_snapshot` checks them."""
    try:
        with source.open("rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise InputError("FILE", str(source), f"cannot be read ({error.strerror})") from None
    if head == SQLITE_HEADER:
        return backup_snapshot(source)
    return parsed_snapshot(read_capped(source, RESTORE_MOST_BYTES))


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
