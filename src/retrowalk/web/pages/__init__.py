"""The walker's pages: server-rendered HTML on the same services as the API."""

from fastapi import APIRouter

from retrowalk.web.pages import (
    calendar_feed,
    history,
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
for area in (
    onboarding,
    today,
    live,
    history,
    progress,
    report,
    settings,
    profile,
    pairing,
    phone,
    calendar_feed,
):
    pages_router.include_router(area.router)
