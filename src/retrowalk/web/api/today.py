"""Today's session, or the next one and its date."""

from __future__ import annotations

from fastapi import APIRouter

from retrowalk.services.public_sessions import TodayPublic
from retrowalk.services.today import today_session
from retrowalk.web.deps import OwnWalker, WiringDep

router = APIRouter(tags=["today"])


@router.get("/walkers/{walker_id}/today", response_model=TodayPublic)
def get_today(walker: OwnWalker, wired: WiringDep) -> TodayPublic:
    """The dose, the sets, the estimated energy and the reasons; on the planned day or after it,
    decided afresh for today (a long gap brings a de-load). Reads only."""
    return TodayPublic.of(today_session(walker.id, wired.uow(), wired.clock))
