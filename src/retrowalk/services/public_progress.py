"""Progress over a period, as the API and `retrowalk progress --json` give it (docs/json.md)."""

from __future__ import annotations

from retrowalk.services.progress import Progress, ProgressPoint, WeekVolume
from retrowalk.services.public import Public


class ProgressPublic(Public):
    # The services' own records, as they are: one definition of a point and of a week.
    points: list[ProgressPoint]
    weeks: list[WeekVolume]
    adherence: float | None
    streak_weeks: int
    energy_kcal: float | None

    @classmethod
    def of(cls, progress: Progress) -> ProgressPublic:
        return cls(
            points=list(progress.points),
            weeks=list(progress.weeks),
            adherence=progress.adherence,
            streak_weeks=progress.streak_weeks,
            energy_kcal=progress.energy_kcal,
        )
