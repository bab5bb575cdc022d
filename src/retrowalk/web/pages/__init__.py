"""The walker's pages: server-rendered HTML on the same services as the API."""

from fastapi import APIRouter

from retrowalk.web.pages import (
    activity_files,
    calendar_feed,
    desk,
    desk_report,
    history,
    import_files,
    live,
    onboarding,
    pairing,
    phone,
    profile,
    progress,
    report,
    settings,
    today,
)

pages_router = APIRouter(include_in_schema=False)
AREAS = (
    onboarding,
    today,
    live,
    history,
    activity_files,
    import_files,
    progress,
    report,
    settings,
    profile,
)
for area in (*AREAS, pairing, phone, calendar_feed, desk, desk_report):
    pages_router.include_router(area.router)
