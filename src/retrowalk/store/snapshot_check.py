"""A snapshot from a file, checked whole before a row of it is written.

A file may be anything: an export from this version, one from another, a hand-edited one or a
hostile one. It is read as this version's snapshot or refused with one InputError that names
the table, the row (counted from 1, in the order the file lists them) and the column, quoting
only the offending value (`shown`), never the rest of the file. In order: the header (format,
version, schema revision), the tables, each row's columns (`snapshot_rows`), each row's
meaning as the services read it (`snapshot_rules`), then the keys between rows
(`snapshot_keys`). A snapshot that passes can be written on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from typing import Any

from retrowalk.domain.errors import InputError
from retrowalk.services.validation import as_given
from retrowalk.store.migrate import HEAD_REVISION
from retrowalk.store.snapshot_keys import check_keys
from retrowalk.store.snapshot_rows import check_rows
from retrowalk.store.snapshot_rules import check_meaning
from retrowalk.store.tables import metadata

FORMAT = "retrowalk-snapshot"
FORMAT_VERSION = 1
HEADER = ("format", "format_version", "schema_revision", "tables")


def checked_tables(snapshot: object) -> dict[str, list[dict[str, Any]]]:
    """The snapshot's tables, every row checked; or an InputError naming the first fault."""
    if not isinstance(snapshot, dict):
        raise InputError("FILE", as_given(snapshot), "an export is a JSON object")
    _check_header(snapshot)
    tables = _tables(snapshot["tables"])
    for table in metadata.sorted_tables:
        check_rows(table, tables[table.name])
        check_meaning(table.name, tables[table.name])
    check_keys(tables)
    return tables


def _check_header(snapshot: dict[Any, Any]) -> None:
    unknown = sorted(str(key) for key in snapshot if key not in HEADER)
    if unknown:
        raise InputError("FILE", unknown[0], f"an export holds only {', '.join(HEADER)}")
    if snapshot.get("format") != FORMAT:
        raise InputError("format", as_given(snapshot.get("format")), f"give a {FORMAT} file")
    version = snapshot.get("format_version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise InputError(
            "format_version", as_given(version), f"this version reads version {FORMAT_VERSION}"
        )
    revision = snapshot.get("schema_revision")
    if revision != HEAD_REVISION:
        raise InputError(
            "schema_revision",
            as_given(revision),
            f"this version reads snapshots of schema {HEAD_REVISION}; restore it with the "
            "retrowalk version that wrote it, upgrade that database, and export again",
        )


def _tables(tables: object) -> dict[str, list[dict[str, Any]]]:
    known = [table.name for table in metadata.sorted_tables]
    if not isinstance(tables, dict):
        raise InputError("tables", as_given(tables), "give an object of tables")
    for name in tables:
        if name not in known:
            raise InputError("tables", name, f"no such table; give exactly {', '.join(known)}")
    for name in known:
        if name not in tables:
            raise InputError(f"tables.{name}", None, "give every table, if only as []")
        if not isinstance(tables[name], list):
            raise InputError(f"tables.{name}", as_given(tables[name]), "give a list of rows")
    return tables
