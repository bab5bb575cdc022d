"""The engine's state as a versioned JSON snapshot, stored with every planned and logged session.

The engine is a fold with a small state, so the next decision needs one snapshot, not the
history. The snapshot follows the domain's own dataclasses (pydantic reads and writes them), so
a field the engine gains with a default reads from older snapshots as that default. A change
that a default cannot bridge must raise STATE_VERSION and convert old snapshots in a migration;
a snapshot of another version is refused, never guessed at.

A snapshot from a file (an import or a restore) is checked strictly first (`state_problem`): the
types exact, numbers finite, no keys this version does not know, so a corrupt one is refused at
the door rather than breaking a later command.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from retrowalk.domain.errors import StorageError
from retrowalk.domain.progression import EngineState

STATE_VERSION = 1


@cache
def _state() -> TypeAdapter[EngineState]:
    """The state's validator, built when a state is first read or written (building it takes
    longer than Python takes to start, and a command that only lists sessions needs none)."""
    return TypeAdapter(EngineState)


class _FileSnapshot(BaseModel):
    # Built on first use, by an import or a restore only.
    model_config = ConfigDict(strict=True, allow_inf_nan=False, extra="forbid", defer_build=True)

    v: Literal[1]  # STATE_VERSION
    state: EngineState


def encode_state(state: EngineState) -> str:
    snapshot = {"v": STATE_VERSION, "state": _state().dump_python(state, mode="json")}
    return json.dumps(snapshot, separators=(",", ":"), sort_keys=True)


def decode_state(text: str) -> EngineState:
    try:
        snapshot: Any = json.loads(text)
    except ValueError:
        raise StorageError("an engine snapshot is not valid JSON") from None
    version = snapshot.get("v") if isinstance(snapshot, dict) else None
    if version != STATE_VERSION:
        raise StorageError(
            f"an engine snapshot of version {version!r} cannot be read by this version "
            f"(it reads version {STATE_VERSION}); is the database from a newer retrowalk?"
        )
    try:
        return _state().validate_python(snapshot.get("state"))
    except ValidationError as error:
        raise StorageError(f"an engine snapshot does not fit this version: {error}") from None


def state_problem(text: str) -> str | None:
    """Why `text` is no engine snapshot this version reads, in a few words (where in the
    snapshot, and what is wrong; never the snapshot itself); None when it is one."""
    try:
        _FileSnapshot.model_validate_json(text)
    except ValidationError as error:
        item = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in item["loc"])
        problem = item["msg"].split("[")[0].strip()
        said = f"{where}: {problem}" if where else problem
        return "".join(ch if ch.isprintable() else "?" for ch in said)[:160]
    return None
