"""What a raise is measured from: our last command, the belt's reported speed and incline, and
what a status claimed, whichever is lowest; and targets that are not numbers, refused."""

from __future__ import annotations

import math

import pytest

from retrowalk.devices.ftms_control import SetTargetInclination, SetTargetSpeed
from retrowalk.devices.ftms_features import SpeedRange
from retrowalk.devices.safety import (
    Ceiling,
    Envelope,
    Reading,
    Sent,
    after_command,
    below_running,
    refuse_non_finite,
    speed_ceiling,
)
from retrowalk.domain.equipment import Grid
from retrowalk.domain.errors import SafetyLimitError
from retrowalk.domain.units import Speed, SpeedUnit

# Exact by definition (1 mile = 1609.344 m); written out, never imported from the code under test.
KM_PER_MILE = 1.609344

KMH, MPH = 1.0, KM_PER_MILE
LATER = 100.0  # long after the last raise


def envelope(ceiling_kmh: float = 6.0) -> Envelope:
    return Envelope(Grid(0.5, 12.0, 0.1), Grid(0.0, 15.0, 0.5), Ceiling(ceiling_kmh, "today's"))


def next_command(
    sent: Sent, kmh: float, incline: float, reading: Reading, unit: float | None = KMH
):
    return envelope().next_command(sent, kmh, incline, unit, LATER, True, reading)


def test_a_spurious_target_speed_claim_does_not_lift_the_base_of_the_next_raise():
    # The incident: belt and command at 1.0 km/h, a status claiming 4.11, a wish for 5.
    sent = Sent(speed=1.0, incline=0.0, raised_at=0.0, claimed_speed=4.11)

    first = next_command(sent, 5.0, 0.0, Reading(1.0, 0.0))
    sent, _ = after_command(sent, first, LATER)
    second = envelope().next_command(sent, 5.0, 0.0, KMH, LATER + 3, True, Reading(1.0, 0.0))

    assert first == SetTargetSpeed(1.0)  # the claimed target is brought back to ours at once
    assert second == SetTargetSpeed(1.5)  # then one raise from the belt's 1.0


def test_a_claim_above_the_goal_is_brought_down_to_our_last_speed_at_once():
    sent = Sent(speed=2.0, incline=0.0, raised_at=LATER, claimed_speed=4.0)

    command = envelope().next_command(sent, 2.0, 0.0, KMH, LATER, False, Reading(2.5, 0.0))

    assert command == SetTargetSpeed(2.0)


def test_a_raise_is_measured_from_the_belt_when_it_reports_less_than_we_sent():
    sent = Sent(speed=2.0, incline=0.0, raised_at=0.0)

    command = next_command(sent, 4.0, 0.0, Reading(1.9, 0.0))

    assert command == SetTargetSpeed(2.4)


def test_a_lowering_is_held_to_one_raise_above_a_belt_that_reports_far_less():
    sent = Sent(speed=3.0, incline=0.0, raised_at=LATER)

    command = envelope().next_command(sent, 2.5, 0.0, KMH, LATER, False, Reading(1.0, 0.0))

    assert command == SetTargetSpeed(1.5)


def test_our_own_standing_speed_is_not_lowered_for_a_belt_that_reads_a_little_low():
    sent = Sent(speed=1.5, incline=0.0, raised_at=LATER)  # raised from a belt at 1.0

    command = envelope().next_command(sent, 3.0, 0.0, KMH, LATER + 1, True, Reading(0.98, 0.0))

    assert command is None  # no stutter: 1.5 stands, and nothing goes up from 0.98 + 0.5


def test_a_claim_below_our_speed_lowers_the_base():
    sent = Sent(speed=2.0, incline=0.0, raised_at=0.0, claimed_speed=1.0)

    command = next_command(sent, 3.0, 0.0, Reading(2.0, 0.0))

    assert command == SetTargetSpeed(1.5)


def test_a_raise_after_a_claim_of_a_lower_speed_counts_as_a_raise():
    sent = Sent(speed=2.0, incline=0.0, raised_at=0.0, claimed_speed=1.0)

    after, _ = after_command(sent, SetTargetSpeed(1.5), 50.0)

    assert after == Sent(1.5, 0.0, 50.0)


