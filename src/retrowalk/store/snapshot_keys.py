"""The rules between rows of a snapshot, checked before it is written: every key and unique
column set once, every reference naming a row the snapshot holds, and every walker with the
rows the app never lets a walker lack (a prescription and equipment). The database would
refuse the first two only as a whole, and the last not at all; this names the row."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import ForeignKeyConstraint, Table, UniqueConstraint

from retrowalk.domain.errors import InputError
from retrowalk.store.snapshot_rows import field_named
from retrowalk.store.tables import metadata

Rows = list[dict[str, Any]]


def check_keys(tables: dict[str, Rows]) -> None:
    for table in metadata.sorted_tables:
        rows = tables[table.name]
        for columns in _unique_sets(table):
            _check_unique(table.name, rows, columns)
        for reference in table.foreign_key_constraints:
            _check_reference(table.name, rows, reference, tables)
    _check_companions(tables)


# Onboarding writes a walker with both; a walker without them has no plan to read.
_EVERY_WALKER_HAS = ("prescriptions", "equipment")


def _check_companions(tables: dict[str, Rows]) -> None:
    for companion in _EVERY_WALKER_HAS:
        owners = {row["walker_id"] for row in tables[companion]}
        for number, walker in enumerate(tables["walkers"], 1):
            if walker["id"] not in owners:
                raise InputError(
                    f"walkers row {number}, field {field_named('id')}",
                    walker["id"],
                    f"every walker needs a {companion} row with walker_id {walker['id']}",
                )


def _unique_sets(table: Table) -> Iterator[tuple[str, ...]]:
    yield tuple(column.name for column in table.primary_key.columns)
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            yield tuple(column.name for column in constraint.columns)
    for column in table.columns:
        if column.unique:
            yield (column.name,)


def _check_unique(name: str, rows: Rows, columns: tuple[str, ...]) -> None:
    seen: dict[tuple[Any, ...], int] = {}
    for number, row in enumerate(rows, 1):
        key = tuple(row[column] for column in columns)
        if None in key:
            continue  # NULLs never clash
        if key in seen:
            raise InputError(
                f"{name} row {number}, field {field_named(columns[0])}",
                key[0],
                f"row {seen[key]} has the same {_listed(columns)}; give each row its own",
            )
        seen[key] = number


def _check_reference(
    name: str, rows: Rows, reference: ForeignKeyConstraint, tables: dict[str, Rows]
) -> None:
    columns = tuple(reference.column_keys)
    target = reference.referred_table.name
    targets = tuple(element.column.name for element in reference.elements)
    present = {tuple(row[column] for column in targets) for row in tables[target]}
    for number, row in enumerate(rows, 1):
        key = tuple(row[column] for column in columns)
        if None in key or key in present:
            continue
        named = " and ".join(f"{t} {v}" for t, v in zip(targets, key, strict=True))
        raise InputError(
            f"{name} row {number}, field {field_named(columns[0])}",
            key[0],
            f"no {target} row has {named}",
        )


def _listed(columns: tuple[str, ...]) -> str:
    return " and ".join(columns)
