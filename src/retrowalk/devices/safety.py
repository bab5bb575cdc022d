"""Safety in the device layer: the speed ceiling, the treadmill's grids, and how fast a command
may raise the belt. Pure functions of numbers; the controller decides when to call them.

Every speed sent is on the treadmill's own grid and at or below the ceiling (the lowest of the
walker's and the protocol's limits and the treadmill's top speed). Lowering is never delayed;
raising goes one limited step at a time, with a pause between raises of either kind, so speed
and incline are never raised in one command pair.

A raise is measured from the lowest of what we last commanded, what the belt last reported and
what a status last claimed the target became: a status notification (a console button, another
app, or a spurious one) can lower that base, never lift it. A target that is not a finite number
is refused here, whoever asked for it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace

from retrowalk.devices.ftms_control import SetTargetInclination, SetTargetSpeed
from retrowalk.devices.ftms_features import InclinationRange, SpeedRange
from retrowalk.domain.equipment import Grid
from retrowalk.domain.errors import SafetyLimitError
from retrowalk.domain.units import KM_PER_MILE, Speed, SpeedUnit

# A backward walker feels a belt change late. Half a km/h takes a belt from its slowest to a
# beginner's 0.5-1.0 mph in one step, while a 3 mph start becomes a ramp of several steps.
SPEED_RAISE_KMH = 0.5
# The protocol's own incline step.
INCLINE_RAISE_PERCENT = 1.0
# Long enough for the belt to reach the last step and for two Treadmill Data notifications
# (about one a second) to show it did, before anything goes up again.
SECONDS_BETWEEN_RAISES = 3.0
# Float slack when comparing values on a grid of hundredths.
_EPSILON = 1e-6
# FTMS carries speeds in hundredths of a km/h: one hundredth under a limit is below it on the wire.
_WIRE_STEP_KMH = 0.01

SpeedCommand = SetTargetSpeed | SetTargetInclination


@dataclass(frozen=True, slots=True)
class Ceiling:
    kmh: float
    set_by: str


def speed_ceiling(limits: Iterable[tuple[str, Speed | None]], speeds: SpeedRange) -> Ceiling:
    """The lowest of the named limits and the treadmill's top speed, in km/h."""
    candidates = [Ceiling(speeds.maximum_kmh, "the treadmill's top speed")]
    candidates += [
        Ceiling(limit.in_unit(SpeedUnit.KMH), name) for name, limit in limits if limit is not None
    ]
    for candidate in candidates:
        if not (math.isfinite(candidate.kmh) and candidate.kmh >= 0):
            raise SafetyLimitError(
                f"{candidate.set_by} of {candidate.kmh} km/h is not a speed limit: "
                "a limit must be a finite number of km/h, 0 or more"
            )
    return min(candidates, key=lambda ceiling: ceiling.kmh)


def below_running(walking_limit_mph: float) -> tuple[str, Speed]:
    """The protocol's walking limit as a named limit just under it: no walking prescription
    reaches it (backward walking turns into running there), whatever today's limits say."""
    kmh = Speed.mph(walking_limit_mph).in_unit(SpeedUnit.KMH) - _WIRE_STEP_KMH
    return "the protocol's walking limit", Speed.kmh(kmh)


def refuse_non_finite(what: str, value: float, unit: str) -> None:
    """Raise `SafetyLimitError` unless `value` is a finite number (not NaN, not infinite)."""
    if not math.isfinite(value):
        raise SafetyLimitError(
            f"a target {what} of {value} {unit} cannot be sent: it must be a finite number"
        )


def grid_of(machine: SpeedRange | InclinationRange) -> Grid:
    if isinstance(machine, SpeedRange):
        return Grid(machine.minimum_kmh, machine.maximum_kmh, machine.increment_kmh)
    return Grid(machine.minimum_percent, machine.maximum_percent, machine.increment_percent)


def nearest(grid: Grid, value: float) -> float:
    return grid.value_at(round((value - grid.minimum) / grid.step))