def test_the_belt_read_as_km_h_is_turned_into_the_mph_parameter_before_the_raise():
    sent = Sent(speed=1.0, incline=0.0, raised_at=0.0)  # 1.0 mph asked, the belt at 1.61 km/h

    command = next_command(sent, 2.5, 0.0, Reading(1.0 * MPH, 0.0), unit=MPH)

    assert command == SetTargetSpeed(1.3)  # 1.0 + 0.5 km/h in mph (0.31), on the grid


def test_nothing_goes_up_before_the_belt_has_been_read():
    started = Sent(speed=1.0, incline=0.0, raised_at=0.0)

    assert next_command(started, 3.0, 2.0, Reading(None, None)) is None
    assert next_command(started, 3.0, 2.0, Reading(math.nan, 0.0)) is None
    assert next_command(started, 3.0, 2.0, Reading(math.inf, 0.0)) is None


def test_a_lowering_goes_at_once_even_before_the_belt_has_been_read():
    sent = Sent(speed=2.0, incline=3.0, raised_at=LATER)

    assert next_command(sent, 1.0, 3.0, Reading(None, None)) == SetTargetSpeed(1.0)
    assert next_command(sent, 2.0, 1.0, Reading(None, None)) == SetTargetInclination(1.0)


def test_the_first_setting_after_a_start_waits_for_a_reading_of_the_belt():
    started = Sent(speed=None, incline=0.0, raised_at=0.0)

    assert next_command(started, 0.5, 0.0, Reading(None, None)) is None
    assert next_command(started, 0.5, 0.0, Reading(0.5, None)) == SetTargetSpeed(0.5)


def test_a_spurious_incline_claim_does_not_lift_the_base_of_the_next_incline_raise():
    sent = Sent(speed=1.0, incline=1.0, raised_at=0.0, claimed_incline=9.0)

    first = next_command(sent, 1.0, 12.0, Reading(1.0, 1.0))
    sent, _ = after_command(sent, first, LATER)
    second = envelope().next_command(sent, 1.0, 12.0, KMH, LATER + 3, True, Reading(1.0, 1.0))

    assert first == SetTargetInclination(1.0)
    assert second == SetTargetInclination(2.0)


def test_an_incline_raise_is_measured_from_a_deck_that_reports_less():
    sent = Sent(speed=1.0, incline=3.0, raised_at=0.0)

    assert next_command(sent, 1.0, 6.0, Reading(1.0, 2.5)) == SetTargetInclination(3.5)
    assert next_command(sent, 1.0, 6.0, Reading(1.0, 1.0)) is None  # 1 + 1 is below the 3 sent
    assert next_command(sent, 1.0, 2.5, Reading(1.0, 1.0)) == SetTargetInclination(2.0)


def test_an_incline_the_treadmill_does_not_report_leaves_our_own_as_the_base():
    sent = Sent(speed=1.0, incline=3.0, raised_at=0.0)

    assert next_command(sent, 1.0, 6.0, Reading(1.0, None)) == SetTargetInclination(4.0)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_target_speed_that_is_not_a_finite_number_is_refused_by_the_envelope(value):
    with pytest.raises(SafetyLimitError, match=r"target speed of .* must be a finite number"):
        next_command(Sent(1.0, 0.0, 0.0), value, 0.0, Reading(1.0, 0.0))


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_target_incline_that_is_not_a_finite_number_is_refused_by_the_envelope(value):
    with pytest.raises(SafetyLimitError, match=r"target incline of .* must be a finite number"):
        next_command(Sent(1.0, 0.0, 0.0), 1.0, value, Reading(1.0, 0.0))


def test_finite_targets_pass_the_check():
    refuse_non_finite("speed", 0.0, "km/h")
    refuse_non_finite("speed", -1e300, "km/h")


@pytest.mark.parametrize("value", [math.nan, math.inf, -1.0])
def test_a_speed_limit_that_is_not_a_finite_speed_is_refused(value):
    with pytest.raises(SafetyLimitError, match="not a speed limit"):
        speed_ceiling([("today's top speed", Speed.kmh(value))], SpeedRange(0.5, 12.0, 0.1))


def test_a_limit_of_zero_is_a_ceiling():
    ceiling = speed_ceiling([("today's top speed", Speed.kmh(0.0))], SpeedRange(0.5, 12.0, 0.1))

    assert ceiling == Ceiling(0.0, "today's top speed")


