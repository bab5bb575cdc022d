"""JSON request bodies read with the services' own models, strictly ("67" is not an age, a date
is an ISO string), and documented in the OpenAPI document under their own names.

FastAPI validates bodies in Python mode, where a strict model refuses every date given as text;
reading the raw JSON with `model_validate_json` keeps the services' strict rules and their
dates. Every error is reported, each naming the field, the value and what is allowed.

A body must say it is JSON (`Content-Type: application/json`, 415 otherwise): a page of another
site can send `text/plain` without asking first, never `application/json`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
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


class JsonBody(Generic[Model]):
    """A dependency that reads the request's JSON body as `model`; the OpenAPI document
    describes it on every `JsonBodyRoute` that depends on one."""

    def __init__(self, model: type[Model]) -> None:
        self.model = model
        if model not in DOCUMENTED:
            DOCUMENTED.append(model)

    async def __call__(self, request: Request) -> Model:
        given = request.headers.get("content-type")
        if given is None or given.split(";", 1)[0].strip().lower() != JSON:
            raise NotJson("Content-Type", given, f"send the body as {JSON}")
        raw = await request.body()
        try:
            return self.model.model_validate_json(raw or b"null")
        except ValidationError as error:
            raise InputErrors(input_errors(error)) from None


class JsonBodyRoute(APIRoute):
    """A route whose OpenAPI operation documents the JSON body its `JsonBody` dependency reads,
    so the model is named once, where the body is read."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
        super().__init__(path, endpoint, **options)
        for model in _body_models(self.dependant):
            schema = {"$ref": f"#/components/schemas/{model.__name__}"}
            body = {"required": True, "content": {JSON: {"schema": schema}}}
            self.openapi_extra = {**(self.openapi_extra or {}), "requestBody": body}


def _body_models(dependant: Dependant) -> Iterator[type[BaseModel]]:
    for dependency in dependant.dependencies:
        if isinstance(dependency.call, JsonBody):
            yield dependency.call.model
        yield from _body_models(dependency)


def add_body_schemas(document: dict[str, Any]) -> dict[str, Any]:
    """Put every body model read by a `JsonBody` (and what it refers to) into the components."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for model in DOCUMENTED:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    return document
