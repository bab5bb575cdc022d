"""The treadmill during today's live session: settings, the walker's start, the end of the
walk, and what the treadmill says. Without a treadmill connected on the server side nothing
moves and the walker sets the console, as the page tells them.

Every moving setting and start is checked against today's dose first (409 above it), so a
refused setting never reaches the treadmill. A stop is never checked and needs no walk: it goes
to the belt at once.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from retrowalk.coach.belt import BeltSetting
from retrowalk.domain.units import UnitSystem
from retrowalk.services.live_walk import setting_for_today
from retrowalk.web.belt import BeltMode, WalkOn
from retrowalk.web.body import JsonBody, JsonBodyRoute
from retrowalk.web.deps import BeltDep, OwnWalker, WiringDep
from retrowalk.web.schemas.belt import BeltNewsPublic, BeltPublic, BeltStartPublic, BeltUpdate
from retrowalk.web.schemas.common import MAX_ID

router = APIRouter(tags=["live session"], route_class=JsonBodyRoute)
Body = Annotated[BeltUpdate, Depends(JsonBody(BeltUpdate))]
SAFETY: dict[int | str, dict[str, Any]] = {
    409: {"description": "Above today's speed or incline: nothing was sent"},
    503: {"description": "The treadmill cannot be used: it was told to stop and let go"},
}


def _today(walker: OwnWalker, wired: WiringDep, setting: BeltSetting) -> WalkOn:
    """Today's walk, with `setting` checked against its limits by the live-walk service."""
    live = setting_for_today(walker, wired.uow, wired.clock, setting)
    return WalkOn(walker.id, live.seq, live.walk)


def _follows(belt: BeltDep, walker_id: int) -> bool:
    return belt.news(walker_id, 0).setup.mode is not BeltMode.BY_HAND


@router.put("/walkers/{walker_id}/belt", response_model=BeltPublic, responses=SAFETY)
def set_belt(walker: OwnWalker, body: Body, wired: WiringDep, belt: BeltDep) -> BeltPublic:
    """Ask the treadmill for a setting during today's session (`applied`: it took it). A moving
    setting for a stopped belt that waits for the walker's start is only made ready; a stop
    goes to the belt at once."""
    setting = body.setting()
    if not setting.moving:
        return BeltPublic(applied=belt.stop(walker.id), follows=_follows(belt, walker.id))
    applied = belt.apply(_today(walker, wired, setting), setting)
    return BeltPublic(applied=applied, follows=_follows(belt, walker.id))


@router.post("/walkers/{walker_id}/belt/start", response_model=BeltStartPublic, responses=SAFETY)
def start_belt(walker: OwnWalker, body: Body, wired: WiringDep, belt: BeltDep) -> BeltStartPublic:
    """The walker's own start (their tap or Enter), at this setting: the only call that starts
    a treadmill's belt. `going` false keeps the walk waiting (the alerts say why)."""
    setting = body.setting()
    going = belt.start(_today(walker, wired, setting), setting)
    return BeltStartPublic(going=going, mode=belt.news(walker.id, 0).setup.mode)


@router.delete("/walkers/{walker_id}/belt", status_code=204)
def end_walk(walker: OwnWalker, belt: BeltDep) -> None:
    """The walk is over (finished, or STOP): the belt is stopped and its record kept for the
    check-in. The treadmill is held until the walk is logged (after a STOP it may go on)."""
    belt.end(walker.id)


Since = Annotated[int, Query(ge=0, le=MAX_ID, description="The last alert seen.")]


@router.get("/walkers/{walker_id}/belt", response_model=BeltNewsPublic)
def belt_news(
    walker: OwnWalker, belt: BeltDep, since: Since = 0, units: UnitSystem | None = None
) -> BeltNewsPublic:
    """What the treadmill says now: the belt as it reports it, and the alerts after `since`,
    to show and speak. A read: it does not keep a running belt going (the heartbeat does)."""
    unit = (units or walker.profile.units).speed_unit
    return BeltNewsPublic.of(belt.news(walker.id, since), unit)


@router.post("/walkers/{walker_id}/belt/heartbeat", response_model=BeltNewsPublic)
def heartbeat(
    walker: OwnWalker, belt: BeltDep, since: Since = 0, units: UnitSystem | None = None
) -> BeltNewsPublic:
    """The walker's live page is still there (it says so about once a second), and what the
    treadmill says now. A running belt whose page has been silent for a while is stopped."""
    belt.heartbeat(walker.id)
    return belt_news(walker, belt, since, units)
