"""The plan as a calendar (services/plan_calendar.py), on every store: the same UIDs for the same
sessions from fetch to fetch, a SEQUENCE that grows with every stored change that re-plans (and
with every day the sessions slide), never going down, and a DTSTAMP from stored data."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from retrowalk.domain.errors import InputError
from retrowalk.domain.reasons import describe_dose
from retrowalk.services.clock import FixedClock
from retrowalk.services.equipment_change import change_equipment, equipment_change_command
from retrowalk.services.log_edit import delete_log, edit_log, undo_last_change
from retrowalk.services.plan_calendar import CalendarPlan, calendar_plan
from retrowalk.services.profile_change import change_profile, profile_change_command
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.store.builders import KMH_TREADMILL, onboarded, walk


def _plan(backend: Backend, clock: FixedClock, walker_id: int, weeks: int = 2) -> CalendarPlan:
    return calendar_plan(walker_id, weeks, backend.uow, clock)


def _doses(plan: CalendarPlan) -> dict[int, str]:
    return {s.index: describe_dose(plan.programme, s.decision.dose) for s in plan.sessions}


def test_two_fetches_give_the_same_sessions_sequence_and_stamp(
    backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(backend, clock).walker
    first = _plan(backend, clock, walker.id)
    clock.current += timedelta(hours=3)  # later the same day, nothing written

    again = _plan(backend, clock, walker.id)

    assert [s.index for s in again.sessions] == [0, 1, 2, 3, 4, 5]
    assert again.uid_prefix == first.uid_prefix
    assert (
        (again.sequence, again.stamp)
        == (first.sequence, first.stamp)
        == (1000, clock.current - timedelta(hours=3))
    )
    assert again.sessions == first.sessions


def test_a_log_that_changes_the_plan_keeps_the_uids_with_a_higher_sequence_and_new_doses(
    backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(backend, clock).walker
    before = _plan(backend, clock, walker.id)

    walk(backend, clock, walker.id, 1, pain_during=6)  # over the limit: no step up for now
    after = _plan(backend, clock, walker.id)

    assert [s.index for s in after.sessions] == [1, 2, 3, 4, 5]  # the walked one is gone
    assert after.uid_prefix == before.uid_prefix
    assert after.sequence == 2000 > before.sequence
    assert _doses(before)[2] == "4 min at 0.5 mph, flat, both hands on the rails"
    assert _doses(after)[2] == "3 min at 0.5 mph, flat, both hands on the rails"
    assert after.stamp == clock.current  # the log's time


def test_every_change_that_re_plans_raises_the_sequence(
    backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(backend, clock).walker
    seen = [_plan(backend, clock, walker.id).sequence]
    logs = walk(backend, clock, walker.id, 3)
    seen.append(_plan(backend, clock, walker.id).sequence)
    edit_log(walker.id, logs[1].log.id, {"rpe": 6}, backend.uow(), clock)
    seen.append(_plan(backend, clock, walker.id).sequence)
    undo_last_change(walker.id, backend.uow(), clock)
    seen.append(_plan(backend, clock, walker.id).sequence)
    delete_log(walker.id, logs[2].log.id, backend.uow(), clock)
    seen.append(_plan(backend, clock, walker.id).sequence)
    change_profile(walker.id, profile_change_command({"weight_kg": 70}), backend.uow(), clock)
    seen.append(_plan(backend, clock, walker.id).sequence)
    command = equipment_change_command({"equipment": KMH_TREADMILL})
    change_equipment(walker.id, command, backend.uow(), clock)
    seen.append(_plan(backend, clock, walker.id).sequence)

    assert seen == [1000, 4000, 5000, 6000, 7000, 8000, 9000]


def test_the_stamp_is_the_latest_stored_change(backend: Backend, clock: FixedClock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 2)
    clock.current = datetime(2027, 1, 6, 19, 45, 10)

    change_profile(walker.id, profile_change_command({"weight_kg": 70}), backend.uow(), clock)

    assert _plan(backend, clock, walker.id).stamp == datetime(2027, 1, 6, 19, 45, 10)


def test_sessions_sliding_past_their_day_raise_the_sequence_each_day_and_a_log_raises_it_more(
    backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(backend, clock).walker  # the first walk is planned for 4 January
    on_the_day = _plan(backend, clock, walker.id)

    clock.current += timedelta(days=3)  # not walked: the plan now starts today, the 7th
    slid = _plan(backend, clock, walker.id)
    clock.current += timedelta(days=1)
    slid_more = _plan(backend, clock, walker.id)
    walk(backend, clock, walker.id, 1)
    logged = _plan(backend, clock, walker.id)

    assert [s.index for s in slid.sessions][:1] == [0]
    assert slid.sessions[0].on.isoformat() == "2027-01-07"
    assert (on_the_day.sequence, slid.sequence, slid_more.sequence) == (1000, 1003, 1004)
    assert slid.stamp == datetime(2027, 1, 7, 0, 0)
    assert logged.sequence == 2000 > slid_more.sequence


def test_a_red_flag_leaves_a_calendar_without_walks(backend: Backend, clock: FixedClock) -> None:
    walker = onboarded(backend, clock).walker
    change_profile(walker.id, profile_change_command({"locking": True}), backend.uow(), clock)

    plan = _plan(backend, clock, walker.id)

    assert plan.sessions == () and plan.sequence == 2000


@pytest.mark.parametrize("weeks", [0, 27, -1])
def test_weeks_outside_1_to_26_are_refused(backend: Backend, clock: FixedClock, weeks: int) -> None:
    walker = onboarded(backend, clock).walker

    with pytest.raises(InputError) as refused:
        _plan(backend, clock, walker.id, weeks)

    assert refused.value.field == "weeks" and "from 1 to 26" in str(refused.value)


@pytest.mark.parametrize("weeks", [1, 26])
def test_weeks_1_and_26_are_allowed(backend: Backend, clock: FixedClock, weeks: int) -> None:
    walker = onboarded(backend, clock).walker

    plan = _plan(backend, clock, walker.id, weeks)

    assert plan.sessions[-1].on < clock.today() + timedelta(weeks=weeks)
    assert plan.sessions[-1].on >= clock.today() + timedelta(weeks=weeks - 1)


def test_units_given_word_the_doses_in_them(backend: Backend, clock: FixedClock) -> None:
    from retrowalk.domain.units import UnitSystem

    walker = onboarded(backend, clock).walker

    plan = calendar_plan(walker.id, 1, backend.uow, clock, UnitSystem.METRIC)

    assert "0.8 km/h" in _doses(plan)[0]
    assert "0.5 mph" in _doses(_plan(backend, clock, walker.id))[0]  # the walker's own, kept
