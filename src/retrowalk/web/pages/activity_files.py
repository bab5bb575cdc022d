"""A walked session as an activity file to download (FIT or TCX), linked from the history page.

GET only and read-only. A session that is not the walker's, or deleted, is a 404 page; one not
walked is a 422 page saying so (web/errors.py renders both). The file comes as an attachment
with its registered media type, named after the session's date and id.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response

from retrowalk import __version__
from retrowalk.formats.fit_activity import fit_activity
from retrowalk.formats.tcx_activity import tcx_activity
from retrowalk.services.session_activity import SessionActivity, session_activity
from retrowalk.web.deps import PageWalker, WiringDep
from retrowalk.web.schemas.common import MAX_ID

router = APIRouter()

# IANA's registered media types of the two formats.
FIT_MEDIA_TYPE = "application/vnd.ant.fit"
TCX_MEDIA_TYPE = "application/vnd.garmin.tcx+xml"

LogId = Annotated[int, Path(ge=1, le=MAX_ID, description="The logged session's id.")]


@router.get("/sessions/{log_id}/activity.fit")
def fit_download(log_id: LogId, walker: PageWalker, wired: WiringDep) -> Response:
    exported = session_activity(walker.id, log_id, wired.uow())
    data = fit_activity(exported.activity, __version__)
    return _attachment(data, FIT_MEDIA_TYPE, file_name(exported, "fit"))


@router.get("/sessions/{log_id}/activity.tcx")
def tcx_download(log_id: LogId, walker: PageWalker, wired: WiringDep) -> Response:
    exported = session_activity(walker.id, log_id, wired.uow())
    data = tcx_activity(exported.activity, __version__).encode("utf-8")
    return _attachment(data, TCX_MEDIA_TYPE, file_name(exported, "tcx"))


def file_name(exported: SessionActivity, extension: str) -> str:
    return f"retrowalk-{exported.on.isoformat()}-session-{exported.log_id}.{extension}"


def _attachment(data: bytes, media_type: str, name: str) -> Response:
    disposition = f'attachment; filename="{name}"'
    return Response(data, media_type=media_type, headers={"content-disposition": disposition})
