"""A SQLite backup's rows, read from a file that may be hostile.

The file is opened read-only and immutable (`mode=ro&immutable=1`: never written, no journal
or write-ahead log beside it consulted), with `trusted_schema` off and SQLite's limits lowered
(no attached databases, short strings and statements, shallow expressions). Every statement on
it counts against one budget of virtual-machine steps, in proportion to the file's pages; past
it the read stops ("too large or malformed") instead of running for hours. Before any row is
read the schema must hold only retrowalk's own tables and their indexes (no view, trigger,
virtual table or generated column can run code while it is read) and `PRAGMA quick_check` must
pass. An older schema is upgraded on a scratch copy, which is then read the same way.

Rows come back as the snapshot holds them (yes/no for 0/1, ISO text for SQLite's date-times),
still unchecked: the store checks them as it checks any file (store/snapshot_check.py).
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, DateTime, Table

from retrowalk.domain.errors import InputError, shown
from retrowalk.store.migrate import HEAD_REVISION
from retrowalk.store.snapshot_check import FORMAT, FORMAT_VERSION
from retrowalk.store.snapshot_rows import one_line
from retrowalk.store.tables import metadata

# Steps of SQLite's virtual machine a backup may take to be checked and read: a sound backup
# takes about 500 per KiB (measured: 691,000 sample rows, 32 MiB, 15.9 million steps), so four
# times that, plus a floor for small files. A 1 GiB backup may take a few minutes, never hours.
STEPS_PER_KIB = 2_000
STEPS_AT_LEAST = 5_000_000
STEPS_PER_CALL = 1_000
_LIMITS = {
    sqlite3.SQLITE_LIMIT_LENGTH: 2**20,  # a row's text: notes are 4000 characters at most
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 100_000,
    sqlite3.SQLITE_LIMIT_COLUMN: 100,
    sqlite3.SQLITE_LIMIT_EXPR_DEPTH: 100,
    sqlite3.SQLITE_LIMIT_COMPOUND_SELECT: 4,
    sqlite3.SQLITE_LIMIT_FUNCTION_ARG: 8,
    sqlite3.SQLITE_LIMIT_ATTACHED: 0,
    sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH: 100,
    sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER: 100,
    sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH: 1,
}
_OURS = {table.name for table in metadata.sorted_tables} | {"alembic_version"}
TOO_MUCH = "the backup is too large or malformed (reading it took too many steps)"


def backup_snapshot(source: Path) -> dict[str, Any]:
    """The snapshot of the SQLite backup `source`, or an InputError saying why it is refused."""
    try:
        with _opened(source) as connection:
            revision = _checked_schema(connection)
            if revision == HEAD_REVISION:
                return _snapshot(connection)
        return _upgraded_snapshot(source, revision)
    except _Refused as refused:
        raise InputError("FILE", str(source), str(refused)) from None
    except sqlite3.OperationalError as error:
        if "interrupted" in str(error):
            raise InputError("FILE", str(source), TOO_MUCH) from None
        raise _unreadable(source, error) from None
    except sqlite3.Error as error:
        raise _unreadable(source, error) from None
    except UnicodeDecodeError:  # SQLite's own message about a damaged schema is not UTF-8
        damaged = "the backup cannot be read (its schema is damaged)"
        raise InputError("FILE", str(source), damaged) from None


class _Refused(Exception):
    """Why a backup is refused, in words for the one-line message."""


@contextmanager
def _opened(path: Path) -> Iterator[sqlite3.Connection]:
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    with closing(sqlite3.connect(uri, uri=True, isolation_level=None)) as connection:
        _harden(connection, path.stat().st_size)
        yield connection


def _harden(connection: sqlite3.Connection, size: int) -> None:
    for limit, value in _LIMITS.items():
        connection.setlimit(limit, value)
    budget = [max(STEPS_AT_LEAST, size // 1024 * STEPS_PER_KIB) // STEPS_PER_CALL]

    def spend() -> int:
        budget[0] -= 1
        return 1 if budget[0] < 0 else 0  # non-zero interrupts the statement

    connection.set_progress_handler(spend, STEPS_PER_CALL)
    connection.execute("PRAGMA trusted_schema=OFF")
    connection.execute("PRAGMA cell_size_check=ON")
    connection.execute("PRAGMA mmap_size=0")


def _checked_schema(connection: sqlite3.Connection) -> str:
    """The backup's schema revision, once its schema and pages are found sound."""
    entries = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, table, sql in entries:
        if kind not in ("table", "index"):
            what = kind if kind in ("view", "trigger") else shown(kind)
            raise _Refused(f"it holds a {what} ({shown(name)}); a retrowalk backup has none")
        if table not in _OURS and not str(table).startswith("sqlite_"):
            raise _Refused(f"it holds a table retrowalk does not have ({shown(table)})")
        if str(sql or "").lstrip().upper().startswith("CREATE VIRTUAL"):
            raise _Refused(f"it holds a virtual table ({shown(name)})")
    verdict = connection.execute("PRAGMA quick_check(1)").fetchone()
    if verdict != ("ok",):
        raise _Refused("SQLite finds it damaged (quick_check)")
    return _revision(connection)


