"""The JSON API under /api: one router per area, each route one service call."""

from fastapi import APIRouter

from retrowalk.web.api import belt, live, progress, sessions, today, walkers
from retrowalk.web.schemas.common import ProblemsPublic

PROBLEMS = {"model": ProblemsPublic, "description": "The request names something wrong"}

api_router = APIRouter(
    prefix="/api",
    responses={
        404: {"model": ProblemsPublic, "description": "No such walker of yours"},
        422: PROBLEMS,
    },
)
for area in (walkers, today, sessions, live, belt, progress):
    api_router.include_router(area.router)
