"""The phone on the stand: the installable app's manifest, its service worker (served from the
root, so its scope is the whole app), and the STOP that every page offers while a belt runs."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse, Response

from retrowalk.web.deps import BeltDep, MaybeWalker

router = APIRouter()
STATIC = Path(__file__).parents[1] / "static"
THEME = "#0b5cad"
MANIFEST = {
    "name": "retrowalk: backward walking coach",
    "short_name": "retrowalk",
    "description": "Backward treadmill walking for knee health: today's session, live.",
    "start_url": "/",
    "scope": "/",
    "display": "standalone",
    "orientation": "any",
    "background_color": "#ffffff",
    "theme_color": THEME,
    "icons": [
        {"src": f"/static/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png"}
        for size in (192, 512)
    ],
}


@router.get("/manifest.webmanifest")
def manifest() -> Response:
    return Response(json.dumps(MANIFEST), media_type="application/manifest+json")


@cache
def _worker() -> str:
    """The worker's script, its cache named after the static files' contents: a new release
    makes a new cache and the old one is deleted."""
    files = sorted(p for p in STATIC.iterdir() if p.is_file() and p.suffix != ".md")
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + path.read_bytes())
    script = (STATIC / "sw.js").read_text(encoding="utf-8")
    return script.replace("__VERSION__", digest.hexdigest()[:12])


@router.get("/sw.js")
def service_worker() -> Response:
    """Served from the root so that its scope is `/`; it caches static files only (sw.js)."""
    return Response(_worker(), media_type="text/javascript")


@router.post("/belt/stop")
def stop_belt(
    walker: MaybeWalker, belt: BeltDep, back: Annotated[str, Form(max_length=2000)] = "/"
) -> Response:
    """The STOP banner's tap (a form with the page's CSRF token, so it works without script):
    the belt is stopped and the treadmill let go, as the live page's STOP does; then back to the
    page the walker was on."""
    if walker is not None:
        belt.end(walker.id)
    own = back.startswith("/") and not back.startswith("//") and "\\" not in back
    return RedirectResponse(back if own else "/", status_code=303)
