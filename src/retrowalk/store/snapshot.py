"""The whole database as plain data, table by table, and back.

A snapshot lists every table in dependency order and its rows in primary-key order, with dates
and timestamps as ISO text, so that the same database always gives the same bytes. It is the
JSON export, the PostgreSQL backup, and what a restore reads.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Engine, Table, func, select, text
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from retrowalk.domain.errors import InputError
from retrowalk.store.database import READ_ONLY
from retrowalk.store.migrate import head_revision
from retrowalk.store.snapshot_check import FORMAT, FORMAT_VERSION, checked_tables
from retrowalk.store.snapshot_rows import one_line
from retrowalk.store.tables import metadata


def read_snapshot(engine: Engine) -> dict[str, Any]:
    """Every row, read in one transaction so the snapshot is consistent."""
    options: dict[str, Any] = dict(READ_ONLY)
    if engine.dialect.name == "postgresql":
        options["isolation_level"] = "REPEATABLE READ"
    with engine.connect().execution_options(**options) as connection, connection.begin():
        tables = {table.name: _rows(connection, table) for table in metadata.sorted_tables}
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_revision": head_revision(),
        "tables": tables,
    }


def write_snapshot(engine: Engine, snapshot: dict[str, Any], replace: bool) -> None:
    """Write every row of `snapshot` in one transaction, after emptying the database if
    `replace`; otherwise the database must be empty. The snapshot is checked whole first
    (`snapshot_check`); if the database still refuses a row, nothing is written."""
    rows = checked_tables(snapshot)
    try:
        _write(engine, rows, replace)
    except (IntegrityError, DataError) as error:
        raise InputError(
            "tables", _constraint(error), "the database refused a row of the file; nothing changed"
        ) from None


def _write(engine: Engine, rows: dict[str, list[dict[str, Any]]], replace: bool) -> None:
    with engine.begin() as connection:
        if replace:
            for table in reversed(metadata.sorted_tables):
                connection.execute(table.delete())
        elif any(_count(connection, table) for table in metadata.sorted_tables):
            raise InputError(
                "database",
                "not empty",
                "the database already holds data; import only into an empty database, "
                "or use `retrowalk restore` to replace everything",
            )
        for table in metadata.sorted_tables:
            if rows[table.name]:
                connection.execute(table.insert(), [_typed(table, row) for row in rows[table.name]])
        if engine.dialect.name == "postgresql":
            _reset_sequences(connection)


def is_empty(engine: Engine) -> bool:
    with engine.connect().execution_options(**READ_ONLY) as connection:
        return not any(_count(connection, table) for table in metadata.sorted_tables)


def _rows(connection: Connection, table: Table) -> list[dict[str, Any]]:
    query = select(table).order_by(*table.primary_key.columns)
    return [
        {name: _plain(value) for name, value in row.items()}
        for row in connection.execute(query).mappings()
    ]


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _typed(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    typed = dict(row)
    for column in table.columns:
        value = typed.get(column.name)
        if isinstance(value, str) and isinstance(column.type, DateTime):
            typed[column.name] = datetime.fromisoformat(value)
        elif isinstance(value, str) and isinstance(column.type, Date):
            typed[column.name] = date.fromisoformat(value)
    return typed


def _constraint(error: DBAPIError) -> str:
    """The name of the rule a database refused a row by, never the row (PostgreSQL's message
    quotes the whole row)."""
    name = getattr(getattr(error.orig, "diag", None), "constraint_name", None)
    if name:
        return str(name)
    first = str(error.orig).split("\n")[0] if error.orig is not None else ""
    return one_line(first.partition(":")[2].strip() or first, 80)


def _count(connection: Connection, table: Table) -> int:
    return connection.execute(select(func.count()).select_from(table)).scalar_one()


def _reset_sequences(connection: Connection) -> None:
    # Rows came with their ids; the next id a sequence hands out must come after them.
    for table in metadata.sorted_tables:
        key = list(table.primary_key.columns)
        if len(key) != 1:
            continue
        name, column = table.name, key[0].name
        connection.execute(
            text(
                f"SELECT setval(seq, COALESCE((SELECT MAX({column}) FROM {name}), 0) + 1, false) "
                f"FROM (SELECT pg_get_serial_sequence('{name}', '{column}') AS seq) AS s "
                "WHERE seq IS NOT NULL"
            )
        )
