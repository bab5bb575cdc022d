"""The progress page: charts of minutes, speed, incline and pain, weekly volume, the adherence
calendar and the estimated energy."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from retrowalk.domain.units import UnitSystem
from retrowalk.services.commands import read_command
from retrowalk.services.history import Period
from retrowalk.services.progress import Progress, progress
from retrowalk.web.charts.bars import weekly_volume
from retrowalk.web.charts.calendar import adherence_calendar
from retrowalk.web.charts.line import LineChart, Series, line_chart
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
    found = progress(period, wired.uow(), wired.clock)
    context = {
        "title": "Progress",
        "progress": found,
        "shown": shown,
        "periods": list(Shown),
        "charts": session_charts(found, units),
        "weekly": weekly_volume(found.weeks) if found.weeks else None,
        "calendar": adherence_calendar(found.weeks, (p.on for p in found.points), today),
    }
    return page(request, "progress.html", context)


def session_charts(found: Progress, units: UnitSystem) -> list[LineChart]:
    points = found.points
    if not points:
        return []
    dates = [p.on for p in points]
    metric = units is UnitSystem.METRIC
    speeds = [p.speed_kmh if metric else p.speed_mph for p in points]
    unit = "km/h" if metric else "mph"
    charts = [
        line_chart(
            "minutes",
            "Minutes walked",
            "min",
            dates,
            [Series("minutes", "solid", [p.minutes for p in points])],
        ),
        line_chart("speed", f"Speed ({unit})", unit, dates, [Series("speed", "solid", speeds)]),
        line_chart(
            "incline",
            "Incline (%)",
            "%",
            dates,
            [Series("incline", "solid", [p.incline_percent for p in points])],
        ),
        line_chart(
            "pain",
            "Pain (0 to 10)",
            "",
            dates,
            [
                Series("during", "solid", [p.pain_during for p in points]),
                Series("after", "dashed", [p.pain_after for p in points]),
                Series("next morning", "dotted", [p.pain_next_morning for p in points]),
            ],
            top=10.0,
        ),
    ]
    return charts
