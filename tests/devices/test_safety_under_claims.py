"""The device layer on the virtual treadmill, through bleak, against random walks with spurious
Fitness Machine Status claims (any target, NaN, infinite), console presses, safety keys and
dropped links (hypothesis). The bounds are written out here, never imported from the code:
- a speed command is at most 0.5 km/h above the lower of the belt's last reported speed and our
  last speed command (docs/devices.md, "Raises"); after a start the belt runs at its slowest;
- no speed command reaches 3.5 mph (PROTOCOL.md §5: "no walking prescription reaches 3.5 mph"),
  today's ceiling, or the treadmill's top speed; 1 mph is 1.609344 km/h exactly.
"""

from __future__ import annotations

import asyncio
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrowalk.devices import gatt
from retrowalk.devices.alerts import Alert
from retrowalk.devices.control_state import Target
from retrowalk.devices.ftms_control import (
    ControlCommand,
    SetTargetSpeed,
    StartOrResume,
    StopOrPause,
)
from retrowalk.devices.ftms_data import decode_treadmill_data
from retrowalk.devices.ftms_features import InclinationRange, SpeedRange
from retrowalk.devices.ftms_status import TargetInclinationChanged, TargetSpeedChanged
from retrowalk.devices.virtual.spec import Faults, VirtualSpec
from retrowalk.devices.virtual.treadmill import VirtualTreadmill
from retrowalk.domain.errors import SafetyLimitError
from tests.devices.rig import Rig
from tests.strategies import NOT_NUMBERS, speeds_kmh

MAX_SPEED_RAISE_KMH = 0.5
WALKING_LIMIT_KMH = 3.5 * 1.609344
KMH_PER_MPH = 1.609344
SLACK = 1e-6


