"""Today's session, or the next one and its date; and the live schedule rule behind the dates."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from retrowalk.domain.errors import InputError
from retrowalk.domain.progression import DecisionKind
from retrowalk.domain.schedule import next_session_date
from retrowalk.services.records import Prescription
from retrowalk.services.today import today_session
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.store.builders import onboarded, walk

MONDAY = date(2027, 1, 4)


def test_before_the_next_session_today_names_its_date_and_dose(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 1)

    ahead = today_session(walker.id, backend.uow(), clock).session

    assert ahead is not None and not ahead.is_today
    assert ahead.on == date(2027, 1, 6)
    assert ahead.sets == (3.0,)
    assert ahead.energy is not None and ahead.energy.kcal is not None


def test_on_the_day_the_session_is_today(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker

    ahead = today_session(walker.id, backend.uow(), clock).session

    assert ahead is not None and ahead.is_today
    assert ahead.decision.kind is DecisionKind.START


def test_after_a_long_gap_today_is_a_deload_and_nothing_is_written(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 9)
    clock.current = datetime(2027, 3, 1, 9)
    before = backend.contents()

    ahead = today_session(walker.id, backend.uow(), clock).session

    assert ahead is not None and ahead.on == date(2027, 3, 1)
    assert ahead.decision.kind is DecisionKind.DELOAD
    assert backend.contents() == before


def test_today_for_an_unknown_walker_names_the_walker_id(backend: Backend, clock) -> None:
    with pytest.raises(InputError) as refused:
        today_session(404, backend.uow(), clock)

    assert (refused.value.field, refused.value.value) == ("walker_id", 404)


def test_the_first_session_falls_on_the_start_date() -> None:
    plan = Prescription("default", 3, MONDAY)

    assert next_session_date(plan.start, plan.sessions_per_week, 4, None) == MONDAY


@pytest.mark.parametrize(
    ("last_walked", "expected"),
    [
        (date(2027, 1, 4), date(2027, 1, 6)),  # Monday → Wednesday
        (date(2027, 1, 5), date(2027, 1, 8)),  # a late Tuesday keeps a rest day: Friday
        (date(2027, 1, 8), date(2027, 1, 11)),  # Friday → next Monday
    ],
)
def test_during_the_rest_day_weeks_a_rest_day_separates_sessions(
    last_walked: date, expected: date
) -> None:
    plan = Prescription("default", 3, MONDAY)

    assert next_session_date(plan.start, plan.sessions_per_week, 4, last_walked) == expected


def test_after_the_rest_day_weeks_the_next_slot_may_be_the_next_day() -> None:
    plan = Prescription("default", 5, MONDAY)
    tuesday_week_six = date(2027, 2, 9)

    following = next_session_date(plan.start, plan.sessions_per_week, 4, tuesday_week_six)

    assert following == date(2027, 2, 10)


def test_during_the_rest_day_weeks_at_most_three_sessions_fall_in_a_week() -> None:
    plan = Prescription("default", 5, MONDAY)
    days, last = [], None
    for _ in range(6):
        last = next_session_date(plan.start, plan.sessions_per_week, 4, last)
        days.append(last)

    assert days[:3] == [MONDAY, date(2027, 1, 6), date(2027, 1, 8)]
    assert days[3] == date(2027, 1, 11)
