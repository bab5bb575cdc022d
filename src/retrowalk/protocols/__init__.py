"""Load and validate the protocol files shipped in this folder (or a clinician's own file).

A population protocol may name `extends = "<other>"`: it starts from that file and overrides
only the tables and keys it gives. Structure and types are checked by pydantic against the
domain's dataclasses (a shipped file is built without it, protocols/building.py, unless it
does not fit); the rules between numbers by the dataclasses' own `problems()`. Each shipped
file is loaded once per process.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from retrowalk.domain.equipment import EquipmentKind
from retrowalk.domain.errors import ProtocolError
from retrowalk.domain.modality import (
    DeadmillRules,
    ManualRules,
    ModalityRules,
    MotorizedRules,
    OutdoorRules,
    SledRules,
)
from retrowalk.domain.population import governing_condition
from retrowalk.domain.protocol import Protocol
from retrowalk.domain.walker import Condition, WalkerProfile
from retrowalk.protocols.building import DoesNotFit, built

_Rules = TypeVar("_Rules")

_PROTOCOL_NAMES = ("default", "post_surgery", "athlete")
_MODALITY_TYPES: dict[EquipmentKind, type[ModalityRules]] = {
    EquipmentKind.MOTORIZED_TREADMILL: MotorizedRules,
    EquipmentKind.DEADMILL: DeadmillRules,
    EquipmentKind.MANUAL_TREADMILL: ManualRules,
    EquipmentKind.SLED: SledRules,
    EquipmentKind.OUTDOOR: OutdoorRules,
}


def protocol_names() -> tuple[str, ...]:
    return _PROTOCOL_NAMES


@cache
def load_protocol(name: str) -> Protocol:
    """A shipped population protocol by name ('default', 'post_surgery', 'athlete')."""
    if name not in _PROTOCOL_NAMES:
        raise ProtocolError(name, "name", f"unknown protocol; known: {', '.join(_PROTOCOL_NAMES)}")
    raw = _resolve(_read_shipped(f"{name}.toml"), f"{name}.toml")
    return _checked(_shipped(Protocol, raw, name), name)


def load_protocol_file(path: Path) -> Protocol:
    """A clinician's own protocol file; it may extend a shipped one."""
    source = str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ProtocolError(source, "(file)", f"cannot be read: {error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise ProtocolError(source, "(file)", f"is not valid TOML: {error}") from error
    return _validate_protocol(_resolve(raw, source), source)


@cache
def load_modality(kind: EquipmentKind) -> ModalityRules:
    source = f"modalities/{kind}.toml"
    return _checked(_shipped(_MODALITY_TYPES[kind], _read_shipped(source), source), source)


def protocol_for(condition: Condition) -> Protocol:
    """The shipped protocol that lists `condition` (post-surgery and athletes have their own)."""
    for name in _PROTOCOL_NAMES:
        protocol = load_protocol(name)
        if condition in protocol.conditions:
            return protocol
    raise ProtocolError("(all)", "conditions", f"no shipped protocol covers {condition}")


def protocol_for_walker(walker: WalkerProfile, on: date) -> Protocol:
    """The shipped protocol for a plan starting `on`: the condition's, or the post-surgery one
    after knee surgery of any kind within the condition protocol's `recent_surgery_days`."""
    rules = protocol_for(walker.condition).screening
    return protocol_for(governing_condition(walker, rules, on))


def _read_shipped(relative: str) -> dict[str, Any]:
    text = resources.files(__name__).joinpath(relative).read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProtocolError(relative, "(file)", f"is not valid TOML: {error}") from error


def _resolve(raw: dict[str, Any], source: str, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    parent = raw.pop("extends", None)
    if parent is None:
        return raw
    if not isinstance(parent, str) or parent not in _PROTOCOL_NAMES:
        known = ", ".join(_PROTOCOL_NAMES)
        raise ProtocolError(source, "extends", f"{parent!r} is not a shipped protocol ({known})")
    if parent in seen:
        raise ProtocolError(source, "extends", f"{parent!r} extends itself through {seen}")
    base = _resolve(_read_shipped(f"{parent}.toml"), f"{parent}.toml", (*seen, parent))
    return _merged(base, raw)


def _merged(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


def _validate_protocol(raw: dict[str, Any], source: str) -> Protocol:
    return _checked(_validated(Protocol, raw, source), source)


def _shipped(kind: type[_Rules], raw: dict[str, Any], source: str) -> _Rules:
    """A shipped file, built directly; through pydantic (for its message) if it does not fit."""
    try:
        return built(kind, raw)
    except DoesNotFit:
        return _validated(kind, raw, source)


def _checked(value: _Rules, source: str) -> _Rules:
    """`value`, once the rules between its numbers hold (`problems()`)."""
    check = getattr(value, "problems", None)
    if check is not None:
        for key, problem in check():
            raise ProtocolError(source, key, problem)
    return value


def _validated(kind: type[_Rules], raw: dict[str, Any], source: str) -> _Rules:
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(kind).validate_python(raw)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "(top level)"
        problem = _plain(first["type"], first["msg"], first.get("input"))
        raise ProtocolError(source, key, problem) from error


def _plain(error_type: str, message: str, given: object) -> str:
    if error_type == "unexpected_keyword_argument":
        return "unknown key"
    if error_type == "missing_argument":
        return "is required but missing"
    return f"{message} (got {given!r})"
