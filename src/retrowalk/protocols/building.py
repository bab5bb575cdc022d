"""The shipped protocol files built into the domain's dataclasses without pydantic.

Pydantic's validator for the protocol (a schema of some thirty dataclasses) takes longer to build
than Python takes to start, and every command that plans pays for it; the shipped files are
checked by the tests (tests/domain/test_protocol_building.py builds each one both ways and
compares). This builder is strict: anything it does not expect (an unknown or missing key, a
value of another type) makes it give up, and the loader then asks pydantic, whose message names
the key. A clinician's own file always goes through pydantic.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from enum import Enum
from typing import Any, Literal, TypeVar

_Built = TypeVar("_Built")


class DoesNotFit(Exception):
    """The raw data is not exactly what the dataclass expects (pydantic will say why)."""


def built(kind: type[_Built], raw: dict[str, Any]) -> _Built:
    """`raw` as a `kind`; DoesNotFit when any key or value does not fit."""
    value = _dataclass(kind, raw)
    assert isinstance(value, kind)
    return value


def _dataclass(kind: type[Any], raw: object) -> Any:
    if not isinstance(raw, dict):
        raise DoesNotFit(kind.__name__)
    hints = _hints(kind)
    if not set(raw) <= set(hints):
        raise DoesNotFit(f"{kind.__name__}: unknown keys {set(raw) - set(hints)}")
    values = {name: _value(hints[name], item) for name, item in raw.items()}
    try:
        return kind(**values)
    except TypeError as error:  # a required key missing
        raise DoesNotFit(str(error)) from None


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(kind: type[Any]) -> dict[str, Any]:
    """The fields' types, resolved once per class (the annotations are strings)."""
    if kind not in _HINTS:
        names = {field.name for field in dataclasses.fields(kind)}
        hints = typing.get_type_hints(kind)
        _HINTS[kind] = {name: hint for name, hint in hints.items() if name in names}
    return _HINTS[kind]


def _value(hint: Any, raw: object) -> Any:
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _dataclass(hint, raw)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _enum(hint, raw)
    if origin is Literal:
        if raw not in arguments:
            raise DoesNotFit(f"{raw!r} not one of {arguments}")
        return raw
    if origin in (types.UnionType, typing.Union):
        return _optional(arguments, raw)
    if origin is tuple and isinstance(raw, list):
        return tuple(_value(arguments[0], item) for item in raw)
    if origin is dict and isinstance(raw, dict):
        key, item = arguments
        return {_value(key, name): _value(item, value) for name, value in raw.items()}
    return _scalar(hint, raw)


def _enum(kind: type[Enum], raw: object) -> Enum:
    try:
        return kind(raw)
    except ValueError:
        raise DoesNotFit(f"{raw!r} is not a {kind.__name__}") from None


def _optional(arguments: tuple[Any, ...], raw: object) -> Any:
    if raw is None and type(None) in arguments:
        return None
    kinds = [argument for argument in arguments if argument is not type(None)]
    if len(kinds) != 1:
        raise DoesNotFit(f"a union of {arguments}")
    return _value(kinds[0], raw)


def _scalar(hint: Any, raw: object) -> Any:
    # TOML gives int, float, str, bool; a whole number may stand for a float (5 for 5.0).
    if hint is float and type(raw) in (int, float):
        return float(raw)  # type: ignore[arg-type]
    if hint in (int, str, bool) and type(raw) is hint:
        return raw
    raise DoesNotFit(f"{raw!r} for {hint}")
