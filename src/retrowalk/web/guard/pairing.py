"""Who may ask at all once the server listens on the home network (`retrowalk serve --lan`).

This computer stays open to its own user as before: a request that arrives on exactly
127.0.0.1 or ::1 from a loopback address (a phone on the network can reach neither). Anything
else must carry a paired device's credential (its cookie); without one it may only open the
pairing page and the static files, and every other path gets a page saying how to pair, never
data. One route more is open without pairing: reading a calendar link (`GET` or `HEAD` of
`/calendar/<token>.ics`), because a calendar app subscribing to it can never pair; the link's
own unguessable token guards it (services/calendar_feed.py). The credential and the CSRF token
work together: the gate comes first, then the same origin and token checks as on this computer
(`middleware.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Scope

from retrowalk.services.pairing import PairedDevices, PairingDesk

DEVICE_COOKIE = "retrowalk_device"
# Chromium keeps no cookie longer than 400 days; a phone in daily use is paired for good.
DEVICE_COOKIE_SECONDS = 400 * 24 * 3600
THIS_COMPUTER = frozenset({"127.0.0.1", "::1"})
PAIR_PATH = "/pair"
_OPEN_PREFIXES = ("/static/",)
CALENDAR_FEED_PATH = "/calendar/{token}.ics"
_CALENDAR_FEED = re.compile(r"/calendar/[^/]+\.ics")
_FEED_METHODS = frozenset({"GET", "HEAD"})


@dataclass(frozen=True, slots=True)
class Pairing:
    """The paired devices, and while the server listens on the network its pairing desk and
    the address a phone reaches it at (`http://192.168.1.5:8000`)."""

    devices: PairedDevices
    desk: PairingDesk | None = None
    address: str | None = None


def from_this_computer(scope: Scope) -> bool:
    client, server = scope.get("client"), scope.get("server")
    return (
        client is not None
        and server is not None
        and client[0] in THIS_COMPUTER
        and server[0] in THIS_COMPUTER
    )


def open_to_unpaired(path: str, method: str) -> bool:
    if path == PAIR_PATH or path.startswith(_OPEN_PREFIXES):
        return True
    return method in _FEED_METHODS and _CALENDAR_FEED.fullmatch(path) is not None


def device_cookie_header(token: str, secure: bool) -> str:
    """HttpOnly (no script reads it), Strict (never sent by another site's page), long-lived."""
    flags = "; Secure" if secure else ""
    return (
        f"{DEVICE_COOKIE}={token}; Path=/; Max-Age={DEVICE_COOKIE_SECONDS}; HttpOnly; "
        f"SameSite=Strict{flags}"
    )


NOT_PAIRED = (
    "a phone or tablet paired with the computer running retrowalk: on that computer open "
    f"retrowalk's page {PAIR_PATH} (or look at the terminal running retrowalk serve --lan), then "
    f"scan its QR code with this device's camera, or open {PAIR_PATH} here and type the code"
)


def not_paired(scope: Scope) -> Response:
    from retrowalk.domain.errors import InputError
    from retrowalk.web.errors import API_PREFIX, problems

    path: str = scope["path"]
    if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
        return problems([InputError("device", None, NOT_PAIRED)], 401)
    from retrowalk.web.pages.render import TEMPLATES

    request = Request(scope)
    context = {"title": "Pair this device first", "path": path, "navigation": ()}
    context["csrf_token"] = getattr(request.state, "csrf_token", "")
    page: HTMLResponse = TEMPLATES.TemplateResponse(
        request, "not_paired.html", context, status_code=401
    )
    return page
