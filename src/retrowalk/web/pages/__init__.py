"""The walker's pages: server-rendered HTML on the same services as the API."""

from fastapi import APIRouter

from retrowalk.web.pages import (
    activity_files,
    admin,
    calendar_feed,
    desk,
    desk_clearance,
    desk_report,
    history,
    import_files,
    invitations,
    live,
    login,
    onboarding,
    pairing,
    phone,
    profile,
    progress,
    report,
    settings,
    signup,
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
for area in (*AREAS, pairing, phone, calendar_feed, desk, desk_clearance, desk_report):
    pages_router.include_router(area.router)

# Clinic mode's own pages (login, sign-up, reset, invitations, accounts), only with --clinic.
clinic_router = APIRouter(include_in_schema=False)
for area in (login, signup, invitations, admin):
    clinic_router.include_router(area.router)
