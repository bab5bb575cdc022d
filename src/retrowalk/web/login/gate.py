"""The login gate (clinic mode only; plain ASGI, inside the write guard so the Host, origin and
CSRF checks come first). It reads the session cookie and, for a live session, keeps the account
and session in `request.state` (`account`, `login_session`). Without one, only these may be
asked: the login, sign-up and reset pages, the static files (and the app's manifest and service
worker, which hold no data), and a calendar link (its own token guards it). Anything else is
answered, for a page, 303 to /login?next=<the path asked>, and for the API, 401 in JSON.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.datastructures import Headers
from starlette.requests import cookie_parser
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from retrowalk.bootstrap import Wiring
from retrowalk.domain.errors import InputError, StorageError
from retrowalk.services.login_sessions import logged_in
from retrowalk.web.guard.pairing import open_to_unpaired
from retrowalk.web.login.cookie import COOKIE

LOGIN_PATH = "/login"
OPEN_PATHS = frozenset({LOGIN_PATH, "/signup", "/reset", "/manifest.webmanifest", "/sw.js"})
LOG_IN_FIRST = f"a login session: log in at {LOGIN_PATH} (the session cookie is missing or ended)"


class LoginGate:
    def __init__(self, app: ASGIApp, wiring: Wiring) -> None:
        self.app, self.wiring = app, wiring

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token = cookie_parser(Headers(scope=scope).get("cookie", "")).get(COOKIE)
        try:
            found = None if token is None else logged_in(token, self.wiring.uow, self.wiring.clock)
        except StorageError as error:  # a database out of reach lets no one in
            await Response(str(error), status_code=503)(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        state["account"] = None if found is None else found.account
        state["login_session"] = None if found is None else found.session
        if found is None and not is_open(scope["path"], scope["method"]):
            await _log_in_first(scope)(scope, receive, send)
            return
        await self.app(scope, receive, send)


def is_open(path: str, method: str) -> bool:
    return path in OPEN_PATHS or (open_to_unpaired(path, method) and path != "/pair")


def _log_in_first(scope: Scope) -> Response:
    from retrowalk.web.errors import API_PREFIX, problems

    path: str = scope["path"]
    if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
        return problems([InputError("session", None, LOG_IN_FIRST)], 401)
    query = scope.get("query_string", b"").decode("latin-1")
    asked = path + ("?" + query if query and scope["method"] == "GET" else "")
    return RedirectResponse(f"{LOGIN_PATH}?next={quote(asked, safe='/')}", status_code=303)
