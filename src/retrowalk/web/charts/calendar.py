"""The adherence calendar: one row per plan week, one cell per day, walked days filled."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from retrowalk.services.progress import WeekVolume

# A phone shows this many weeks comfortably; longer periods show their latest weeks.
MOST_WEEKS = 16


@dataclass(frozen=True, slots=True)
class Day:
    on: date
    walked: bool
    future: bool


@dataclass(frozen=True, slots=True)
class Week:
    starts: date
    days: tuple[Day, ...]
    sessions: int
    planned: int

    @property
    def met(self) -> bool:
        return self.planned > 0 and self.sessions >= self.planned


@dataclass(frozen=True, slots=True)
class Calendar:
    weekdays: tuple[str, ...]
    weeks: tuple[Week, ...]
    left_out: int


def adherence_calendar(
    weeks: Sequence[WeekVolume], walked: Iterable[date], today: date
) -> Calendar:
    days_walked = set(walked)
    shown = weeks[-MOST_WEEKS:]
    rows = tuple(
        Week(
            week.starts,
            tuple(_day(week.starts + timedelta(days=i), days_walked, today) for i in range(7)),
            week.sessions,
            week.planned,
        )
        for week in shown
    )
    first = shown[0].starts if shown else today
    weekdays = tuple(f"{first + timedelta(days=i):%a}" for i in range(7))
    return Calendar(weekdays, rows, len(weeks) - len(shown))


def _day(on: date, walked: set[date], today: date) -> Day:
    return Day(on, on in walked, on > today)
