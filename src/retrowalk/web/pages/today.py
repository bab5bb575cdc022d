"""The today page: the dose, the set-up checklist, the form cues and why."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from retrowalk.coach.schedule import build_timeline
from retrowalk.coach.stored import walk_for
from retrowalk.domain.cues import form_cues, say
from retrowalk.domain.screening import FlagLevel
from retrowalk.services.today import today_session
from retrowalk.web.deps import PageWalker, Units, WiringDep
from retrowalk.web.pages.render import page
from retrowalk.web.words import dose_rows

router = APIRouter()


@router.get("/")
def today_page(request: Request, walker: PageWalker, wired: WiringDep, units: Units) -> Response:
    today = today_session(walker.id, wired.uow(), wired.clock)
    ahead = today.session
    context = {
        "title": "Today",
        "today": today,
        "ahead": ahead,
        "date": wired.clock.today(),
        "units": units,
        "yellow": [f for f in walker.flags if f.level is FlagLevel.YELLOW],
    }
    if ahead is not None and ahead.decision.walk:
        dose = ahead.decision.dose
        walk = walk_for(walker, ahead, None, units.speed_unit)
        context |= {
            "dose_rows": dose_rows(dose, units),
            "checklist": build_timeline(walk).events[0].details,
            "cues": [say(cue) for cue in form_cues(dose.hands, dose.incline_percent > 0)],
        }
    return page(request, "today.html", context)
