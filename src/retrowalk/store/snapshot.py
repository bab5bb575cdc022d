"""The whole database as plain data, table by table, and back.

A snapshot lists every table in dependency order and its rows in primary-key order, with dates
and timestamps as ISO text, so that the same database always gives the same bytes. It is the
JSON export, the PostgreSQL backup, and what a restore reads.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Engine, Table, func, select, text

from retrowalk.domain.errors import InputError
from retrowalk.store.database import READ_ONLY
from retrowalk.store.migrate import head_revision
from retrowalk.store.tables import metadata

FORMAT = "retrowalk-snapshot"
FORMAT_VERSION = 1


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
    `replace`; otherwise the database must be empty."""
    rows = _checked(snapshot)
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


def _checked(snapshot: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    if snapshot.get("format") != FORMAT or snapshot.get("format_version") != FORMAT_VERSION:
        raise InputError(
            "FILE", snapshot.get("format"), f"give a {FORMAT} file (version {FORMAT_VERSION})"
        )
    revision = snapshot.get("schema_revision")
    if revision != head_revision():
        raise InputError(
            "schema_revision",
            revision,
            f"this version reads snapshots of schema {head_revision()}; restore it with the "
            "retrowalk version that wrote it, upgrade that database, and export again",
        )
    tables = snapshot.get("tables")
    known = {table.name: table for table in metadata.sorted_tables}
    if not isinstance(tables, dict) or set(tables) != set(known):
        raise InputError("tables", sorted(tables or {}), f"give exactly the tables {sorted(known)}")
    for name, rows in tables.items():
        columns = {c.name for c in known[name].columns}
        for row in rows:
            if set(row) != columns:
                raise InputError(
                    f"tables.{name}", sorted(set(row) ^ columns), "unknown or missing columns"
                )
    return tables


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
