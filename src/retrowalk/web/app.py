"""The application factory: the wiring in, a FastAPI app out (API, pages, local static files).

Every asset is served from `web/static/`: the walker's treadmill may be in a garage with poor
signal, so no page loads anything from another site (the Content-Security-Policy says so too).
The interactive API explorer is left out because it loads from a CDN; the OpenAPI document is at
`/api/openapi.json`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from retrowalk import __version__
from retrowalk.bootstrap import Wiring
from retrowalk.coach.belt import Belt
from retrowalk.store.fingerprint import database_fingerprint
from retrowalk.web import errors
from retrowalk.web.api import api_router
from retrowalk.web.belt import LiveBelt, live_belt
from retrowalk.web.body import add_body_schemas
from retrowalk.web.page_cache import PageCache
from retrowalk.web.pages import pages_router

STATIC = Path(__file__).parent / "static"
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]


def create_app(wiring: Wiring, belt: Belt | LiveBelt | None = None) -> FastAPI:
    """The web app on `wiring`. `belt` is the treadmill the live session drives: by default the
    walker sets the console by hand; any coach `Belt` serves every walk; a `LiveBelt` such as
    `web.treadmills.TreadmillBelts` opens a treadmill for each walk. It is closed (every belt
    stopped) when the app shuts down."""
    driven = live_belt(belt)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            driven.close()

    app = FastAPI(
        title="retrowalk",
        version=__version__,
        summary="Backward treadmill walking for knee health: today's dose, live sessions, history.",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.wiring = wiring
    app.state.belt = driven
    errors.install(app)
    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(GZipMiddleware, minimum_size=800)
    app.add_middleware(SecurityHeaders)
    url = wiring.engine.url.render_as_string(hide_password=False)  # the database really used
    app.add_middleware(
        PageCache, fingerprint=lambda: database_fingerprint(url), today=wiring.clock.today
    )
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        document = get_openapi(
            title=app.title,
            version=app.version,
            summary=app.summary,
            routes=app.routes,
        )
        app.openapi_schema = add_body_schemas(document)
    return app.openapi_schema


class SecurityHeaders:
    """Adds the security headers to every response (plain ASGI: no cost per request beyond it)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)
