"""Every error retrowalk raises on purpose.

    RetrowalkError
    ├── InputError          a value a person gave is not allowed (field, value, allowed)
    │   ├── NotFoundError   the id given names nothing the asker may see
    │   └── ConfirmationNeeded  allowed, but far from the prescription (or a second log that day):
    │                       asked about first, kept as given once confirmed
    ├── ProtocolError       a protocol file is malformed (key, problem)
    ├── SafetyLimitError    a dose or command would pass an equipment or protocol limit
    ├── ConflictError       the request was made against a state that has moved on (logged already)
    ├── DeviceError         a treadmill or sensor misbehaved or sent bytes we cannot read
    └── StorageError        the database refused or is at an unknown schema

Faces map them: InputError and ProtocolError to exit status 2 and HTTP 422 (NotFoundError:
404; ConfirmationNeeded: 422, or the question asked, then sent again with `confirm`),
SafetyLimitError to exit status 3 and HTTP 409, ConflictError to exit status 2 and HTTP
409, the rest to a plain message. None of them is a programming error: those stay
ordinary exceptions and are allowed to crash loudly.
"""

from __future__ import annotations

from dataclasses import dataclass

# A message quotes what was given, but never megabytes of it (a 1 MiB note stays in the request).
SHOWN_CHARACTERS = 80


def shown(value: object) -> str:
    """`value` as a message quotes it: its repr, cut short when long, saying how long it was."""
    if isinstance(value, int) and value.bit_length() > 4 * SHOWN_CHARACTERS:
        return f"a whole number of {value.bit_length()} bits"  # repr() may refuse to print it
    text = repr(value)
    if len(text) <= SHOWN_CHARACTERS:
        return text
    size = f"{len(value)} characters" if isinstance(value, str) else f"{len(text)} characters"
    return f"{text[: SHOWN_CHARACTERS - 20]}... ({size})"


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
        given = "missing" if value is None else f"got {shown(value)}"
        super().__init__(f"{field}: {given}; {allowed}")


class NotFoundError(InputError):
    """The id given names nothing: no such thing, or not the asker's (the same answer for both,
    so an id says nothing about other people's records)."""


@dataclass(frozen=True, slots=True)
class Doubt:
    """One value to confirm before it counts: the field, the value given, and the question."""

    field: str
    value: object
    question: str


class ConfirmationNeeded(InputError):
    """Values that are allowed but far from what was prescribed, or a second log for one day:
    nothing was written. Sent again confirmed, they are kept as given. `doubts` has one
    question per value (the first also fills `field`, `value` and `allowed`)."""

    def __init__(self, doubts: tuple[Doubt, ...]) -> None:
        assert doubts, "a confirmation needs at least one question"
        self.doubts = doubts
        first = doubts[0]
        super().__init__(first.field, first.value, " ".join(d.question for d in doubts))


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
        super().__init__(f"{field}: {shown(value)} is not current; {current}")


class DeviceError(RetrowalkError):
    """A treadmill or sensor misbehaved, or sent bytes that cannot be read."""


class StorageError(RetrowalkError):
    """The database refused an operation or is at a schema this version does not know.
    `retry_after_seconds` is set when the same request may well succeed after that wait (the
    database was busy), and left None when waiting will not help."""

    def __init__(self, message: str, retry_after_seconds: int | None = None) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds
