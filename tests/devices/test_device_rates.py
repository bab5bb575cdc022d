"""One example per rate of the device layer's raise rule, at its boundary (docs/devices.md,
"Raises"): every number is written out here, never imported from devices/safety.py, so a wrong
constant there fails one of these by name."""

from __future__ import annotations

from retrowalk.devices.ftms_control import SetTargetInclination, SetTargetSpeed
from retrowalk.devices.safety import Ceiling, Envelope, Reading, Sent, after_command, below_running
from retrowalk.domain.equipment import Grid
from retrowalk.domain.units import SpeedUnit

# docs/devices.md, "Raises": at most 0.5 km/h and 1 % per raise, at least 3 s between any two
# raises of either kind (a start counts as one).
SPEED_RAISE_KMH = 0.5
INCLINE_RAISE_PERCENT = 1.0
SECONDS_BETWEEN_RAISES = 3.0
KMH = 1.0  # the speed parameter read as km/h, as FTMS says
KM_PER_MILE = 1.609344  # exact by definition
# The 0.05 km/h grid lets any raise smaller than the rule's show; the ceiling is far away.
ENVELOPE = Envelope(Grid(0.5, 12.0, 0.05), Grid(0.0, 15.0, 0.5), Ceiling(10.0, "today's"))


def _next(sent: Sent, kmh: float, incline: float, now: float, belt: Reading) -> object:
    return ENVELOPE.next_command(sent, kmh, incline, KMH, now, True, belt)


def test_the_pause_between_raises_is_three_seconds() -> None:
    sent = Sent(speed=1.0, incline=0.0, raised_at=100.0)
    belt = Reading(1.0, 0.0)

    assert _next(sent, 5.0, 0.0, 100.0 + SECONDS_BETWEEN_RAISES - 0.01, belt) is None
    assert _next(sent, 5.0, 0.0, 100.0 + SECONDS_BETWEEN_RAISES, belt) == SetTargetSpeed(1.5)


def test_the_pause_holds_an_incline_raise_after_a_speed_raise() -> None:
    sent, _ = after_command(Sent(speed=1.0, incline=0.0, raised_at=0.0), SetTargetSpeed(1.5), 50.0)
    belt = Reading(1.5, 0.0)

    assert _next(sent, 1.5, 3.0, 50.0 + SECONDS_BETWEEN_RAISES - 0.01, belt) is None
    assert _next(sent, 1.5, 3.0, 50.0 + SECONDS_BETWEEN_RAISES, belt) == SetTargetInclination(1.0)


def test_a_start_counts_as_a_raise() -> None:
    started = Sent(speed=None, incline=0.0, raised_at=20.0)
    belt = Reading(0.5, 0.0)

    assert _next(started, 3.0, 0.0, 20.0 + SECONDS_BETWEEN_RAISES - 0.01, belt) is None
    assert _next(started, 3.0, 0.0, 20.0 + SECONDS_BETWEEN_RAISES, belt) == SetTargetSpeed(1.0)


def test_the_largest_speed_raise_is_half_a_kmh() -> None:
    sent = Sent(speed=1.0, incline=0.0, raised_at=0.0)
    belt = Reading(1.0, 0.0)

    assert _next(sent, 1.0 + SPEED_RAISE_KMH, 0.0, 10.0, belt) == SetTargetSpeed(1.5)
    assert _next(sent, 1.0 + SPEED_RAISE_KMH + 0.05, 0.0, 10.0, belt) == SetTargetSpeed(1.5)
    assert _next(sent, 9.0, 0.0, 10.0, belt) == SetTargetSpeed(1.5)


def test_the_largest_speed_raise_in_mph_is_half_a_kmh_too() -> None:
    """On a belt whose speed parameter means mph, half a km/h is 0.31 mph: one 0.3 step."""
    mph_belt = Envelope(Grid(0.5, 8.0, 0.1), None, Ceiling(10.0, "today's"))
    sent = Sent(speed=1.0, incline=0.0, raised_at=0.0)
    reading = Reading(1.0 * KM_PER_MILE)

    command = mph_belt.next_command(sent, 9.0, 0.0, KM_PER_MILE, 10.0, True, reading)

    assert command == SetTargetSpeed(1.3)


def test_the_largest_incline_raise_is_one_percent() -> None:
    sent = Sent(speed=1.5, incline=2.0, raised_at=0.0)
    belt = Reading(1.5, 2.0)

    assert _next(sent, 1.5, 2.0 + INCLINE_RAISE_PERCENT, 10.0, belt) == SetTargetInclination(3.0)
    assert _next(sent, 1.5, 2.0 + INCLINE_RAISE_PERCENT + 0.5, 10.0, belt) == (
        SetTargetInclination(3.0)
    )


def test_a_raise_is_measured_from_the_lower_of_the_command_and_the_belt() -> None:
    sent = Sent(speed=1.5, incline=0.0, raised_at=0.0)

    assert _next(sent, 9.0, 0.0, 10.0, Reading(1.0, 0.0)) is None  # the belt still at 1.0
    assert _next(sent, 9.0, 0.0, 10.0, Reading(1.5, 0.0)) == SetTargetSpeed(2.0)


def test_lowering_is_never_held_by_the_pause() -> None:
    sent = Sent(speed=3.0, incline=4.0, raised_at=100.0)
    belt = Reading(3.0, 4.0)

    assert _next(sent, 1.0, 4.0, 100.0, belt) == SetTargetSpeed(1.0)
    assert _next(Sent(1.0, 4.0, 100.0), 1.0, 0.0, 100.0, belt) == SetTargetInclination(0.0)


def test_the_walking_limit_is_one_wire_step_under_it() -> None:
    """PROTOCOL.md §5: no walking prescription reaches 3.5 mph; FTMS speeds are hundredths of
    a km/h, so the limit is 3.5 mph (5.632704 km/h) less 0.01 km/h."""
    name, speed = below_running(3.5)

    assert name == "the protocol's walking limit"
    assert abs(speed.in_unit(SpeedUnit.KMH) - (3.5 * KM_PER_MILE - 0.01)) < 1e-9
