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
    last = start + timedelta(weeks=weeks, days=-1)
    return planned_days(start, sessions_per_week, rest_day_weeks, start, last)


def planned_days(
    start: date, sessions_per_week: int, rest_day_weeks: int, first: date, last: date
) -> list[date]:
    """The schedule's session days from `first` to `last`, both included."""
    days: list[date] = []
    for week in range(max(0, (first - start).days // 7), (last - start).days // 7 + 1):
        count = sessions_per_week
        if week < rest_day_weeks:
            count = min(count, MOST_SESSIONS_WITH_REST_DAYS)
        first_day = start + timedelta(weeks=week)
        days.extend(first_day + timedelta(days=offset) for offset in week_offsets(count))
    return [day for day in days if first <= day <= last]


def next_session_date(
    start: date, sessions_per_week: int, rest_day_weeks: int, last_walked: date | None
) -> date:
    """A live walker's next session: the first schedule day after the last walk (two days after
    it while rest days are kept), or the start when nothing has been walked yet."""
    if last_walked is None:
        return start
    resting = (last_walked - start).days // 7 < rest_day_weeks
    earliest = max(start, last_walked + timedelta(days=2 if resting else 1))
    window = earliest + timedelta(weeks=2)
    return planned_days(start, sessions_per_week, rest_day_weeks, earliest, window)[0]