class Logged(VirtualTreadmill):
    """A virtual treadmill that logs, in order, the speeds it reported to the app (None: the link
    dropped, and the app forgot them) and the commands it received with their answers."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.log: list[tuple[float | None, tuple[ControlCommand, int] | None]] = []

    def _push(self, uuid: str, data: bytes) -> None:
        delivered = self._deliver is not None and uuid in self._subscribed
        if delivered and uuid == gatt.TREADMILL_DATA:
            self.log.append((decode_treadmill_data(data).instantaneous_speed_kmh, None))
        super()._push(uuid, data)

    def drop_link(self) -> None:
        self.log.append((None, None))
        super().drop_link()

    def write(self, uuid: str, data: bytes) -> None:
        before = len(self.received)
        super().write(uuid, data)
        if len(self.received) > before:
            self.log.append((None, (self.received[-1][1], self.answers[-1])))


class Trial(Rig):
    def make_treadmill(self) -> VirtualTreadmill:
        self.logged = Logged(lambda: self.now, self.spec)
        return self.logged

    async def play(self, plan: list[tuple[object, ...]]) -> None:
        await self.open()
        for step in plan:
            await self.do(step)
        await self.controller.close()

    async def do(self, step: tuple[object, ...]) -> None:
        console, controller = self.treadmill.console, self.controller
        match step:
            case ("want", float(kmh), float(incline)):
                await controller.want(Target(kmh, incline))
            case ("enter",):
                await controller.walker_start()
            case ("stop",):
                await controller.want(None)
            case ("wait", int(seconds)):
                await self.seconds(seconds)
            case ("claim speed", float(value)) if math.isfinite(value) and 0 <= value <= 655.35:
                await self.status(TargetSpeedChanged(round(value, 2)))  # as the bytes carry it
            case ("claim speed", float(value)):
                controller.news.on_status(TargetSpeedChanged(value))  # no bytes carry this
            case ("claim incline", float(value)) if math.isfinite(value):
                await self.status(TargetInclinationChanged(round(value, 1)))
            case ("claim incline", float(value)):
                controller.news.on_status(TargetInclinationChanged(value))
            case ("console speed", float(kmh)):
                console.press_speed(kmh)
            case ("console", "start"):
                console.press_start()
            case ("console", "stop"):
                console.press_stop()
            case ("console", "key"):
                console.pull_safety_key()
                console.put_safety_key_back()
            case ("link", "drop"):
                self.treadmill.drop_link()
            case ("link", "restore"):
                self.treadmill.restore_link()
        await self.status_delivered()

    @property
    def kmh_per_unit(self) -> float:
        return KMH_PER_MPH if self.spec.faults.mph_for_kmh else 1.0


claims = st.one_of(speeds_kmh, st.floats(4.0, 9.0), st.floats(-50, 50), NOT_NUMBERS)
_anything = st.one_of(
    st.tuples(st.just("want"), st.floats(0.3, 9.0), st.sampled_from([0.0, 1.0, 3.0])),
    st.tuples(st.just("wait"), st.integers(1, 5)),
    st.tuples(st.just("claim speed"), claims),
    st.tuples(st.just("claim speed"), claims),
    st.tuples(st.just("claim incline"), claims),
    st.tuples(st.just("console speed"), st.floats(0.5, 8.0)),
    st.tuples(st.just("console"), st.sampled_from(["start", "stop", "key"])),
    st.tuples(st.just("link"), st.sampled_from(["drop", "restore"])),
    st.tuples(st.just("enter")),
    st.tuples(st.just("stop")),
)


@st.composite
def plans(draw: st.DrawFn) -> list[tuple[object, ...]]:
    """Walks as the coach plays them, with spurious claims and anything else thrown in."""
    plan: list[tuple[object, ...]] = []
    for _ in range(draw(st.integers(1, 4))):
        want = ("want", draw(st.floats(0.3, 9.0)), draw(st.sampled_from([0.0, 1.0, 3.0])))
        plan += [want, ("enter",), ("wait", draw(st.integers(2, 6)))]
        plan += draw(st.lists(_anything, max_size=12))
    return plan


@st.composite
def treadmills(draw: st.DrawFn) -> VirtualSpec:
    return VirtualSpec(
        speeds=SpeedRange(draw(st.sampled_from([0.5, 0.8, 1.0])), 12.0, 0.1),
        inclines=InclinationRange(0.0, 15.0, 0.5),
        faults=Faults(mph_for_kmh=draw(st.booleans())),
    )


def _play(spec: VirtualSpec, ceiling: float | None, told: bool, plan) -> Trial:
    trial = Trial(spec, ceiling, mph_quirk=spec.faults.mph_for_kmh if told else None)
    asyncio.run(trial.play(plan))
    return trial


@given(treadmills(), st.one_of(st.none(), st.floats(0.8, 20.0)), st.booleans(), plans())
def test_no_speed_command_steps_more_than_half_a_kmh_over_the_belt_or_our_last(
    spec, ceiling, told, plan
):
    """Spurious targets, NaN and infinities in the status never make a bigger step allowed."""
    trial = _play(spec, ceiling, told, plan)

    k, slowest = trial.kmh_per_unit, spec.speeds.minimum_kmh
    belt, ours = None, slowest
    learned = told or k == 1.0  # a km/h treadmill read in km/h is read right
    alerts = iter(sorted(a.at for a in trial.alerts if a.alert is Alert.MPH_QUIRK))
    learned_at = next(alerts, math.inf)
    for reading, sent in trial.logged.log:
        if sent is None:  # a reading reached the app, or the link dropped (None)
            belt = reading
            continue
        command, answer = sent
        if isinstance(command, StartOrResume | StopOrPause):
            ours = slowest
        elif isinstance(command, SetTargetSpeed):
            value = command.speed_kmh
            sent_at = next(at for at, c in trial.treadmill.received if c is command)
            if value > slowest + SLACK and belt is not None:
                if learned or sent_at > learned_at:
                    rise = value * k - min(belt, ours * k)
                else:  # the unit not known yet: safe under both readings of the parameter
                    rise = (value - min(belt, ours)) * KMH_PER_MPH
                assert rise <= MAX_SPEED_RAISE_KMH + SLACK, (value, belt, ours)
            if answer == 1:
                ours = value


@given(treadmills(), st.one_of(st.none(), st.floats(0.8, 20.0)), st.booleans(), plans())
def test_no_speed_command_reaches_running_the_ceiling_or_the_treadmills_top(
    spec, ceiling, told, plan
):
    """Below 3.5 mph whatever today's limit says, and under today's limit and the machine's."""
    trial = _play(spec, ceiling, told, plan)

    for _, command in trial.treadmill.received:
        if isinstance(command, SetTargetSpeed):
            kmh = command.speed_kmh * trial.kmh_per_unit
            assert kmh < WALKING_LIMIT_KMH
            assert ceiling is None or kmh <= ceiling + SLACK
            assert command.speed_kmh <= spec.speeds.maximum_kmh + SLACK


@pytest.mark.parametrize("kmh, incline", [(math.nan, 0.0), (math.inf, 0.0), (1.0, math.nan)])
def test_a_target_that_is_not_a_number_is_refused_and_nothing_is_sent(kmh, incline):
    async def work() -> Trial:
        trial = Trial()
        await trial.open()
        await trial.start(1.0)
        await trial.seconds(15)  # the belt at 1.0 km/h, nothing left to send
        before = len(trial.treadmill.received)
        with pytest.raises(SafetyLimitError, match="must be a finite number"):
            await trial.controller.want(Target(kmh, incline))
        await trial.seconds(5)
        assert len(trial.treadmill.received) == before
        return trial

    asyncio.run(work())


def test_with_no_ceiling_given_the_belt_stops_short_of_3_5_mph():
    """A caller that passes no limit still cannot take a belt in mph steps to 3.5 mph."""
    spec = VirtualSpec(speeds=SpeedRange(0.5, 8.0, 0.1), faults=Faults(mph_for_kmh=True))

    async def work() -> Trial:
        trial = Trial(spec, ceiling_kmh=None, mph_quirk=True)
        await trial.open()
        await trial.start(4.0 * KMH_PER_MPH)
        await trial.seconds(90)
        return trial

    trial = asyncio.run(work())

    speeds = [c.speed_kmh for _, c in trial.treadmill.received if isinstance(c, SetTargetSpeed)]
    assert max(speeds) == pytest.approx(3.4)  # in mph: 3.5 is running
