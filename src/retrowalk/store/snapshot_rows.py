"""A table's rows as a file gives them, checked column by column before they reach a database.

Each table gets one pydantic typed dict, built from the table itself: the column's type (a whole
number is not a yes-or-no, a date is YYYY-MM-DD from 1900 to 2100 as `CalendarDate` reads it,
a moment is ISO text), its bounds and allowed values (read from the table's own CHECK
constraints, see `base.in_range` and `base.one_of`), whether it may be null, text without NUL
and no longer than the column holds, numbers finite and within what both databases store. A
row that passes can be written on SQLite and on PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    TypeAdapter,
    ValidationError,
    with_config,
)
from sqlalchemy import Boolean, CheckConstraint, Column, Date, DateTime, Float, Integer, String
from sqlalchemy import Table as SqlTable
from typing_extensions import TypedDict  # pydantic's own dependency; typing's needs 3.12

from retrowalk.domain.errors import InputError, shown
from retrowalk.services.calendar_date import EARLIEST, LATEST, CalendarDate
from retrowalk.services.validation import as_given, first_input_error

# INTEGER is four bytes on PostgreSQL; a bigger number would be refused there only.
SMALLEST_WHOLE, LARGEST_WHOLE = -(2**31), 2**31 - 1
# A REAL holds whole numbers exactly only up to 2**53: a file's 10**30 would come back as 1e30,
# not what the file said. No quantity retrowalk keeps comes near it.
LARGEST_REAL = float(2**53)
# Rows are checked this many at a time: one call into pydantic for many rows is fast, and what
# it builds is dropped young (a backup may hold millions of samples).
CHUNK = 5_000
# Values a table allows but a file may not bring: an admin account is made on the server by
# hand, never by importing a file (a file that says "admin" would grant itself rights).
FILES_MAY_NOT_GIVE = {("accounts", "role"): frozenset({"admin"})}
# A TEXT column holds notes (at most 4000 characters), reasons, engine snapshots (about 1 kB)
# and screening messages: 64 Ki characters is far beyond any of them, and bounds a hostile file.
LONGEST_TEXT = 65_536


def check_rows(table: SqlTable, rows: list[Any]) -> None:
    """Refuse the first row that does not fit `table`'s columns, naming it and the column."""
    for number, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            where = f"{table.name} row {number}"
            raise InputError(where, as_given(row), "give an object of column names and values")
    for start in range(0, len(rows), CHUNK):
        _check_chunk(table, rows, start)


def _check_chunk(table: SqlTable, rows: list[Any], start: int) -> None:
    try:
        _rows_model(table).validate_python(rows[start : start + CHUNK])
    except ValidationError as error:
        item = error.errors(include_url=False)[0]
        number, column = start + int(item["loc"][0]) + 1, str(item["loc"][1])
        place = f"{table.name} row {number}, field {field_named(column)}"
        if item["type"] == "missing":
            raise InputError(place, None, "give every column of the table") from None
        if item["type"] == "extra_forbidden":
            given = as_given(item["input"])
            raise InputError(place, given, f"{table.name} has no such column") from None
        allowed = _phrased(table, column) or first_input_error(error).allowed
        raise InputError(place, as_given(item["input"]), allowed) from None


@cache
def _rows_model(table: SqlTable) -> TypeAdapter[list[Any]]:
    rows: Any = list.__class_getitem__(row_model(table))
    return TypeAdapter(rows)


@cache
def row_model(table: SqlTable) -> Any:
    """A typed dict of the table's columns: pydantic checks a dict against it about ten times
    faster than it builds a model, and a backup may hold millions of samples."""
    fields = {column.name: _column_type(table, column) for column in table.columns}
    return typed_dict(f"{table.name}_row", fields, strict=True)


def typed_dict(name: str, fields: dict[str, Any], strict: bool) -> Any:
    """A TypedDict of `fields`, every one required, no other key allowed, numbers finite."""
    config = ConfigDict(extra="forbid", strict=strict, allow_inf_nan=False)
    return with_config(config)(TypedDict(name, fields))  # type: ignore[operator]


