"""Every error retrowalk raises on purpose.

    RetrowalkError
    ├── InputError          a value a person gave is not allowed (field, value, allowed)
    ├── ProtocolError       a protocol file is malformed (key, problem)
    ├── SafetyLimitError    a dose or command would pass an equipment or protocol limit
    ├── ConflictError       the request was made against a state that has moved on (logged already)
    ├── DeviceError         a treadmill or sensor misbehaved or sent bytes we cannot read
    └── StorageError        the database refused or is at an unknown schema

Faces map them: InputError and ProtocolError to exit status 2 and HTTP 422, SafetyLimitError to
exit status 3 and HTTP 409, ConflictError to exit status 2 and HTTP 409, the rest to a plain
message. None of them is a programming error: those stay
ordinary exceptions and are allowed to crash loudly.
"""

from __future__ import annotations


class RetrowalkError(Exception):
    """Base of every error raised on purpose."""


class InputError(RetrowalkError):
    """A value given by a person is not allowed."""

    def __init__(self, field: str, value: object, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        if isinstance(value, dict | list):  # a whole table: `allowed` names the parts at fault
            super().__init__(f"{field}: {allowed}")
            return
        given = "missing" if value is None else f"got {value!r}"
        super().__init__(f"{field}: {given}; {allowed}")


class ProtocolError(RetrowalkError):
    """A protocol file is malformed; `key` is the dotted path of the offending entry."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        self.source = source
        self.key = key
        self.problem = problem
        super().__init__(f"protocol {source}: {key}: {problem}")


class SafetyLimitError(RetrowalkError):
    """A dose or a device command would pass an equipment or protocol limit."""


class ConflictError(RetrowalkError):
    """The request names a state that has moved on: the session it logs is logged already, or
    another write got there first. Nothing was changed; asking again after a reload is safe."""

    def __init__(self, field: str, value: object, current: str) -> None:
        self.field = field
        self.value = value
        self.current = current
        super().__init__(f"{field}: {value!r} is not current; {current}")


class DeviceError(RetrowalkError):
    """A treadmill or sensor misbehaved, or sent bytes that cannot be read."""


class StorageError(RetrowalkError):
    """The database refused an operation or is at a schema this version does not know."""
