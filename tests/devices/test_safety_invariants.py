"""The safety envelope's invariants, against any sequence of what the coach asks, what status
notifications claim (spurious, NaN, infinite) and what the belt reports (hypothesis).

Every bound here is written out, from PROTOCOL.md or docs/devices.md, never imported from the
module under test, so a wrong constant there fails these tests:
- a speed command is at most 0.5 km/h above the lower of the belt's reported speed and our last
  speed command (docs/devices.md, "Raises"); after a start the belt runs at its slowest;
- an incline command is at most 1 % above the lower of the reported incline and our last one
  (PROTOCOL.md §5: "+1 % per step");
- raises (of either kind) are at least 3 s apart, and only when the read-back allows
  (docs/devices.md, "Raises", "One change at a time");
- no speed above the ceiling, under both readings of the unit while it is unknown; 1 mph is
  1.609344 km/h exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from retrowalk.devices.ftms_control import SetTargetInclination, SetTargetSpeed
from retrowalk.devices.safety import Ceiling, Envelope, Reading, Sent, after_command
from retrowalk.domain.equipment import Grid
from retrowalk.domain.errors import SafetyLimitError
from tests.strategies import NOT_NUMBERS, claimed_values, envelope_events

MAX_SPEED_RAISE_KMH = 0.5
MAX_INCLINE_RAISE_PERCENT = 1.0
SECONDS_BETWEEN_RAISES = 3.0
KMH_PER_MPH = 1.609344
SLACK = 1e-6

units = st.sampled_from([1.0, KMH_PER_MPH, None])  # km/h, the mph quirk, not known yet


@st.composite
def envelopes(draw: st.DrawFn) -> Envelope:
    low = draw(st.sampled_from([0.5, 0.8, 1.0]))
    step = draw(st.sampled_from([0.1, 0.16, 0.5]))
    incline_step = draw(st.sampled_from([0.5, 1.0]))
    ceiling = draw(st.floats(0.3, 12.0))
    return Envelope(Grid(low, 12.0, step), Grid(0.0, 15.0, incline_step), Ceiling(ceiling, "top"))


def finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def lowest(ours: float, claimed: float | None) -> float:
    """What the treadmill was told or claimed to be heading for, whichever is lower."""
    claim = finite(claimed)
    return ours if claim is None else min(ours, claim)


@dataclass
class Walk:
    """The envelope's inputs as a controller would keep them, and the checks on its output."""

    envelope: Envelope
    unit: float | None
    now: float = 0.0
    sent: Sent = field(default_factory=lambda: Sent(None, 0.0, 0.0))  # started at 0
    reading: Reading = field(default_factory=Reading)
    wanted: tuple[float, float] = (1.0, 0.0)
    may_raise: bool = True
    last_raise: float = 0.0  # the start counts as a raise
    commands: list[object] = field(default_factory=list)

    def apply(self, event: tuple[object, ...]) -> None:
        match event:
            case ("want", float(kmh), float(incline)):
                self.wanted = (kmh, incline)
            case ("claim speed", float(value)):
                self.sent = replace(self.sent, claimed_speed=value)
            case ("claim incline", float(value)):
                self.sent = replace(self.sent, claimed_incline=value)
            case ("read", speed, incline):
                self.reading = Reading(speed, incline)  # type: ignore[arg-type]
            case ("wait", float(seconds)):
                self.now += seconds
            case ("hold", bool(may_raise)):
                self.may_raise = may_raise
            case ("follow", float(fraction), float(off)):
                speed = self.envelope.speeds.minimum if self.sent.speed is None else self.sent.speed
                incline = self.sent.incline or 0.0
                self.reading = Reading(speed * (self.unit or 1.0) * fraction, incline + off)
            case ("start", _):
                self.sent = Sent(None, self.sent.incline, self.now)
                self.last_raise = self.now

    def decide(self) -> None:
        kmh, incline = self.wanted
        command = self.envelope.next_command(
            self.sent, kmh, incline, self.unit, self.now, self.may_raise, self.reading
        )
        if command is None:
            return
        if isinstance(command, SetTargetSpeed):
            self.check_speed(command.speed_kmh)
        else:
            assert isinstance(command, SetTargetInclination)
            self.check_incline(command.inclination_percent)
        self.commands.append(command)
        self.sent, _ = after_command(self.sent, command, self.now)

    def check_speed(self, value: float) -> None:
        grid, sent = self.envelope.speeds, self.sent
        assert grid.contains(value)
        worst = self.unit or KMH_PER_MPH
        assert value * worst <= self.envelope.ceiling.kmh + SLACK
        ours = (
            grid.minimum if sent.speed is None else sent.speed
        )  # the belt's slowest after a start
        belt = finite(self.reading.speed_kmh)
        if value > grid.minimum + SLACK:
            if belt is None:
                assert value <= ours + SLACK, "raised above our own speed without a reading"
            elif self.unit is not None:
                rise = value * self.unit - min(belt, ours * self.unit)
                assert rise <= MAX_SPEED_RAISE_KMH + SLACK
            else:  # both readings: the belt's number taken as the parameter, either unit
                assert (value - min(belt, ours)) * KMH_PER_MPH <= MAX_SPEED_RAISE_KMH + SLACK
        if value > lowest(ours, sent.claimed_speed) + SLACK:
            self.check_raise_allowed()

    def check_incline(self, value: float) -> None:
        grid, sent = self.envelope.inclines, self.sent
        assert grid is not None and grid.contains(value)
        ours = 0.0 if sent.incline is None else sent.incline
        deck = finite(self.reading.incline_percent)
        base = ours if deck is None else min(ours, deck)
        if value > grid.minimum + SLACK:  # nothing lower than the lowest can be sent
            assert value - base <= MAX_INCLINE_RAISE_PERCENT + SLACK
        if value > lowest(ours, sent.claimed_incline) + SLACK:
            self.check_raise_allowed()

    def check_raise_allowed(self) -> None:
        assert self.may_raise, "raised while the read-back holds raises"
        assert finite(self.reading.speed_kmh) is not None, "raised before the belt was read"
        assert self.now - self.last_raise >= SECONDS_BETWEEN_RAISES - SLACK
        self.last_raise = self.now


