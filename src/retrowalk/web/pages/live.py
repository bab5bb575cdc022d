"""The live session page: the server-built timeline, played by static/live.js. A read: the
treadmill connected on the server side is opened when the walker confirms the set-up checklist
(live.js posts to `/api/walkers/{id}/live`), never by opening the page, which any other site
could make a browser do."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from retrowalk.domain.errors import InputError
from retrowalk.services.live_walk import live_walk
from retrowalk.web.deps import BeltDep, PageWalker, Units, WiringDep
from retrowalk.web.pages.render import page
from retrowalk.web.schemas.live import TIME_SCALE_MAX, TIME_SCALE_MIN, TimelinePublic

router = APIRouter()


@router.get("/live")
def live_page(
    request: Request,
    walker: PageWalker,
    wired: WiringDep,
    units: Units,
    belt: BeltDep,
    time_scale: Annotated[float, Query(ge=TIME_SCALE_MIN, le=TIME_SCALE_MAX)] = 1.0,
) -> Response:
    try:
        live = live_walk(walker, wired.uow, wired.clock, units.speed_unit)
    except InputError as error:
        reason = {"title": "No session to walk now", "reason": error.allowed}
        return page(request, "live_none.html", reason)
    timeline = TimelinePublic.of(walker.id, live, time_scale, belt.intended())
    context: dict[str, Any] = {
        "title": "Live session",
        "timeline": timeline.model_dump(mode="json"),
    }
    return page(request, "live.html", context)
