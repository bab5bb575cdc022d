"""Checking one answer at a time against a command's own rules, so a face can refuse a wrong
answer as it is typed (and ask again) with the same message the whole command would give."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from retrowalk.services.validation import first_input_error


def check_field(model: type[BaseModel], name: str, value: Any) -> Any:
    """`value` as `model` would read it for field `name`, or an InputError naming the field.
    Rules between fields are checked when the whole command is read."""
    try:
        return _adapter(model, name).validate_python(value, strict=False)
    except ValidationError as error:
        raise first_input_error(error, name) from None


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    annotated: Any = (
        Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
    )
    return TypeAdapter(annotated)
