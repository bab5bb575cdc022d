"""retrowalk's own page in a browser, as a test client: it asks by the server's own name and
sends every write as retrowalk's pages do, from the server's origin with this browser's CSRF
token (web/guard/). Tests of the guard itself send their own headers on a plain client."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from fastapi.testclient import TestClient

OWN_ORIGIN = "http://127.0.0.1:8000"
CSRF_COOKIE = "retrowalk_csrf"
READS = frozenset({"GET", "HEAD", "OPTIONS"})


class OwnPage(TestClient):
    """`origin`: where the page was opened (this computer's address by default; a phone on the
    home network opens the LAN address, and its requests come from another `client`)."""

    def __init__(self, app: Any, origin: str = OWN_ORIGIN, **options: Any) -> None:
        super().__init__(app, base_url=origin, **options)
        self.origin = origin

    def request(self, method: str, url: Any, **options: Any) -> Any:
        if method.upper() not in READS:
            options["headers"] = {**self.write_headers(), **(options.get("headers") or {})}
        return super().request(method, url, **options)

    def write_headers(self) -> dict[str, str]:
        """What a browser sends with a write from one of retrowalk's pages."""
        return {"origin": self.origin, "x-csrf-token": self.csrf_token()}

    def csrf_token(self) -> str:
        """This browser's token, given with the first answer it gets."""
        token = self.cookies.get(CSRF_COOKIE)
        if token is None:
            super().request("GET", "/static/app.css")
            token = self.cookies.get(CSRF_COOKIE)
        assert token is not None, "the app gave no CSRF cookie"
        return token


@contextmanager
def script(base_url: str) -> Iterator[httpx.Client]:
    """A script on this computer using the API as docs/web.md shows: any answer gives the CSRF
    cookie, and every write sends it back in `X-CSRF-Token` (no Origin: it is not a browser)."""
    with httpx.Client(base_url=base_url, timeout=10) as client:
        client.get("/static/app.css")
        client.headers["x-csrf-token"] = client.cookies[CSRF_COOKIE]
        yield client
