"""JSON request bodies read with the services' own models, strictly ("67" is not an age, a date
is an ISO string), and documented in the OpenAPI document under their own names.

FastAPI validates bodies in Python mode, where a strict model refuses every date given as text;
reading the raw JSON with `model_validate_json` keeps the services' strict rules and their
dates. Every error is reported, each naming the field, the value and what is allowed.

A body must say it is JSON (`Content-Type: application/json`, 415 otherwise): a page of another
site can send `text/plain` without asking first, never `application/json`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError

from retrowalk.domain.errors import InputError
from retrowalk.services.validation import input_errors

Model = TypeVar("Model", bound=BaseModel)

DOCUMENTED: list[type[BaseModel]] = []


JSON = "application/json"


class NotJson(InputError):
    """A body sent with another Content-Type than JSON."""


class InputErrors(Exception):
    """Several InputErrors at once (a body with more than one mistake)."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


def json_body(model: type[Model]) -> Callable[[Request], Awaitable[Model]]:
    """A dependency that reads the request's JSON body as `model`."""
    if model not in DOCUMENTED:
        DOCUMENTED.append(model)

    async def read(request: Request) -> Model:
        given = request.headers.get("content-type")
        if given is None or given.split(";", 1)[0].strip().lower() != JSON:
            raise NotJson("Content-Type", given, f"send the body as {JSON}")
        raw = await request.body()
        try:
            return model.model_validate_json(raw or b"null")
        except ValidationError as error:
            raise InputErrors(input_errors(error)) from None

    return read


def body_doc(model: type[BaseModel]) -> dict[str, Any]:
    """The `openapi_extra` that documents `model` as the route's JSON body."""
    schema = {"$ref": f"#/components/schemas/{model.__name__}"}
    content = {"application/json": {"schema": schema}}
    return {"requestBody": {"required": True, "content": content}}


def add_body_schemas(document: dict[str, Any]) -> dict[str, Any]:
    """Put every body model read by `json_body` (and what it refers to) into the components."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for model in DOCUMENTED:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    return document
