"""Turn pydantic's validation errors into InputErrors that name the field, the value and what
is allowed, in words a walker can act on."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from retrowalk.domain.equipment import EquipmentKind
from retrowalk.domain.errors import InputError

_MISSING = object()
# Tagged unions put the tag in an error's location; a person never wrote it as a field.
_BRANCH_TAGS = frozenset(kind.value for kind in EquipmentKind)


class _Described:
    """A value a message names by its kind rather than by its content ("got null")."""

    def __init__(self, value: object, words: str) -> None:
        self.value = value
        self.words = words

    def __repr__(self) -> str:
        return self.words


_JSON_KINDS: dict[type, str] = {dict: "a JSON object", list: "a JSON array", tuple: "a JSON array"}


def as_given(value: object) -> object:
    """`value` as an InputError should quote it: as itself when it is one plain value, as
    "null" or "a JSON array" (never its content) when it is null or a structure."""
    if value is None:
        return _Described(value, "null")
    if isinstance(value, str | bytes | int | float):
        return value
    return _Described(value, _JSON_KINDS.get(type(value), f"a {type(value).__name__}"))


def input_errors(error: ValidationError, prefix: str = "") -> list[InputError]:
    return [_one(item, prefix) for item in error.errors(include_url=False)]


def first_input_error(error: ValidationError, prefix: str = "") -> InputError:
    return input_errors(error, prefix)[0]


def _one(item: Any, prefix: str) -> InputError:
    field = _field_name(item["loc"], prefix)
    kind, message = item["type"], item["msg"]
    if kind == "missing":
        return InputError(field, None, "it is required")
    if kind == "extra_forbidden":
        return InputError(field, item["input"], "this field is unknown here")
    if kind == "union_tag_invalid":
        context = item["ctx"]
        name = f"{field}.{context['discriminator'].strip(chr(39))}"
        return InputError(name, context["tag"], f"it should be one of {context['expected_tags']}")
    if kind == "json_invalid":
        detail = item.get("ctx", {}).get("error", "not valid JSON")
        return InputError(field or "(file)", "(the text)", f"it is not valid JSON: {detail}")
    allowed = message.removeprefix("Value error, ")
    if allowed.startswith("Input should be"):
        allowed = "it should be" + allowed.removeprefix("Input should be")
    return InputError(field or "(top level)", item.get("input", _MISSING), allowed)


def _field_name(loc: tuple[int | str, ...], prefix: str) -> str:
    parts: list[str] = [prefix] if prefix else []
    for part in loc:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1]}[{part}]" if parts else f"[{part}]"]
        elif "[" in part or part.startswith("function-") or part in _BRANCH_TAGS:
            continue  # a union branch's internal tag, not a field a person wrote
        else:
            parts.append(part)
    return ".".join(parts)