def _column_type(table: SqlTable, column: Column[Any]) -> Any:
    rule = _rules(table).get(column.name, {})
    kind: Any
    if "one_of" in rule:
        kind = Literal[tuple(rule["one_of"])]
    elif isinstance(column.type, Boolean):
        kind = StrictBool
    elif isinstance(column.type, DateTime):
        kind = FileMoment
    elif isinstance(column.type, Date):
        kind = FileDate
    elif isinstance(column.type, Integer):
        kind = Annotated[int, Field(ge=_lowest(column, rule), le=_highest(rule))]
    elif isinstance(column.type, Float):
        low, high = rule.get("low"), rule.get("high")
        kind = Annotated[
            float,
            Field(
                ge=-LARGEST_REAL if low is None else max(-LARGEST_REAL, low),
                le=LARGEST_REAL if high is None else min(LARGEST_REAL, high),
            ),
        ]
    elif isinstance(column.type, String):
        kind = Annotated[str, Field(max_length=column.type.length or LONGEST_TEXT), PlainText]
    else:
        raise AssertionError(f"no file rule for {table.name}.{column.name} ({column.type})")
    return kind | None if column.nullable else kind


def _lowest(column: Column[Any], rule: dict[str, Any]) -> int:
    # Ids, and references to them, count from 1; a position within a key from 0.
    lowest = SMALLEST_WHOLE
    if column.foreign_keys or (column.primary_key and len(column.table.primary_key) == 1):
        lowest = 1
    elif column.primary_key:
        lowest = 0
    return lowest if rule.get("low") is None else max(lowest, int(rule["low"]))


def _highest(rule: dict[str, Any]) -> int:
    return LARGEST_WHOLE if rule.get("high") is None else min(LARGEST_WHOLE, int(rule["high"]))


@cache
def _rules(table: SqlTable) -> dict[str, dict[str, Any]]:
    """Each column's range and allowed values, from the table's CHECK constraints."""
    rules: dict[str, dict[str, Any]] = {}
    for constraint in table.constraints:
        if isinstance(constraint, CheckConstraint) and "column" in constraint.info:
            info = dict(constraint.info)
            column = info.pop("column")
            if "one_of" in info:
                refused = FILES_MAY_NOT_GIVE.get((table.name, column), frozenset())
                info["one_of"] = tuple(v for v in info["one_of"] if v not in refused)
            rules.setdefault(column, {}).update(info)
    return rules


def _phrased(table: SqlTable, column: str) -> str | None:
    """What to give instead, in the words of the column's rule where it has one."""
    rule = _rules(table).get(column, {})
    if "one_of" in rule:
        return "give one of " + ", ".join(repr(value) for value in rule["one_of"])
    if "low" not in rule:
        return None
    whole = isinstance(table.columns[column].type, Integer)
    number = "a whole number" if whole else "a number"
    # Without a stated ceiling the file's own bound applies (what the column can hold exactly).
    high = rule["high"] if rule["high"] is not None else LARGEST_WHOLE if whole else 2**53
    return f"give {number} from {rule['low']} to {high}"


def field_named(name: str) -> str:
    """A column's name in a message: "age"; a name a file made up is quoted as `shown` quotes
    values (escaped, cut short), so it cannot break the message's one line."""
    return f'"{name}"' if name.isidentifier() and name.isascii() else shown(name)


def one_line(text: str, most: int = 120) -> str:
    """Text from outside (SQLite's or a parser's words, which may quote the file) as part of
    a one-line message: printable characters only, cut at `most`."""
    printable = "".join(ch if ch.isprintable() else "?" for ch in text)
    return printable if len(printable) <= most else printable[: most - 3] + "..."


def _plain_text(value: Any) -> Any:
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("give text without NUL characters")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("give text without unpaired surrogates (not UTF-8)") from None
    return value


def _exact_date(value: Any) -> Any:
    if not isinstance(value, str) or value != value.strip():
        raise ValueError("give a date as YYYY-MM-DD")
    return value


def _moment(value: Any) -> dt.datetime:
    """ISO date and time, without a time zone, as the export writes it."""
    try:
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is not None or moment.isoformat() != value:
        raise ValueError("give a date and time as YYYY-MM-DDTHH:MM:SS, without a time zone")
    if not EARLIEST <= moment.date() <= LATEST:
        raise ValueError(f"give a moment from {EARLIEST} to {LATEST}")
    return moment


PlainText = BeforeValidator(_plain_text)
FileDate = Annotated[CalendarDate, BeforeValidator(_exact_date)]
FileMoment = Annotated[dt.datetime, BeforeValidator(_moment), Field(strict=False)]
