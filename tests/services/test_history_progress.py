"""History with date filters, and the progress series: per session, per week, adherence, streak."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from retrowalk.domain.errors import InputError
from retrowalk.services.commands import read_command
from retrowalk.services.history import Period, history
from retrowalk.services.log_session import log_command, log_session
from retrowalk.services.progress import progress
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.store.builders import onboarded, walk


def test_history_lists_the_sessions_within_the_dates_given(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 6)

    entries = history(
        Period(walker_id=walker.id, since=date(2027, 1, 6), until=date(2027, 1, 11)),
        backend.uow(),
    )

    assert [e.on for e in entries] == [date(2027, 1, 6), date(2027, 1, 8), date(2027, 1, 11)]
    assert [e.seq for e in entries] == [1, 2, 3]


def test_history_never_shows_another_walkers_sessions(backend: Backend, clock) -> None:
    ann = onboarded(backend, clock, account="ann").walker
    bob = onboarded(backend, clock, account="bob").walker
    walk(backend, clock, ann.id, 3)

    assert history(Period(walker_id=bob.id), backend.uow()) == []


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(InputError) as refused:
        read_command(Period, {"walker_id": 1, "since": "2027-02-01", "until": "2027-01-01"})

    assert "must not be after" in refused.value.allowed


def test_progress_has_one_point_per_session_walked_with_its_pain(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 2, pain_during=2)
    clock.current += timedelta(days=2)
    log_session(log_command(walker_id=walker.id, done=False), backend.uow(), clock)

    report = progress(Period(walker_id=walker.id), backend.uow(), clock)

    assert [p.on for p in report.points] == [date(2027, 1, 4), date(2027, 1, 6)]
    assert [p.minutes for p in report.points] == [3.0, 3.0]
    assert [p.pain_during for p in report.points] == [2, 2]
    assert report.points[0].speed_mph == 0.5 and report.points[0].speed_kmh == 0.8
    assert report.points[0].pain_next_morning is None


def test_weekly_volume_counts_minutes_and_sessions_against_the_plan(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 5, next_morning=0)
    clock.current = datetime(2027, 1, 17, 20)

    report = progress(Period(walker_id=walker.id), backend.uow(), clock)

    assert [(w.starts, w.sessions, w.planned) for w in report.weeks] == [
        (date(2027, 1, 4), 3, 3),
        (date(2027, 1, 11), 2, 3),
    ]
    assert report.weeks[0].minutes == 3 + 3 + 4
    assert report.adherence == round(5 / 6, 3)


def test_a_week_under_way_neither_counts_nor_breaks_the_streak(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 5)
    sunday, monday = datetime(2027, 1, 17, 20), datetime(2027, 1, 18, 20)

    clock.current = sunday
    on_sunday = progress(Period(walker_id=walker.id), backend.uow(), clock).streak_weeks
    clock.current = monday
    on_monday = progress(Period(walker_id=walker.id), backend.uow(), clock).streak_weeks

    assert (on_sunday, on_monday) == (1, 0)


def test_the_streak_counts_the_weeks_walked_as_planned(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 9)

    report = progress(Period(walker_id=walker.id), backend.uow(), clock)

    assert report.streak_weeks == 3
    assert report.adherence == 1.0


def test_energy_is_summed_over_the_sessions_walked(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 3)

    report = progress(Period(walker_id=walker.id), backend.uow(), clock)

    kcal = [p.energy_kcal for p in report.points]
    assert all(k is not None and k > 0 for k in kcal)
    assert report.energy_kcal == round(sum(k for k in kcal if k is not None), 1)


def test_the_speed_actually_walked_shows_in_the_series(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker

    log_session(
        log_command(walker_id=walker.id, speed_done_kmh=1.0, incline_done_percent=1.0),
        backend.uow(),
        clock,
    )

    point = progress(Period(walker_id=walker.id), backend.uow(), clock).points[0]
    assert (point.speed_kmh, point.incline_percent) == (1.0, 1.0)