@given(envelopes(), units, envelope_events())
def test_no_command_breaks_the_raise_ceiling_grid_and_spacing_rules(envelope, unit, events):
    """Whatever is claimed or reported, each command keeps every rule of the envelope."""
    walk = Walk(envelope, unit)

    for event in events:
        walk.apply(event)
        walk.decide()


@given(
    envelopes(),
    units,
    st.one_of(st.none(), st.floats(0.5, 6.0)),
    st.floats(0, 8),
    st.floats(0, 15),
    claimed_values,
    st.booleans(),
    st.floats(0, 10),
)
def test_a_status_claim_never_makes_a_bigger_speed_step_allowed(
    envelope, unit, ours, belt, kmh, claim, may_raise, since_raise
):
    """From any state, adding a claimed target (spurious, huge, NaN) gives no higher speed."""
    sent = Sent(ours, 0.0, 0.0)
    reading, now = Reading(belt, 0.0), since_raise

    plain = envelope.next_command(sent, kmh, 0.0, unit, now, may_raise, reading)
    claimed = replace(sent, claimed_speed=claim)
    with_claim = envelope.next_command(claimed, kmh, 0.0, unit, now, may_raise, reading)

    if isinstance(with_claim, SetTargetSpeed):
        before = envelope.speeds.minimum if ours is None else ours
        allowed = plain.speed_kmh if isinstance(plain, SetTargetSpeed) else before
        assert with_claim.speed_kmh <= max(allowed, before) + SLACK


@given(
    envelopes(),
    units,
    st.one_of(NOT_NUMBERS.map(lambda v: (v, 0.0)), NOT_NUMBERS.map(lambda v: (1.0, v))),
)
def test_a_target_that_is_not_a_finite_number_is_refused(envelope, unit, wanted):
    """NaN and infinite speeds and inclines never reach a command: the envelope refuses them."""
    kmh, incline = wanted

    with pytest.raises(SafetyLimitError, match="must be a finite number"):
        envelope.next_command(Sent(1.0, 0.0, 0.0), kmh, incline, unit, 100.0, True, Reading(1.0))


@given(envelopes(), st.sampled_from([1.0, KMH_PER_MPH]), st.floats(0.5, 12.0))
def test_a_belt_that_follows_reaches_the_goal_one_limited_raise_at_a_time(envelope, unit, kmh):
    """With a belt that does what it is told, the wanted speed (under the ceiling) is reached."""
    assume(envelope.speeds.step * unit <= MAX_SPEED_RAISE_KMH + SLACK)  # else no raise fits
    walk = Walk(envelope, unit)
    goal = envelope.speed_goal(kmh, unit)

    for _ in range(200):
        belt = walk.envelope.speeds.minimum if walk.sent.speed is None else walk.sent.speed
        walk.apply(("read", belt * unit, 0.0))
        walk.apply(("want", kmh, 0.0))
        walk.decide()
        walk.apply(("wait", SECONDS_BETWEEN_RAISES))

    assert goal is None or walk.sent.speed == pytest.approx(goal)
