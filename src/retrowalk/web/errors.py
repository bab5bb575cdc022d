"""What the web face answers when something goes wrong, for the API (JSON problems naming the
field, the value and what is allowed) and for the pages (a page that says what to do next).

    InputError          422  (NotFoundError, a subclass: 404)
    ConfirmationNeeded  422  one problem per value asked about, saying to send `"confirm": true`
    InputErrors         422  several at once, from a request body
    NotJson             415  a body not sent as application/json
    SafetyLimitError    409
    ConflictError       409  the state the request names has moved on (the session is logged)
    StorageError        503  the database is not available or is at another schema (Retry-After
                             when it was only busy)
    DeviceError         503  the treadmill connected on the server side cannot be used
    IntegrityError      422  the database refused a value its constraints do not allow
    NeedsOnboarding     303  to /onboarding, or a clinician's or admin's start page (pages only)
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.routing import iter_route_contexts
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException
from starlette.routing import compile_path

from retrowalk.domain.errors import (
    ConfirmationNeeded,
    ConflictError,
    DeviceError,
    InputError,
    NotFoundError,
    SafetyLimitError,
    StorageError,
)
from retrowalk.web.body import InputErrors, NotJson
from retrowalk.web.schemas.common import ProblemPublic, ProblemsPublic

API_PREFIX = "/api"


class NeedsOnboarding(Exception):
    """A page for a walker was asked for before anyone onboarded, or by a clinician or admin,
    who has no walker pages: `start` is where to go instead."""

    def __init__(self, start: str = "/onboarding") -> None:
        super().__init__(start)
        self.start = start


def install(app: FastAPI) -> None:
    app.add_exception_handler(NotFoundError, _as_itself(404, "Not found"))
    app.add_exception_handler(NotJson, _as_itself(415, "Not JSON"))
    app.add_exception_handler(InputErrors, _input_errors)
    app.add_exception_handler(InputError, _as_itself(422, "That did not look right"))
    app.add_exception_handler(ConfirmationNeeded, _confirmation_needed)
    app.add_exception_handler(SafetyLimitError, _as_problem("safety", 409, "Stopped for safety"))
    app.add_exception_handler(ConflictError, _conflict)
    app.add_exception_handler(StorageError, _storage)
    app.add_exception_handler(
        DeviceError, _as_problem("treadmill", 503, "The treadmill cannot be used")
    )
    app.add_exception_handler(IntegrityError, _refused_by_database)
    app.add_exception_handler(RequestValidationError, _request_invalid)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(NeedsOnboarding, _onboard_first)


def problems(errors: list[InputError], status: int) -> JSONResponse:
    body = ProblemsPublic(detail=[ProblemPublic.of(error) for error in errors])
    return JSONResponse(body.model_dump(mode="json"), status_code=status)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX + "/") or request.url.path == API_PREFIX


def _answer(request: Request, errors: list[InputError], status: int, title: str) -> Response:
    if _is_api(request):
        return problems(errors, status)
    from retrowalk.web.pages.render import error_page

    return error_page(request, status, title, [str(error) for error in errors])


Handler = Callable[[Request, Exception], Awaitable[Response]]


def _as_itself(status: int, title: str) -> Handler:
    """A handler for an InputError (or subclass): the error itself is the one problem."""

    async def answer(request: Request, error: Exception) -> Response:
        assert isinstance(error, InputError)
        return _answer(request, [error], status, title)

    return answer


def _as_problem(field: str, status: int, title: str) -> Handler:
    """A handler for an error that names no field: one problem about `field`, in its words."""

    async def answer(request: Request, error: Exception) -> Response:
        return _answer(request, [InputError(field, None, str(error))], status, title)

    return answer


async def _input_errors(request: Request, error: Exception) -> Response:
    assert isinstance(error, InputErrors)
    return _answer(request, error.errors, 422, "That did not look right")


CONFIRM_HOW = 'If it is, send the same request again with "confirm": true.'


async def _confirmation_needed(request: Request, error: Exception) -> Response:
    """Nothing was written: each value asked about is a problem naming its field, the question,
    and how to confirm (the pages that log ask it with a button instead)."""
    assert isinstance(error, ConfirmationNeeded)
    asked = [InputError(d.field, d.value, f"{d.question} {CONFIRM_HOW}") for d in error.doubts]
    return _answer(request, asked, 422, "Please confirm")


async def _conflict(request: Request, error: Exception) -> Response:
    assert isinstance(error, ConflictError)
    problem = InputError(error.field, error.value, error.current)
    return _answer(request, [problem], 409, "Already done")


async def _storage(request: Request, error: Exception) -> Response:
    """Nothing was saved: the problem names the database and says what to do (free space, try
    again); a page says it in those words alone."""
    assert isinstance(error, StorageError)
    if _is_api(request):
        answer: Response = problems([InputError("database", None, str(error))], 503)
    else:
        from retrowalk.web.pages.render import error_page

        answer = error_page(request, 503, "The database is not available", [str(error)])
    if error.retry_after_seconds is not None:
        answer.headers["Retry-After"] = str(error.retry_after_seconds)
    return answer


async def _refused_by_database(request: Request, error: Exception) -> Response:
    """A value the services let through but a table's constraint refuses: nothing was written
    (the unit of work rolled back), and the answer names the constraint."""
    assert isinstance(error, IntegrityError)
    found = re.search(r"\b(ck|uq|fk)_[a-z_]+", str(error.orig))
    rule = found.group(0) if found else "a constraint"
    problem = InputError(
        "(request)", None, f"the database refused a value ({rule}); nothing was saved"
    )
    return _answer(request, [problem], 422, "That could not be saved")


async def _request_invalid(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    found = [_from_pydantic(item) for item in error.errors()]
    return _answer(request, found, 422, "That did not look right")


def _from_pydantic(item: dict[str, Any]) -> InputError:
    where = [str(part) for part in item.get("loc", ())]
    field = ".".join(where[1:]) or ".".join(where) or "(request)"
    allowed = str(item.get("msg", "not allowed")).removeprefix("Value error, ")
    if allowed.startswith("Input should be"):
        allowed = "it should be" + allowed.removeprefix("Input should be")
    return InputError(field, item.get("input"), allowed)


async def _http(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    path = request.url.path
    if error.status_code == 404:
        problem = InputError("path", path, "no such page; start from the today page, /")
    elif error.status_code == 405:
        takes = ", ".join(_methods_for(request))
        problem = InputError("method", request.method, f"this address takes {takes}")
    else:
        problem = InputError("request", path, str(error.detail))
    title = "Page not found" if error.status_code == 404 else "Not possible here"
    response = _answer(request, [problem], error.status_code, title)
    if error.headers:
        response.headers.update(error.headers)
    if error.status_code == 405:
        response.headers["Allow"] = ", ".join(_methods_for(request))
    return response


def _methods_for(request: Request) -> list[str]:
    """Every method some route takes at this path (Starlette's 405 names only the first route's
    methods, and GET and POST at one address are often two routes)."""
    table: list[tuple[re.Pattern[str], frozenset[str]]] | None = getattr(
        request.app.state, "route_methods", None
    )
    if table is None:
        table = [
            (compile_path(route.path)[0], frozenset(route.methods or ()))
            for route in iter_route_contexts(request.app.routes)
            if route.path is not None
        ]
        request.app.state.route_methods = table
    found = set().union(*(methods for pattern, methods in table if pattern.match(request.url.path)))
    if "GET" in found:
        found.add("HEAD")
    return sorted(found)


async def _onboard_first(request: Request, error: Exception) -> Response:
    start = error.start if isinstance(error, NeedsOnboarding) else "/onboarding"
    return RedirectResponse(start, status_code=303)
