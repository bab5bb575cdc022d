"""Progress over a period."""

from __future__ import annotations

from fastapi import APIRouter

from retrowalk.services.calendar_date import CalendarDate
from retrowalk.services.commands import read_command
from retrowalk.services.history import Period
from retrowalk.services.progress import progress
from retrowalk.services.public_progress import ProgressPublic
from retrowalk.web.deps import OwnWalker, WiringDep

router = APIRouter(tags=["progress"])


@router.get("/walkers/{walker_id}/progress", response_model=ProgressPublic)
def get_progress(
    walker: OwnWalker,
    wired: WiringDep,
    since: CalendarDate | None = None,
    until: CalendarDate | None = None,
) -> ProgressPublic:
    """One point per session walked, weekly volume against the plan, adherence, the streak of
    weeks walked as planned, and the estimated energy, between `since` and `until` (inclusive)."""
    period = read_command(Period, {"walker_id": walker.id, "since": since, "until": until})
    return ProgressPublic.of(progress(period, wired.uow(), wired.clock))
