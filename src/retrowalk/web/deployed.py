"""The web app as a clinic deploys it (docs/deploy.md): several app processes behind a reverse
proxy, each built from the settings alone by uvicorn, as a factory:

    uvicorn --factory retrowalk.web.deployed:app --host 127.0.0.1 --port 8001 --proxy-headers

Consecutive requests of one browser may land on different processes, so nothing a request needs
may live in one process only:
- the CSRF signing key is the settings' `secret_key`, shared by every process (no default: a
  random key per process would refuse every write that lands on another process);
- the names the proxy forwards in Host are the settings' `server_names` (no default either);
- the database is the one state (PostgreSQL; the page cache keys on a SQLite file's stamps and
  so caches nothing there);
- the live belt is the hand-set one: the treadmill is at the walker's side, they set it, and the
  server keeps nothing of a walk between requests (docs/deploy.md, "The live walk").

A deployment is a clinic: clinic mode (accounts and login, docs/web.md) is always on here,
whatever the `clinic` setting says. Without it the app is the local single-walker app, and
anyone who reaches the server would be that walker; no deployment should be one mistyped
setting away from that, so there is no switch to forget.

`serve --device` (a treadmill opened by the server) keeps a walk in one process, so it has no
place here. The schema: `retrowalk db upgrade` once before starting; processes that still find
an empty database create it one after the other (an advisory lock, store/migrate.py).
"""

from __future__ import annotations

import sys

from fastapi import FastAPI

from retrowalk.bootstrap import bootstrap
from retrowalk.domain.errors import InputError, RetrowalkError
from retrowalk.settings import Settings, get_settings
from retrowalk.web.app import create_app
from retrowalk.web.guard import Guard

KEY_HINT = (
    "one key shared by every app process: set RETROWALK_SECRET_KEY, or RETROWALK_SECRET_KEY_FILE "
    "naming a file only its owner may read (docs/deploy.md)"
)
NAMES_HINT = (
    "the names browsers use to reach this server, as the proxy forwards them in Host: set "
    "RETROWALK_SERVER_NAMES, e.g. clinic.example.org (docs/deploy.md)"
)


def app() -> FastAPI:
    """The app of one process, or a message and exit status 2 (no traceback) when a setting is
    missing or wrong, or the database cannot be used."""
    try:
        return deployed_app(get_settings())
    except RetrowalkError as error:
        sys.stderr.write(f"retrowalk: {error}\n")
        raise SystemExit(2) from None


def deployed_app(settings: Settings) -> FastAPI:
    guard = deployed_guard(settings)
    wiring = bootstrap(settings)  # refuses an older schema; an empty one is created (locked)
    # Clinic mode, in every process alike (the module's docstring says why it is not a setting).
    return create_app(wiring, belt=None, guard=guard, clinic=True)


def deployed_guard(settings: Settings) -> Guard:
    """The server's names and shared key; no pairing (that is `serve --lan` on a home network)."""
    if not settings.server_names:
        raise InputError("server_names", None, NAMES_HINT)
    key = settings.secret_key
    if key is None:
        raise InputError("secret_key", None, KEY_HINT)
    return Guard(frozenset(settings.server_names), key)
