"""The base of every use-case command, and reading one from plain data at the boundary."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from retrowalk.services.validation import first_input_error

_Command = TypeVar("_Command", bound=BaseModel)


class Command(BaseModel):
    """Input to a use case: unknown fields refused, nothing coerced, immutable once read."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def read_command(kind: type[_Command], data: dict[str, Any]) -> _Command:
    """A command from plain data (parsed JSON, a form, keyword arguments); dates may be ISO
    strings. Bad input raises InputError naming the field, the value and what is allowed."""
    try:
        return kind.model_validate(data, strict=False)
    except ValidationError as error:
        raise first_input_error(error) from None
