"""The safety envelope on its own: the ceiling, the grid, and one command at a time."""

from __future__ import annotations

import pytest

from retrowalk.devices.ftms_control import SetTargetInclination, SetTargetSpeed
from retrowalk.devices.ftms_features import SpeedRange
from retrowalk.devices.safety import (
    Ceiling,
    Envelope,
    Reading,
    Sent,
    after_command,
    speed_ceiling,
)
from retrowalk.domain.equipment import Grid
from retrowalk.domain.units import Speed

# Exact by definition (1 mile = 1609.344 m); written out, never imported from the code under test.
KM_PER_MILE = 1.609344

KMH = 1.0


def belt(kmh: float, incline: float | None = None) -> Reading:
    return Reading(kmh, incline)


def envelope(ceiling_kmh: float = 4.0) -> Envelope:
    return Envelope(Grid(0.8, 12.0, 0.1), Grid(0.0, 15.0, 0.5), Ceiling(ceiling_kmh, "today's"))


def test_the_ceiling_is_the_lowest_of_the_walkers_the_protocols_and_the_treadmills():
    machine = SpeedRange(0.8, 12.0, 0.1)

    lowest = speed_ceiling([("the walker's limit", Speed.mph(1.5)), ("protocol", None)], machine)
    treadmill = speed_ceiling([("the walker's limit", Speed.kmh(20))], machine)

    assert lowest == Ceiling(1.5 * KM_PER_MILE, "the walker's limit")
    assert treadmill == Ceiling(12.0, "the treadmill's top speed")


def test_a_wanted_speed_goes_to_the_nearest_speed_on_the_treadmills_grid():
    assert envelope().speed_goal(0.5 * KM_PER_MILE, KMH) == 0.8  # 0.5 mph is 0.805 km/h
    assert envelope().speed_goal(0.6 * KM_PER_MILE, KMH) == 1.0  # 0.966 km/h


def test_a_wanted_speed_above_the_ceiling_is_lowered_to_the_grid_speed_under_it():
    assert envelope(ceiling_kmh=3.25).speed_goal(5.0, KMH) == 3.2


def test_while_the_unit_is_unknown_the_goal_is_safe_even_if_read_as_mph():
    goal = envelope(ceiling_kmh=3.2).speed_goal(3.2, None)

    assert goal is not None and goal * KM_PER_MILE <= 3.2


def test_no_goal_when_no_speed_of_the_grid_fits_under_the_ceiling():
    assert envelope(ceiling_kmh=1.0).speed_goal(1.0, None) is None  # 0.8 km/h read as mph: 1.29


def test_lowering_is_sent_at_once_even_just_after_a_raise():
    sent = Sent(speed=2.0, incline=0.0, raised_at=10.0)

    command = envelope().next_command(sent, 1.0, 0.0, KMH, now=10.5, may_raise=True)

    assert command == SetTargetSpeed(1.0)


def test_a_raise_waits_until_the_last_one_is_far_enough_behind():
    sent = Sent(speed=1.0, incline=0.0, raised_at=10.0)
    soon, later = 10.0 + 2.95, 10.0 + 3.0  # 3 s between raises (docs/devices.md)

    assert envelope().next_command(sent, 3.0, 0.0, KMH, soon, True, belt(1.0)) is None
    assert envelope().next_command(sent, 3.0, 0.0, KMH, later, True, belt(1.0)) == SetTargetSpeed(
        1.5
    )


def test_a_raise_is_held_while_the_belt_is_still_being_read_back():
    sent = Sent(speed=1.0, incline=0.0, raised_at=0.0)

    assert envelope().next_command(sent, 3.0, 0.0, KMH, 100.0, False, belt(1.0)) is None


def test_speed_goes_up_first_and_incline_only_at_a_later_raise():
    sent = Sent(speed=1.0, incline=0.0, raised_at=0.0)

    first = envelope().next_command(sent, 1.5, 2.0, KMH, 10.0, True, belt(1.0, 0.0))
    assert first == SetTargetSpeed(1.5)
    sent, _ = after_command(sent, first, 10.0)
    too_soon = envelope().next_command(sent, 1.5, 2.0, KMH, 11.0, True, belt(1.5, 0.0))
    second = envelope().next_command(sent, 1.5, 2.0, KMH, 13.0, True, belt(1.5, 0.0))

    assert too_soon is None
    assert second == SetTargetInclination(1.0)  # one percent at a time


def test_the_first_raise_after_a_start_counts_from_the_belts_slowest_speed():
    started = Sent(speed=None, incline=0.0, raised_at=0.0)

    command = envelope().next_command(started, 3.0, 0.0, KMH, 3.0, True, belt(0.8))

    assert command == SetTargetSpeed(1.3)


def test_after_a_raise_the_sent_values_and_the_raise_time_move_on_and_a_lowering_keeps_it():
    sent = Sent(speed=1.0, incline=2.0, raised_at=0.0)

    raised, read_back = after_command(sent, SetTargetSpeed(1.5), 5.0)
    lowered, _ = after_command(raised, SetTargetInclination(1.0), 6.0)

    assert (raised, read_back) == (Sent(1.5, 2.0, 5.0), 1.5)
    assert lowered == Sent(1.5, 1.0, 5.0)


@pytest.mark.parametrize("wanted", [0.3, 0.79])
def test_a_wanted_speed_below_the_grid_goes_to_the_slowest_speed(wanted):
    assert envelope().speed_goal(wanted, KMH) == 0.8


def test_a_ceiling_on_a_grid_speed_allows_that_speed():
    assert envelope(ceiling_kmh=3.2).speed_goal(5.0, KMH) == 3.2


def test_a_ceiling_a_rounding_error_under_a_grid_speed_still_allows_it():
    assert envelope(ceiling_kmh=3.2 - 1e-6).speed_goal(5.0, KMH) == 3.2


def test_while_the_unit_is_unknown_a_wanted_speed_is_read_in_km_h_as_ftms_says():
    assert envelope(ceiling_kmh=4.0).speed_goal(1.6, None) == 1.6
