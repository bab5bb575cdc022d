"""What only the web's answers carry: the id ceiling and a problem with a request. The shapes of
what the engine decides are shared with the CLI (services/public.py) and re-exported here."""

from __future__ import annotations

import math

from retrowalk.domain.errors import SHOWN_CHARACTERS, InputError, shown
from retrowalk.services.public import (
    DecisionPublic,
    DosePublic,
    FlagPublic,
    PlannedPublic,
    Public,
    SpeedPublic,
)

__all__ = [
    "MAX_ID",
    "DecisionPublic",
    "DosePublic",
    "FlagPublic",
    "PlannedPublic",
    "ProblemPublic",
    "ProblemsPublic",
    "Public",
    "SpeedPublic",
]

# Ids travel in 32 bits on every database we support; larger ones cannot name anything.
MAX_ID = 2**31 - 1


class ProblemPublic(Public):
    """One thing wrong with a request: the field, the value given and what is allowed."""

    field: str
    value: str | int | float | bool | None
    allowed: str
    message: str

    @classmethod
    def of(cls, error: InputError) -> ProblemPublic:
        return cls(
            field=error.field, value=_plain(error.value), allowed=error.allowed, message=str(error)
        )


def _plain(value: object) -> str | int | float | bool | None:
    """The value as JSON can carry it: text for anything else (NaN and infinity included), and
    long text cut short (an answer never echoes a large request back)."""
    if isinstance(value, str) and len(value) > SHOWN_CHARACTERS:
        return shown(value)
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, int) and abs(value) < 2**63:
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    return shown(value)


class ProblemsPublic(Public):
    detail: list[ProblemPublic]
