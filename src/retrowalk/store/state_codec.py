"""The engine's state as a versioned JSON snapshot, stored with every planned and logged session.

The engine is a fold with a small state, so the next decision needs one snapshot, not the
history. The snapshot follows the domain's own dataclasses (pydantic reads and writes them), so
a field the engine gains with a default reads from older snapshots as that default. A change
that a default cannot bridge must raise STATE_VERSION and convert old snapshots in a migration;
a snapshot of another version is refused, never guessed at.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter, ValidationError

from retrowalk.domain.errors import StorageError
from retrowalk.domain.progression import EngineState

STATE_VERSION = 1
_STATE = TypeAdapter(EngineState)


def encode_state(state: EngineState) -> str:
    snapshot = {"v": STATE_VERSION, "state": _STATE.dump_python(state, mode="json")}
    return json.dumps(snapshot, separators=(",", ":"), sort_keys=True)


def decode_state(text: str) -> EngineState:
    snapshot: dict[str, Any] = json.loads(text)
    version = snapshot.get("v")
    if version != STATE_VERSION:
        raise StorageError(
            f"an engine snapshot of version {version!r} cannot be read by this version "
            f"(it reads version {STATE_VERSION}); is the database from a newer retrowalk?"
        )
    try:
        return _STATE.validate_python(snapshot["state"])
    except ValidationError as error:
        raise StorageError(f"an engine snapshot does not fit this version: {error}") from None