@dataclass(frozen=True, slots=True)
class Sent:
    """What we last told the treadmill (speed in its own unit, incline in %), when anything last
    went up (a start counts), and what a status notification has claimed a target became since
    our last command (`claimed_*`: a console button, another app, or a spurious notification).
    `speed` is None after a start, when the belt runs at its slowest."""

    speed: float | None = None
    incline: float | None = None
    raised_at: float | None = None
    claimed_speed: float | None = None
    claimed_incline: float | None = None

    @property
    def target_speed(self) -> float | None:
        """The treadmill's speed target as last heard: a claim since our command, or ours."""
        claimed = _finite(self.claimed_speed)
        return self.speed if claimed is None else claimed

    @property
    def target_incline(self) -> float | None:
        claimed = _finite(self.claimed_incline)
        return self.incline if claimed is None else claimed


@dataclass(frozen=True, slots=True)
class Reading:
    """The belt as it last reported itself in Treadmill Data: speed in true km/h (None before
    the first reading), incline in % (None when the treadmill does not report it)."""

    speed_kmh: float | None = None
    incline_percent: float | None = None


NO_READING = Reading()


def _lowest(first: float, *others: float | None) -> float:
    """The lowest of `first` and those of `others` that are numbers (None, NaN and infinities
    say nothing)."""
    numbers = [value for value in others if value is not None and math.isfinite(value)]
    return min([first, *numbers])


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


@dataclass(frozen=True, slots=True)
class Envelope:
    """The speeds and inclines a command may carry on this treadmill, today.

    `kmh_per_unit` is what one unit of the speed parameter means on this belt: 1 (km/h, as the
    specification says), 1.609344 (the mph quirk), or None while not yet known, when a command
    must be safe under both readings.
    """

    speeds: Grid
    inclines: Grid | None
    ceiling: Ceiling

    def speed_goal(self, wanted_kmh: float, kmh_per_unit: float | None) -> float | None:
        """The grid speed nearest to `wanted_kmh`, lowered to fit under the ceiling; None when
        no speed of the grid does."""
        refuse_non_finite("speed", wanted_kmh, "km/h")
        worst = kmh_per_unit or KM_PER_MILE
        highest = self.speeds.floor(self.ceiling.kmh / worst + _EPSILON)
        if highest * worst > self.ceiling.kmh + _EPSILON:
            return None
        return min(nearest(self.speeds, wanted_kmh / (kmh_per_unit or 1.0)), highest)

    def incline_goal(self, wanted_percent: float) -> float | None:
        refuse_non_finite("incline", wanted_percent, "%")
        return None if self.inclines is None else nearest(self.inclines, wanted_percent)

    def speed_base(self, sent: Sent, belt: Reading, kmh_per_unit: float | None) -> float | None:
        """The lowest of our last speed (the belt's slowest after a start), a claimed target and
        the belt's reported speed, in the speed parameter's unit; None when the belt has not
        been read (nothing goes up then). Until the unit is known the reading is taken in km/h,
        as FTMS says: the reading is what finds the unit out."""
        reading = _finite(belt.speed_kmh)
        if reading is None:
            return None
        return _lowest(self._our_speed(sent), sent.claimed_speed, reading / (kmh_per_unit or 1.0))

    def incline_base(self, sent: Sent, belt: Reading) -> float:
        """The lowest of our last incline (flat when unknown), a claimed target and the belt's
        reported incline, when it reports one."""
        ours = 0.0 if sent.incline is None else sent.incline
        return _lowest(ours, sent.claimed_incline, _finite(belt.incline_percent))

    def next_command(
        self,
        sent: Sent,
        wanted_kmh: float,
        wanted_incline: float,
        kmh_per_unit: float | None,
        now: float,
        may_raise: bool,
        belt: Reading = NO_READING,
    ) -> SpeedCommand | None:
        """The one command to send now on the way to the wanted setting, if any: a lowering at
        once; a raise (or the first setting after a start) only when `may_raise`, the last
        raise is far enough behind and the belt has been read."""
        speed = self.speed_goal(wanted_kmh, kmh_per_unit)
        incline = self.incline_goal(wanted_incline)
        speed_to = self._speed_step(sent, speed, belt, kmh_per_unit)
        incline_to = self._incline_step(incline, self.incline_base(sent, belt))
        claimed = _finite(sent.claimed_speed) is not None
        lowered = _lowering(self._our_speed(sent), sent.target_speed, claimed, speed, speed_to)
        if lowered is not None:
            return SetTargetSpeed(lowered)
        our_incline = 0.0 if sent.incline is None else sent.incline
        claimed = _finite(sent.claimed_incline) is not None
        lowered = _lowering(our_incline, sent.target_incline, claimed, incline, incline_to)
        if lowered is not None:
            return SetTargetInclination(lowered)
        resting = sent.raised_at is not None and now - sent.raised_at < SECONDS_BETWEEN_RAISES
        if not may_raise or resting or _finite(belt.speed_kmh) is None:
            return None
        raised = _raising(sent.target_speed, speed_to)
        if raised is not None:
            return SetTargetSpeed(raised)
        raised = _raising(sent.target_incline, incline_to)
        return None if raised is None else SetTargetInclination(raised)

    def _our_speed(self, sent: Sent) -> float:
        """Our last speed; after a start the belt runs at its slowest."""
        return self.speeds.minimum if sent.speed is None else sent.speed

    def _speed_step(
        self, sent: Sent, goal: float | None, belt: Reading, kmh_per_unit: float | None
    ) -> float | None:
        """The highest grid speed the treadmill may be told now on the way to `goal`: one
        raise above the base, or, before the belt has been read, nothing above what it was
        told or claimed."""
        if goal is None:
            return None
        base = self.speed_base(sent, belt, kmh_per_unit)
        if base is None:
            return self.speeds.floor(min(goal, _lowest(self._our_speed(sent), sent.claimed_speed)))
        return self.speeds.floor(min(goal, base + SPEED_RAISE_KMH / (kmh_per_unit or KM_PER_MILE)))

    def _incline_step(self, goal: float | None, base: float) -> float | None:
        if goal is None or self.inclines is None:
            return None
        return self.inclines.floor(min(goal, base + INCLINE_RAISE_PERCENT))