def test_an_incline_raise_from_a_deck_just_under_a_step_stops_at_one_percent_above_it():
    sent = Sent(speed=1.0, incline=1.0, raised_at=0.0)

    command = next_command(sent, 1.0, 6.0, Reading(1.0, 0.95))

    assert command == SetTargetInclination(1.5)  # 2.0 would be 1.05 % above the deck


def test_the_walking_limit_is_one_ftms_hundredth_of_a_kmh_under_3_5_mph():
    name, limit = below_running(3.5)

    assert name == "the protocol's walking limit"
    assert limit.in_unit(SpeedUnit.KMH) == pytest.approx(3.5 * 1.609344 - 0.01)


def test_while_the_unit_is_unknown_a_slower_belt_is_read_in_km_h_for_the_base():
    sent = Sent(speed=1.0, incline=0.0, raised_at=0.0)

    command = next_command(sent, 3.0, 0.0, Reading(0.95, 0.0), unit=None)

    assert command == SetTargetSpeed(1.2)  # 0.95 + 0.5 km/h read as mph (0.31), on the grid


def test_with_the_mph_quirk_a_belt_slower_than_told_is_turned_into_mph_for_the_base():
    sent = Sent(speed=1.0, incline=0.0, raised_at=0.0)  # 1.0 mph asked, the belt at 1.3 km/h

    command = next_command(sent, 2.5, 0.0, Reading(1.3, 0.0), unit=MPH)

    assert command == SetTargetSpeed(1.1)  # (1.3 + 0.5) km/h is 1.12 mph


def fine_inclines() -> Envelope:
    return Envelope(Grid(0.5, 12.0, 0.1), Grid(0.0, 15.0, 0.1), Ceiling(6.0, "today's"))


def test_an_incline_never_known_counts_as_flat_for_the_first_raise():
    sent = Sent(speed=1.0, incline=None, raised_at=0.0)

    command = fine_inclines().next_command(sent, 1.0, 3.0, KMH, LATER, True, Reading(1.0, None))

    assert command == SetTargetInclination(1.0)


def test_a_claimed_incline_over_an_incline_never_known_is_brought_down_to_flat():
    sent = Sent(speed=1.0, incline=None, raised_at=0.0, claimed_incline=9.0)

    command = fine_inclines().next_command(sent, 1.0, 5.0, KMH, LATER, True, Reading(1.0, None))

    assert command == SetTargetInclination(0.0)


def test_a_claim_within_a_rounding_error_of_our_speed_sends_nothing():
    sent = Sent(speed=1.5, incline=0.0, raised_at=0.0, claimed_speed=1.5 + 1e-6)

    assert next_command(sent, 1.5, 0.0, Reading(1.5, 0.0)) is None


def test_a_claim_a_rounding_error_under_our_speed_sends_nothing():
    sent = Sent(speed=1.5, incline=0.0, raised_at=0.0, claimed_speed=1.5 - 1e-6)

    assert next_command(sent, 1.5, 0.0, Reading(1.5, 0.0)) is None


def test_undoing_a_claimed_speed_with_our_own_is_not_a_raise_so_the_next_raise_is_not_held():
    sent = Sent(speed=1.0, incline=0.0, raised_at=0.0, claimed_speed=4.0)

    undone, _ = after_command(sent, SetTargetSpeed(1.0), LATER)
    raised = envelope().next_command(undone, 2.0, 0.0, KMH, LATER + 0.5, True, Reading(1.0, 0.0))

    assert undone.raised_at == 0.0
    assert raised == SetTargetSpeed(1.5)


def test_undoing_a_claimed_incline_with_our_own_is_not_a_raise():
    sent = Sent(speed=1.0, incline=2.0, raised_at=0.0, claimed_incline=9.0)

    undone, _ = after_command(sent, SetTargetInclination(2.0), LATER)

    assert undone.raised_at == 0.0


def test_our_own_speed_at_the_wish_is_not_lowered_for_a_belt_that_reads_a_little_low():
    sent = Sent(speed=1.5, incline=0.0, raised_at=LATER)

    command = envelope().next_command(sent, 1.5, 0.0, KMH, LATER + 1, True, Reading(0.98, 0.0))

    assert command is None
