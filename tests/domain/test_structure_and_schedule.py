"""Sets that add up to the day's minutes, and session days with rest days between them."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrowalk.domain.schedule import session_dates, week_offsets
from retrowalk.domain.structure import split_into_sets


@pytest.mark.parametrize(
    ("minutes", "sets"),
    [(3, (3.0,)), (5, (5.0,)), (7, (4.0, 3.0)), (10, (5.0, 5.0)), (11, (4.0, 4.0, 3.0))],
)
def test_minutes_split_into_sets_of_at_most_five_longest_first(minutes, sets):
    assert split_into_sets(minutes, 5) == sets


@given(st.integers(1, 120), st.sampled_from([3, 5, 10]))
def test_sets_always_add_up_to_the_days_minutes(minutes, longest):
    sets = split_into_sets(minutes, longest)

    assert sum(sets) == minutes
    assert max(sets) <= longest
    assert max(sets) - min(sets) <= 1


def test_no_minutes_means_no_sets():
    assert split_into_sets(0, 5) == ()


def test_three_sessions_a_week_fall_on_alternate_days():
    assert week_offsets(3) == (0, 2, 4)


def test_the_first_weeks_keep_a_rest_day_between_sessions_whatever_was_asked():
    dates = session_dates(date(2027, 1, 4), weeks=6, sessions_per_week=5, rest_day_weeks=4)

    early = [d for d in dates if d < date(2027, 2, 1)]
    gaps = [(b - a).days for a, b in itertools.pairwise(early)]
    assert min(gaps) >= 2
    assert len(dates) == 4 * 3 + 2 * 5


@given(st.integers(1, 7), st.integers(1, 20))
def test_every_week_holds_the_sessions_asked_for_once_rest_days_are_over(per_week, weeks):
    dates = session_dates(date(2027, 1, 4), weeks, per_week, rest_day_weeks=0)

    assert len(dates) == per_week * weeks
    assert dates == sorted(set(dates))