def _lowering(
    ours: float, target: float | None, claimed: bool, goal: float | None, step: float | None
) -> float | None:
    """When the treadmill's target is above where it may be now (`step`, never above the goal)
    and the coach wants less, or the target is a claim: bring it down at once, to `step`, or to
    our own last setting when that is lower (a claimed target above ours is undone, not
    followed). Our own standing command is left alone while the coach wants it: it was within
    the rules when sent, and a belt reading a hair low must not make the belt stutter."""
    if step is None or goal is None or target is None or target <= step + _EPSILON:
        return None
    return min(step, ours) if claimed or goal < target - _EPSILON else None


def _raising(target: float | None, step: float | None) -> float | None:
    """`step` when it is above the treadmill's target (after a start, the first setting counts
    as a raise). A target above `step` was brought down by `_lowering` first."""
    if step is None or (target is not None and step <= target + _EPSILON):
        return None
    return step


def after_command(sent: Sent, command: SpeedCommand, now: float) -> tuple[Sent, float | None]:
    """What the treadmill has been told once `command` is sent, and the speed parameter to read
    back (None for an incline). A command above the lowest the treadmill was told or claimed
    is a raise; ours replaces any claim."""
    if isinstance(command, SetTargetSpeed):
        value, old = command.speed_kmh, sent.speed
        raised = old is None or value > _lowest(old, sent.claimed_speed)
        raised_at = now if raised else sent.raised_at
        return replace(sent, speed=value, claimed_speed=None, raised_at=raised_at), value
    value, old = command.inclination_percent, sent.incline
    raised = old is None or value > _lowest(old, sent.claimed_incline)
    raised_at = now if raised else sent.raised_at
    return replace(sent, incline=value, claimed_incline=None, raised_at=raised_at), None
