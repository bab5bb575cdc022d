"""Forms: what was typed, read into a service command with every mistake found at once, and the
mistakes put back beside the fields they belong to."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from pydantic import BaseModel, ValidationError

from retrowalk.domain.errors import ConfirmationNeeded, InputError
from retrowalk.services.validation import input_errors

Model = TypeVar("Model", bound=BaseModel)


@dataclass
class Form:
    """What was typed (as text, to put back in the fields), the errors by field name, and the
    questions to confirm before it is saved (a page offers to send it again confirmed)."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    questions: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.questions

    @property
    def confirmed(self) -> bool:
        """True when sent with the page's "Yes, it is right" button."""
        return self.values.get("confirm") == "1"

    def ask(self, error: ConfirmationNeeded) -> None:
        self.questions.extend(doubt.question for doubt in error.doubts)

    def add(self, error: InputError, field_name: str | None = None) -> None:
        name = field_name or error.field
        value = error.value
        scalar = isinstance(value, str | int | float) and not isinstance(value, bool)
        message = f"{error.allowed} (got {value!r})" if scalar else error.allowed
        self.errors.setdefault(name, message)


async def typed(request: Request) -> Form:
    received = await request.form()
    return Form({key: value for key, value in received.items() if isinstance(value, str)})


# The form, read as a dependency: the handlers that take it stay plain functions, which FastAPI
# runs in its thread pool, so a slow database write never holds up the server's event loop.
TypedForm = Annotated[Form, Depends(typed)]


def given(values: dict[str, str], names: tuple[str, ...], prefix: str = "") -> dict[str, Any]:
    """The fields among `names` that were filled in (blank ones left out, to take defaults)."""
    return {
        name: values[prefix + name].strip()
        for name in names
        if values.get(prefix + name, "").strip()
    }


def ticked(values: dict[str, str], names: tuple[str, ...], prefix: str = "") -> dict[str, bool]:
    """Checkboxes: a box left unticked is not sent at all, so it reads as False."""
    return {name: prefix + name in values for name in names}


def command_from(
    kind: type[Model], data: dict[str, Any], form: Form, rename: dict[str, str] | None = None
) -> Model | None:
    """The command, or None with every mistake added to the form (`rename` maps the service's
    field names to the form's)."""
    try:
        return kind.model_validate(data, strict=False)
    except ValidationError as error:
        for problem in input_errors(error):
            form.add(problem, (rename or {}).get(problem.field, problem.field))
        return None
