"""The guard in front of the whole app (plain ASGI), in this order:

1. the Host must be one of the server's own names, on every request (DNS rebinding);
1b. with pairing (`retrowalk serve --lan`), a request not from this computer must carry a paired
   device's credential, or ask only for the pairing page or read a calendar link (`pairing.py`);
2. every request gets this browser's CSRF token (`request.state.csrf_token`), and a browser
   without a valid one is given one in a cookie;
3. a write (any method but GET, HEAD and OPTIONS) must come from the server's own origin, carry
   at most `MAX_BODY_BYTES`, and send the token back (header, or form field).

Reads pass after 1 and 2: GET never changes anything here, so another page gains nothing by
sending one.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request, cookie_parser
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from retrowalk.domain.errors import StorageError
from retrowalk.services.pairing import device_for
from retrowalk.web.guard import tokens
from retrowalk.web.guard.answers import refused
from retrowalk.web.guard.pairing import (
    DEVICE_COOKIE,
    Pairing,
    from_this_computer,
    not_paired,
    open_to_unpaired,
)
from retrowalk.web.guard.rules import READ_METHODS, Refusal, host_refusal, write_refusal
from retrowalk.web.guard.tokens import CsrfTokens

# A request body larger than this is refused before it is read into memory: the largest
# retrowalk takes (a live report with a thousand pauses, a form with long notes) is a few
# kilobytes.
MAX_BODY_BYTES = 1024 * 1024
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
NO_TOKEN = "reload the page and try again (the page's token is missing or out of date)"


@dataclass(frozen=True, slots=True)
class Guard:
    """The server's own names (Host header names, without port), its signing secret, and the
    paired devices (None: only this computer can reach the server, as without `--lan`)."""

    names: frozenset[str]
    secret: str
    pairing: Pairing | None = None


class WriteGuard:
    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.names = guard.names
        self.tokens = CsrfTokens(guard.secret)
        self.pairing = guard.pairing

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        host = headers.get("host")
        refusal = host_refusal(host, self.names)
        if refusal is not None:
            await refused(scope, 400, refusal)(scope, receive, send)
            return
        cookies = cookie_parser(headers.get("cookie", ""))
        if self.pairing is not None and not from_this_computer(scope):
            answer = self._unpaired_answer(scope, cookies.get(DEVICE_COOKIE))
            if answer is not None:
                await answer(scope, receive, send)
                return
        cookie = cookies.get(tokens.COOKIE)
        known = self.tokens.is_ours(cookie)
        token = cookie if known and cookie is not None else self.tokens.new()
        scope.setdefault("state", {})["csrf_token"] = token
        if not known:
            send = _setting_cookie(send, token, scope["scheme"] == "https")
        if scope["method"] in READ_METHODS:
            await self.app(scope, receive, send)
            return
        await self._write(scope, receive, send, headers, token if known else None)

    def _unpaired_answer(self, scope: Scope, credential: str | None) -> Response | None:
        """None when the device is paired (kept in `request.state.device`) or asks only for
        what an unpaired one may see; else the answer that says how to pair."""
        assert self.pairing is not None
        try:
            device = device_for(self.pairing.devices.all(), credential)
        except StorageError as error:  # an unreadable list of devices lets no one in
            return PlainTextResponse(str(error), status_code=503)
        scope.setdefault("state", {})["device"] = device
        if device is None and not open_to_unpaired(scope["path"], scope["method"]):
            return not_paired(scope)
        return None

    async def _write(
        self, scope: Scope, receive: Receive, send: Send, headers: Headers, cookie: str | None
    ) -> None:
        own = f"{scope['scheme']}://{headers['host']}".lower()
        refusal = write_refusal(headers, own)
        if refusal is not None:
            await refused(scope, 403, refusal)(scope, receive, send)
            return
        body = await _read_body(receive, headers)
        if body is None:
            too_big = Refusal("body", headers.get("content-length"), _TOO_BIG)
            await refused(scope, 413, too_big)(scope, receive, send)
            return
        given = headers.get(tokens.HEADER) or await _form_token(scope, headers, body)
        if cookie is None or not self.tokens.matches(cookie, given):
            shown = None if given is None else "(not this browser's)"
            await refused(scope, 403, Refusal(tokens.FIELD, shown, NO_TOKEN))(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)


_TOO_BIG = f"send at most {MAX_BODY_BYTES} bytes at once"


async def _read_body(receive: Receive, headers: Headers) -> bytes | None:
    """The whole body, or None once it passes the limit (said or found)."""
    declared = headers.get("content-length", "0")
    if not declared.isdigit() or int(declared) > MAX_BODY_BYTES:
        return None
    chunks, size, more = [], 0, True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break  # the client left; the app will see the disconnect
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
        more = message.get("more_body", False)
    return b"".join(chunks)


async def _form_token(scope: Scope, headers: Headers, body: bytes) -> str | None:
    """The token in a form's fields (a page's form without script sends it there)."""
    media = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media not in FORM_TYPES:
        return None
    request = Request(scope, _replay(body, _nothing_more))
    try:
        async with request.form() as form:
            value = form.get(tokens.FIELD)
    except (HTTPException, MultiPartException, ValueError):
        return None  # a form that cannot be read carries no token
    return value if isinstance(value, str) else None


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _nothing_more() -> Message:
    return {"type": "http.disconnect"}


def _setting_cookie(send: Send, token: str, secure: bool) -> Send:
    async def with_cookie(message: Message) -> None:
        if message["type"] == "http.response.start":
            MutableHeaders(scope=message).append("set-cookie", tokens.cookie_header(token, secure))
        await send(message)

    return with_cookie
