"""The application factory: the wiring in, a FastAPI app out (API, pages, local static files).

Every asset is served from `web/static/`: the walker's treadmill may be in a garage with poor
signal, so no page loads anything from another site (the Content-Security-Policy says so too).
The guard (`web/guard/`) stands in front of everything: only the server's own names, and for
every write only its own pages, with their CSRF token.
The interactive API explorer is left out because it loads from a CDN; the OpenAPI document is at
`/api/openapi.json`.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware

from retrowalk import __version__
from retrowalk.bootstrap import Wiring
from retrowalk.coach.belt import Belt
from retrowalk.file_stamps import database_fingerprint
from retrowalk.web import errors
from retrowalk.web.access_log import hide_calendar_tokens
from retrowalk.web.api import api_router
from retrowalk.web.belt import LiveBelt, live_belt
from retrowalk.web.body import add_body_schemas
from retrowalk.web.guard import LOOPBACK_NAMES, Guard, SecurityHeaders, WriteGuard
from retrowalk.web.login.gate import LoginGate
from retrowalk.web.page_cache import PageCache
from retrowalk.web.pages import clinic_router, pages_router

STATIC = Path(__file__).parent / "static"


def create_app(
    wiring: Wiring,
    belt: Belt | LiveBelt | None = None,
    guard: Guard | None = None,
    clinic: bool | None = None,
) -> FastAPI:
    """The web app on `wiring`. `belt` is the treadmill the live session drives: by default the
    walker sets the console by hand; any coach `Belt` serves every walk; a `LiveBelt` such as
    `web.treadmills.TreadmillBelts` opens a treadmill for each walk. It is closed (every belt
    stopped) when the app shuts down. `guard`: the server's own names, signing secret and paired
    devices; by default this computer's loopback names, a secret for this app's life and no
    pairing. `clinic`: accounts and login (by default as the settings say): every route but the
    login, sign-up and reset pages, the static files and calendar links needs a login session
    (web/login/gate.py)."""
    clinic = wiring.settings.clinic if clinic is None else clinic
    driven = live_belt(belt)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        hide_calendar_tokens()  # after the server has set its logging up
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
    guard = guard or Guard(LOOPBACK_NAMES, secrets.token_urlsafe())
    app.state.wiring = wiring
    app.state.belt = driven
    app.state.pairing = guard.pairing  # the paired devices, and the pairing desk with --lan
    app.state.clinic = clinic
    errors.install(app)
    app.include_router(api_router)
    app.include_router(pages_router)
    if clinic:
        app.include_router(clinic_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # Outermost last: the headers on every answer, then the guard, then the page cache.
    app.add_middleware(GZipMiddleware, minimum_size=800)
    url = wiring.database.url  # the database really used
    app.add_middleware(
        PageCache, fingerprint=lambda: database_fingerprint(url), today=wiring.clock.today
    )
    if clinic:  # inside the guard (Host, origin, CSRF first), outside the page cache
        app.add_middleware(LoginGate, wiring=wiring)
    app.add_middleware(WriteGuard, guard=guard)
    app.add_middleware(SecurityHeaders)
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
