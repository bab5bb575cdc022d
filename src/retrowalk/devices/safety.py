"""Safety in the device layer: the speed ceiling, the treadmill's grids, and how fast a command
may raise the belt. Pure functions of numbers; the controller decides when to call them.

Every speed sent is on the treadmill's own grid and at or below the ceiling (the lowest of the
walker's and the protocol's limits and the treadmill's top speed). Lowering is never delayed;
raising goes one limited step at a time, with a pause between raises of either kind, so speed
and incline are never raised in one command pair.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from retrowalk.devices.ftms_control import SetTargetInclination, SetTargetSpeed
from retrowalk.devices.ftms_features import InclinationRange, SpeedRange
from retrowalk.domain.equipment import Grid
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
    return min(candidates, key=lambda ceiling: ceiling.kmh)


def grid_of(machine: SpeedRange | InclinationRange) -> Grid:
    if isinstance(machine, SpeedRange):
        return Grid(machine.minimum_kmh, machine.maximum_kmh, machine.increment_kmh)
    return Grid(machine.minimum_percent, machine.maximum_percent, machine.increment_percent)


def nearest(grid: Grid, value: float) -> float:
    return grid.value_at(round((value - grid.minimum) / grid.step))


@dataclass(frozen=True, slots=True)
class Sent:
    """What the treadmill was last told: speed in its own unit, incline in %, and when anything
    last went up (a start counts)."""

    speed: float | None = None
    incline: float | None = None
    raised_at: float | None = None


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
        worst = kmh_per_unit or KM_PER_MILE
        highest = self.speeds.floor(self.ceiling.kmh / worst + _EPSILON)
        if highest * worst > self.ceiling.kmh + _EPSILON:
            return None
        return min(nearest(self.speeds, wanted_kmh / (kmh_per_unit or 1.0)), highest)

    def incline_goal(self, wanted_percent: float) -> float | None:
        return None if self.inclines is None else nearest(self.inclines, wanted_percent)

    def next_command(
        self,
        sent: Sent,
        wanted_kmh: float,
        wanted_incline: float,
        kmh_per_unit: float | None,
        now: float,
        may_raise: bool,
    ) -> SpeedCommand | None:
        """The one command to send now on the way to the wanted setting, if any."""
        speed = self.speed_goal(wanted_kmh, kmh_per_unit)
        incline = self.incline_goal(wanted_incline)
        if speed is not None and sent.speed is not None and speed < sent.speed - _EPSILON:
            return SetTargetSpeed(speed)
        if incline is not None and sent.incline is not None and incline < sent.incline - _EPSILON:
            return SetTargetInclination(incline)
        resting = sent.raised_at is not None and now - sent.raised_at < SECONDS_BETWEEN_RAISES
        if not may_raise or resting:
            return None
        return self._raise_speed(sent, speed, kmh_per_unit) or self._raise_incline(sent, incline)

    def _raise_speed(
        self, sent: Sent, goal: float | None, kmh_per_unit: float | None
    ) -> SetTargetSpeed | None:
        if goal is None or (sent.speed is not None and goal <= sent.speed + _EPSILON):
            return None
        # After a start the belt runs at its slowest: the first raise counts from there.
        base = self.speeds.minimum if sent.speed is None else sent.speed
        step = self.speeds.floor(min(goal, base + SPEED_RAISE_KMH / (kmh_per_unit or KM_PER_MILE)))
        if sent.speed is not None and step <= sent.speed + _EPSILON:
            return None
        return SetTargetSpeed(step)

    def _raise_incline(self, sent: Sent, goal: float | None) -> SetTargetInclination | None:
        if goal is None or self.inclines is None:
            return None
        base = 0.0 if sent.incline is None else sent.incline
        if goal <= base + _EPSILON and sent.incline is not None:
            return None
        step = self.inclines.floor(min(goal, base + INCLINE_RAISE_PERCENT))
        if sent.incline is not None and step <= sent.incline + _EPSILON:
            return None
        return SetTargetInclination(step)


def after_command(sent: Sent, command: SpeedCommand, now: float) -> tuple[Sent, float | None]:
    """What the treadmill has been told once `command` is sent, and the speed parameter to read
    back (None for an incline)."""
    if isinstance(command, SetTargetSpeed):
        value, old = command.speed_kmh, sent.speed
        raised_at = now if old is None or value > old else sent.raised_at
        return replace(sent, speed=value, raised_at=raised_at), value
    value, old = command.inclination_percent, sent.incline
    raised_at = now if old is None or value > old else sent.raised_at
    return replace(sent, incline=value, raised_at=raised_at), None
