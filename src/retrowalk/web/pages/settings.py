"""Settings: the units this browser shows, the equipment on record, and the voice.

The voice lives in the browser (each phone has its own voices), saved in its local storage by
static/settings.js; the units choice is a cookie, so the server renders speeds in them.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from retrowalk.domain.cues import Cue, say
from retrowalk.domain.units import UnitSystem
from retrowalk.web.deps import UNITS_COOKIE, PageWalker, Units
from retrowalk.web.pages.render import page

router = APIRouter()
ONE_YEAR = 365 * 24 * 3600


@router.get("/settings")
def settings_page(request: Request, walker: PageWalker, units: Units) -> Response:
    context = {
        "title": "Settings",
        "walker": walker,
        "units": units,
        "saved": request.query_params.get("saved") == "units",
        "sample": say(Cue.REACH_BACK).text,
    }
    return page(request, "settings.html", context)


@router.post("/settings/units")
def choose_units(walker: PageWalker, units: Annotated[UnitSystem, Form()]) -> Response:
    response = RedirectResponse("/settings?saved=units", status_code=303)
    response.set_cookie(
        UNITS_COOKIE, units.value, max_age=ONE_YEAR, samesite="strict", httponly=True
    )
    return response