def _revision(connection: sqlite3.Connection) -> str:
    from retrowalk.store.migrate import revisions

    try:
        stamped = connection.execute("SELECT version_num FROM alembic_version LIMIT 2").fetchall()
    except sqlite3.OperationalError:
        stamped = []
    if len(stamped) != 1 or stamped[0][0] not in revisions():
        found = [row[0] for row in stamped]
        raise _Refused(f"it is at no schema revision this version knows ({shown(found)})")
    revision: str = stamped[0][0]
    return revision


def _upgraded_snapshot(source: Path, revision: str) -> dict[str, Any]:
    """Copy the backup, upgrade the copy from `revision` to this version's schema, read it."""
    from sqlalchemy.exc import SQLAlchemyError

    from retrowalk.domain.errors import StorageError
    from retrowalk.store.database import make_engine
    from retrowalk.store.migrate import upgrade

    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "restore.sqlite3"
        with _opened(source) as original, closing(sqlite3.connect(copy)) as target:
            original.backup(target)
        engine = make_engine(f"sqlite:///{copy}")
        try:
            upgrade(engine)
        except (SQLAlchemyError, StorageError) as error:
            reason = one_line(str(getattr(error, "orig", None) or error).split("\n")[0])
            raise _Refused(f"it could not be upgraded from schema {revision} ({reason})") from None
        finally:
            engine.dispose()
        with _opened(copy) as connection:
            _checked_schema(connection)
            return _snapshot(connection)


def _snapshot(connection: sqlite3.Connection) -> dict[str, Any]:
    tables = {table.name: _rows(connection, table) for table in metadata.sorted_tables}
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_revision": HEAD_REVISION,
        "tables": tables,
    }


def _rows(connection: sqlite3.Connection, table: Table) -> list[dict[str, Any]]:
    names = [column.name for column in table.columns]
    found = connection.execute(f'PRAGMA table_xinfo("{table.name}")').fetchall()
    if any(hidden for *_, hidden in found):
        raise _Refused(f"its {table.name} table has generated or hidden columns")
    if sorted(row[1] for row in found) != sorted(names):
        have = "no such table" if not found else "other columns"
        raise _Refused(f"its {table.name} table differs from this version's ({have})")
    columns = ", ".join(f'"{name}"' for name in names)
    order = ", ".join(f'"{column.name}"' for column in table.primary_key.columns)
    query = f'SELECT {columns} FROM "{table.name}" ORDER BY {order}'
    plain = [_plain_reader(table, name) for name in names]
    return [
        {name: read(value) for name, read, value in zip(names, plain, row, strict=True)}
        for row in connection.execute(query)
    ]


def _plain_reader(table: Table, name: str) -> Any:
    kind = table.columns[name].type
    if isinstance(kind, Boolean):
        return _yes_no
    if isinstance(kind, DateTime):
        return _iso_moment
    return _same


def _yes_no(value: Any) -> Any:
    return bool(value) if type(value) is int and value in (0, 1) else value


def _iso_moment(value: Any) -> Any:
    """SQLite's `YYYY-MM-DD HH:MM:SS.ffffff` as the export writes it; anything else as it is."""
    try:
        return datetime.fromisoformat(value).isoformat() if isinstance(value, str) else value
    except ValueError:
        return value


def _same(value: Any) -> Any:
    return value


def _unreadable(source: Path, error: sqlite3.Error) -> InputError:
    reason = one_line(str(error)) or type(error).__name__
    return InputError("FILE", str(source), f"the backup cannot be read ({reason})")
