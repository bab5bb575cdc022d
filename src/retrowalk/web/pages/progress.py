"""The progress page: charts of minutes, speed, incline and pain, weekly volume, the adherence
calendar and the estimated energy."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from retrowalk.services.commands import read_command
from retrowalk.services.history import Period
from retrowalk.services.progress_view import progress_view
from retrowalk.web.charts.bars import weekly_volume
from retrowalk.web.charts.calendar import adherence_calendar
from retrowalk.web.charts.sessions import session_charts, table_rows
from retrowalk.web.deps import PageWalker, Units, WiringDep
from retrowalk.web.pages.periods import Shown
from retrowalk.web.pages.render import page

router = APIRouter()


@router.get("/progress")
def progress_page(
    request: Request, walker: PageWalker, wired: WiringDep, units: Units, shown: Shown = Shown.ALL
) -> Response:
    today = wired.clock.today()
    period = read_command(Period, {"walker_id": walker.id, "since": shown.since(today)})
    view = progress_view(period, wired.uow(), wired.clock)
    found = view.progress
    context = {
        "title": "Progress",
        "progress": found,
        "shown": shown,
        "periods": list(Shown),
        "charts": session_charts(view, units),
        "rows": table_rows(view, units),
        "weekly": weekly_volume(found.weeks) if found.weeks else None,
        "calendar": adherence_calendar(found.weeks, (p.on for p in found.points), today),
    }
    return page(request, "progress.html", context)
