"""Logged sessions: history, logging by hand, edits, the next-morning pain, delete and undo."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path

from retrowalk.services.calendar_date import CalendarDate
from retrowalk.services.commands import read_command
from retrowalk.services.history import Period, history
from retrowalk.services.log_edit import (
    NextMorningIn,
    add_next_morning_pain,
    delete_log,
    edit_log,
    undo_last_change,
)
from retrowalk.services.log_session import log_session
from retrowalk.web.body import JsonBody, JsonBodyRoute
from retrowalk.web.deps import OwnWalker, WiringDep
from retrowalk.web.schemas.common import MAX_ID
from retrowalk.web.schemas.sessions import (
    HistoryItemPublic,
    LoggedPublic,
    NextMorningCreate,
    SessionCreate,
    SessionPublic,
    SessionUpdate,
)
from retrowalk.web.words import logged_summary

router = APIRouter(tags=["sessions"], route_class=JsonBodyRoute)
LogId = Annotated[int, Path(ge=1, le=MAX_ID, description="The logged session's id.")]


@router.get("/walkers/{walker_id}/sessions", response_model=list[HistoryItemPublic])
def list_sessions(
    walker: OwnWalker,
    wired: WiringDep,
    since: CalendarDate | None = None,
    until: CalendarDate | None = None,
) -> list[HistoryItemPublic]:
    """Logged sessions (deleted ones left out), oldest first, each beside its prescription."""
    period = read_command(Period, {"walker_id": walker.id, "since": since, "until": until})
    return [HistoryItemPublic.of(item) for item in history(period, wired.uow())]


@router.post(
    "/walkers/{walker_id}/sessions",
    status_code=201,
    response_model=LoggedPublic,
    responses={
        409: {"description": "Session `seq` is logged already (by an earlier send)"},
        422: {"description": 'Not allowed, or to confirm: send again with "confirm": true'},
    },
)
def create_session(
    walker: OwnWalker,
    body: Annotated[SessionCreate, Depends(JsonBody(SessionCreate))],
    wired: WiringDep,
) -> LoggedPublic:
    """Log today's session (or the pending one on another date, never in the future); the engine
    plans the next session from it in the same transaction. With `seq`, that session or
    nothing: sent again once it is logged, the answer is a 409 and nothing is written."""
    logged = log_session(body.for_walker(walker.id), wired.uow(), wired.clock)
    return LoggedPublic.of(logged, logged_summary(logged))


@router.patch("/walkers/{walker_id}/sessions/{log_id}", response_model=SessionPublic)
def update_session(
    walker: OwnWalker,
    log_id: LogId,
    body: Annotated[SessionUpdate, Depends(JsonBody(SessionUpdate))],
    wired: WiringDep,
) -> SessionPublic:
    """Change some fields of a logged session; the plan is replayed from it. A value changed
    far from the prescription needs `"confirm": true`, as when logging."""
    edited = edit_log(walker.id, log_id, body.changes(), wired.uow(), wired.clock, body.confirm)
    return SessionPublic.of(edited)


@router.post("/walkers/{walker_id}/sessions/{log_id}/next-morning", response_model=SessionPublic)
def add_next_morning(
    walker: OwnWalker,
    log_id: LogId,
    body: Annotated[NextMorningCreate, Depends(JsonBody(NextMorningCreate))],
    wired: WiringDep,
) -> SessionPublic:
    """The pain the morning after a session (0-10), once that morning has come."""
    command = NextMorningIn(walker_id=walker.id, log_id=log_id, pain=body.pain, date=body.date)
    return SessionPublic.of(add_next_morning_pain(command, wired.uow(), wired.clock))


@router.delete("/walkers/{walker_id}/sessions/{log_id}", response_model=SessionPublic)
def delete_session(walker: OwnWalker, log_id: LogId, wired: WiringDep) -> SessionPublic:
    """Delete a logged session (it can be undone); the plan is replayed without it."""
    return SessionPublic.of(delete_log(walker.id, log_id, wired.uow(), wired.clock))


@router.post("/walkers/{walker_id}/undo", response_model=SessionPublic)
def undo(walker: OwnWalker, wired: WiringDep) -> SessionPublic:
    """Undo the latest edit or delete not undone yet."""
    return SessionPublic.of(undo_last_change(walker.id, wired.uow(), wired.clock))
