"""Progress over a period, as the API and `retrowalk progress --json` give it (docs/json.md)."""

from __future__ import annotations

import datetime as dt

from retrowalk.services.progress import Progress
from retrowalk.services.public import Public


class PointPublic(Public):
    on: dt.date
    minutes: float
    speed_mph: float | None
    speed_kmh: float | None
    incline_percent: float
    pain_during: int | None
    pain_after: int | None
    pain_next_morning: int | None
    rpe: int | None
    energy_kcal: float | None


class WeekPublic(Public):
    starts: dt.date
    minutes: float
    sessions: int
    planned: int


class ProgressPublic(Public):
    points: list[PointPublic]
    weeks: list[WeekPublic]
    adherence: float | None
    streak_weeks: int
    energy_kcal: float | None

    @classmethod
    def of(cls, progress: Progress) -> ProgressPublic:
        return cls(
            points=[PointPublic.model_validate(p, from_attributes=True) for p in progress.points],
            weeks=[WeekPublic.model_validate(w, from_attributes=True) for w in progress.weeks],
            adherence=progress.adherence,
            streak_weeks=progress.streak_weeks,
            energy_kcal=progress.energy_kcal,
        )
