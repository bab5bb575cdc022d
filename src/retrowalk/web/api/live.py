"""The live session: the timeline the page plays (a read), starting it (the walk's treadmill is
opened, on the walker's own tap), and logging the walk it reports, with the treadmill's record."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from retrowalk.coach.record import Pause, WentOn
from retrowalk.coach.reported import Answers, WalkReport
from retrowalk.domain.units import UnitSystem
from retrowalk.services.live_walk import live_walk, log_reported_walk
from retrowalk.web.belt import WalkOn
from retrowalk.web.body import JsonBody, JsonBodyRoute
from retrowalk.web.deps import BeltDep, OwnWalker, WiringDep
from retrowalk.web.schemas.live import (
    TIME_SCALE_MAX,
    TIME_SCALE_MIN,
    LiveSessionCreate,
    LiveStart,
    TimelinePublic,
)
from retrowalk.web.schemas.sessions import LoggedPublic
from retrowalk.web.words import logged_summary

router = APIRouter(tags=["live session"], route_class=JsonBodyRoute)
TimeScale = Annotated[
    float,
    Query(ge=TIME_SCALE_MIN, le=TIME_SCALE_MAX, description="Play N times faster (demos, tests)."),
]


@router.get("/walkers/{walker_id}/live", response_model=TimelinePublic)
def get_timeline(
    walker: OwnWalker,
    wired: WiringDep,
    belt: BeltDep,
    time_scale: TimeScale = 1.0,
    units: UnitSystem | None = None,
) -> TimelinePublic:
    """Today's session as the coach's timeline: every event at its second of session time, in
    the cue catalogue's words (`units` picks how speeds are said; default the walker's), with
    the belt as it is meant to take part. A read: nothing is opened."""
    unit = (units or walker.profile.units).speed_unit
    live = live_walk(walker, wired.uow, wired.clock, unit)
    return TimelinePublic.of(walker.id, live, time_scale, belt.intended())


@router.post(
    "/walkers/{walker_id}/live",
    response_model=TimelinePublic,
    responses={409: {"description": "Session `seq` is logged already: reload"}},
)
def start_live_session(
    walker: OwnWalker,
    body: Annotated[LiveStart, Depends(JsonBody(LiveStart))],
    wired: WiringDep,
    belt: BeltDep,
    time_scale: TimeScale = 1.0,
    units: UnitSystem | None = None,
) -> TimelinePublic:
    """Start today's live session `seq` (the walker's tap on the set-up checklist): a treadmill
    connected on the server side is opened for the walk (afresh, stopping the belt of an
    earlier start). `going_on` (the tap that goes on after a STOP) carries on with the
    treadmill held since the STOP, so its record covers the whole walk; it is opened again
    only if it was let go. The timeline comes back with the belt as it really takes part (by
    hand, if control was lost meanwhile). Nothing starts the belt here: only the walker's
    start does (`POST .../belt/start`)."""
    unit = (units or walker.profile.units).speed_unit
    live = live_walk(walker, wired.uow, wired.clock, unit, body.seq)
    setup = belt.setup(WalkOn(walker.id, live.seq, live.walk), body.going_on)
    return TimelinePublic.of(walker.id, live, time_scale, setup)


@router.post(
    "/walkers/{walker_id}/live-sessions",
    status_code=201,
    response_model=LoggedPublic,
    responses={409: {"description": "Session `seq` is logged already (by an earlier send)"}},
)
def log_live_session(
    walker: OwnWalker,
    body: Annotated[LiveSessionCreate, Depends(JsonBody(LiveSessionCreate))],
    wired: WiringDep,
    belt: BeltDep,
) -> LoggedPublic:
    """Log the walk the live page played: the record is rebuilt from the same timeline, so the
    minutes walked and the speed follow the coach's rules; then the session-log service. With a
    treadmill, its 1 Hz samples and why the session is partial are logged with it (source
    `device`), and the treadmill is let go. Exactly once: the walk is logged as session `seq`
    or not at all; a report of a session logged already (a double tap, a retry, simultaneous
    sends) is a 409 and writes nothing."""
    given = body.check_in
    report = WalkReport(
        seq=body.seq,
        ended_at=body.ended_at_seconds,
        stopped=body.stopped,
        pauses=tuple(Pause(p.at_seconds, p.seconds) for p in body.pauses),
        step_confirmed_at=body.step_confirmed_at_seconds,
        answers=Answers(**given.model_dump()),
        went_on=tuple(WentOn(w.at_seconds, w.reason) for w in body.went_on),
    )
    trace = belt.trace(walker.id, body.seq)
    # The treadmill's mph verdict (verified once) is kept in the log's own transaction.
    _, logged = log_reported_walk(walker, report, wired.uow, wired.clock, trace)
    belt.logged(walker.id)
    return LoggedPublic.of(logged, logged_summary(logged))
