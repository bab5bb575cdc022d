"""The services' rules on a row of the profile history from a file (store/snapshot_rules.py
runs them): the from → to list and the flags as the history writes them, and a clearance as
`ClearanceIn` reads one (its date, a clinician's name and notes only on a clearance)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, TypeAdapter, ValidationError

from retrowalk.domain.errors import InputError
from retrowalk.domain.screening import FlagLevel
from retrowalk.services.clearance import ClearanceIn
from retrowalk.services.fields import check_field
from retrowalk.services.records import ProfileChangeKind
from retrowalk.services.rescreen import HISTORY_FIELDS
from retrowalk.store.snapshot_rows import PlainText, field_named, typed_dict

Row = dict[str, Any]
# An answer as history keeps it: a yes-or-no, a finite number, a short text (a condition, a
# date, a protocol's name) or nothing.
_Text = Annotated[str, Field(max_length=80), PlainText]
_Value = bool | Annotated[int, Field(ge=-(2**31), le=2**31 - 1)] | float | _Text | None
_CHANGE: Any = typed_dict(
    "FieldChange",
    {"field": Literal[HISTORY_FIELDS], "from": _Value, "to": _Value},
    strict=True,
)
_FLAG: Any = typed_dict(
    "Flag",
    {
        "level": Literal[tuple(FlagLevel)],
        "code": Annotated[str, Field(min_length=1, max_length=64), PlainText],
        "message": Annotated[str, Field(min_length=1, max_length=2000), PlainText],
    },
    strict=True,
)
_CHANGES: TypeAdapter[Any] = TypeAdapter(list[_CHANGE])
_FLAGS: TypeAdapter[Any] = TypeAdapter(list[_FLAG])
_CLEARANCE_COLUMNS = {"cleared_on": "on", "clinician": "clinician", "notes": "notes"}


def check_changes(row: Row, where: str) -> None:
    _json_list(row, where, "changes", _CHANGES, 'a list of {"field", "from", "to"}')


def check_flags(row: Row, where: str) -> None:
    _json_list(row, where, "flags", _FLAGS, 'a list of {"level", "code", "message"}')


def check_clearance(row: Row, where: str) -> None:
    """A clearance has its date (and may name the clinician and notes); nothing else has."""
    clearance = row["kind"] == ProfileChangeKind.CLEARANCE
    for column, name in _CLEARANCE_COLUMNS.items():
        if not clearance and row[column] is not None:
            _refuse(where, row, column, "only a clearance has this; give null")
        if clearance and row[column] is not None:
            try:
                check_field(ClearanceIn, name, row[column])
            except InputError as error:
                _refuse(where, row, column, error.allowed)
    if clearance and row["cleared_on"] is None:
        _refuse(where, row, "cleared_on", "a clearance needs the day it was given")


def _json_list(row: Row, where: str, column: str, kind: TypeAdapter[Any], shape: str) -> None:
    try:
        kind.validate_json(row[column], strict=True)
    except ValidationError:
        _refuse(where, row, column, f"give JSON text: {shape}, as the history writes it")


def _refuse(where: str, row: Row, column: str, allowed: str) -> None:
    raise InputError(f"{where}, field {field_named(column)}", row[column], allowed)
