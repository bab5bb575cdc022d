"""The guard's answers: a JSON problem for the API, the error page for a page, plain text for a
request to a name this server does not answer to (it gets nothing of ours)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import Scope

from retrowalk.domain.errors import InputError
from retrowalk.web.guard.rules import Refusal

TITLES = {
    400: "Not this address",
    403: "Refused: not from retrowalk's own page",
    413: "Too much at once",
}


def refused(scope: Scope, status: int, refusal: Refusal) -> Response:
    from retrowalk.web.errors import API_PREFIX, problems

    problem = InputError(refusal.field, refusal.value, refusal.allowed)
    path: str = scope["path"]
    if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
        return problems([problem], status)
    if status == 400:
        return PlainTextResponse(str(problem), status_code=status)
    from retrowalk.web.pages.render import error_page

    return error_page(Request(scope), status, TITLES[status], [str(problem)])
