"""Whole-response cache for the walker's read pages (today, history, progress).

Local mode is one walker on one SQLite file, and these pages change only when the database does,
the day turns, or the browser asks differently (query, cookies, encoding, htmx). The key holds
all of those, with the database fingerprint taken BEFORE the page is built, so a write made while
building it changes the key and the next request builds afresh. A PostgreSQL database has no
local fingerprint: nothing is cached there.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHED_PATHS = frozenset({"/", "/history", "/progress"})
# The request headers a page may depend on.
_VARYING = (b"cookie", b"accept-encoding", b"hx-request")
_MOST_KEPT = 32

Fingerprint = Callable[[], Any]


class PageCache:
    def __init__(self, app: ASGIApp, fingerprint: Fingerprint, today: Callable[[], date]) -> None:
        self.app, self._fingerprint, self._today = app, fingerprint, today
        self._kept: OrderedDict[tuple[Any, ...], list[Message]] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        kept = self._kept.get(key)
        if kept is not None:
            self._kept.move_to_end(key)
            for message in kept:
                await send(_copy(message))
            return
        messages: list[Message] = []

        async def keep(message: Message) -> None:
            # A copy: the middleware outside may change the message it is sent (the security
            # headers), and a kept message must replay as the app made it, every time.
            messages.append(_copy(message))
            await send(message)

        await self.app(scope, receive, keep)
        if _cacheable(messages):
            self._kept[key] = messages
            while len(self._kept) > _MOST_KEPT:
                self._kept.popitem(last=False)

    def _key(self, scope: Scope) -> tuple[Any, ...] | None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] not in CACHED_PATHS:
            return None
        if _belt_running(scope):
            return None  # the page carries a STOP banner while a belt runs: built afresh
        fingerprint = self._fingerprint()
        if fingerprint is None:
            return None
        headers = dict(scope["headers"])
        varying = tuple(headers.get(name, b"") for name in _VARYING)
        stamp = repr(fingerprint)
        return (scope["path"], scope["query_string"], varying, stamp, self._today())


def _copy(message: Message) -> Message:
    """A message with its own list of headers (a body message has none to copy)."""
    if "headers" not in message:
        return message
    return {**message, "headers": list(message["headers"])}


def _belt_running(scope: Scope) -> bool:
    app = scope.get("app")
    belt = getattr(getattr(app, "state", None), "belt", None)
    return belt is not None and bool(belt.running())


def _cacheable(messages: list[Message]) -> bool:
    """A complete 200 response that sets no cookie."""
    if not messages or messages[0]["type"] != "http.response.start":
        return False
    start = messages[0]
    headers = {name.lower() for name, _ in start.get("headers", [])}
    finished = messages[-1]["type"] == "http.response.body" and not messages[-1].get("more_body")
    return start["status"] == 200 and b"set-cookie" not in headers and finished
