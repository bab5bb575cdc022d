"""The weekly schedule: which days the sessions fall on, with rest days between them at first."""

from __future__ import annotations

from datetime import date, timedelta

# With a rest day between sessions, a 7-day week holds at most this many (days 0, 2, 4).
MOST_SESSIONS_WITH_REST_DAYS = 3


def week_offsets(sessions_per_week: int) -> tuple[int, ...]:
    """Days of the week (0 = the week's first day) for n sessions, spread as evenly as may be."""
    return tuple((i * 7) // sessions_per_week for i in range(sessions_per_week))


def session_dates(
    start: date, weeks: int, sessions_per_week: int, rest_day_weeks: int
) -> list[date]:
    """Every session date for `weeks` weeks from `start`.

    During the first `rest_day_weeks` weeks sessions keep a rest day between them, so a week then
    holds at most MOST_SESSIONS_WITH_REST_DAYS sessions whatever was asked.
    """
    dates: list[date] = []
    for week in range(weeks):
        count = sessions_per_week
        if week < rest_day_weeks:
            count = min(count, MOST_SESSIONS_WITH_REST_DAYS)
        first_day = start + timedelta(weeks=week)
        dates.extend(first_day + timedelta(days=offset) for offset in week_offsets(count))
    return dates
