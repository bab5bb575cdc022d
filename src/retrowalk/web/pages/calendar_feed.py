"""The calendar link: the feed a calendar app subscribes to, and making, replacing and revoking
the link from the settings page (services/calendar_feed.py).

`GET /calendar/<token>.ics` (and `HEAD`) is the one route open without pairing
(web/guard/pairing.py): it reads the plan and nothing else, and answers a token that is
unknown, revoked or malformed with the same 404. The settings forms post with the page's CSRF
token like every other form.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response

from retrowalk.domain.errors import ConflictError
from retrowalk.formats.plan_calendar import MEDIA_TYPE, plan_calendar
from retrowalk.services.calendar_feed import feed_plan, make_feed, replace_feed, revoke_feed
from retrowalk.web.deps import PageWalker, Units, WiringDep
from retrowalk.web.guard.pairing import CALENDAR_FEED_PATH
from retrowalk.web.pages.calendar_link import calendar_section
from retrowalk.web.pages.settings import settings_response

router = APIRouter()
NO_CALENDAR = "No calendar at this address."
FILE_NAME = "retrowalk-plan.ics"


@router.api_route(CALENDAR_FEED_PATH, methods=["GET", "HEAD"])
def calendar_feed(token: str, wired: WiringDep) -> Response:
    plan = feed_plan(token, wired.uow, wired.clock)
    if plan is None:
        return PlainTextResponse(NO_CALENDAR, status_code=404)
    disposition = f'inline; filename="{FILE_NAME}"'
    return Response(
        plan_calendar(plan), media_type=MEDIA_TYPE, headers={"content-disposition": disposition}
    )


@router.post("/settings/calendar")
def make_calendar_link(
    request: Request, walker: PageWalker, units: Units, wired: WiringDep
) -> Response:
    try:
        made = make_feed(walker.id, wired.uow(), wired.clock)
    except ConflictError as error:
        notice = error.current[:1].upper() + error.current[1:] + "."
        section = calendar_section(request, walker, notice=notice)
        return settings_response(request, walker, units, section, status=409)
    return settings_response(request, walker, units, calendar_section(request, walker, made))


@router.post("/settings/calendar/new")
def replace_calendar_link(
    request: Request, walker: PageWalker, units: Units, wired: WiringDep
) -> Response:
    made = replace_feed(walker.id, wired.uow(), wired.clock)
    return settings_response(request, walker, units, calendar_section(request, walker, made))


@router.post("/settings/calendar/revoke")
def revoke_calendar_link(walker: PageWalker, wired: WiringDep) -> Response:
    revoke_feed(walker.id, wired.uow(), wired.clock)
    return RedirectResponse("/settings?calendar=revoked#calendar-title", status_code=303)
