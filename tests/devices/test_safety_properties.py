"""The device layer's safety rules hold against random sequences of what the coach asks, what the
walker does and what the treadmill does (hypothesis), on the virtual treadmill through bleak."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass, field

from hypothesis import given
from hypothesis import strategies as st

from retrowalk.devices.control_state import Target
from retrowalk.devices.controller import TreadmillController
from retrowalk.devices.ftms_control import (
    ControlCommand,
    SetTargetInclination,
    SetTargetSpeed,
    StartOrResume,
    StopOrPause,
)
from retrowalk.devices.ftms_features import InclinationRange, SpeedRange
from retrowalk.devices.link import BleakLink
from retrowalk.devices.safety import grid_of
from retrowalk.devices.virtual.backend import VirtualClientBackend, virtual_device
from retrowalk.devices.virtual.spec import Faults, VirtualSpec
from retrowalk.devices.virtual.treadmill import VirtualTreadmill
from retrowalk.domain.units import Speed, SpeedUnit

_SLACK = 1e-6
# The rules' bounds, written out (docs/devices.md, "Raises"; PROTOCOL.md §5 for the incline
# step), never imported from the code under test, so a wrong constant there fails here.
SPEED_RAISE_KMH = 0.5
INCLINE_RAISE_PERCENT = 1.0
SECONDS_BETWEEN_RAISES = 3.0

_want = st.tuples(st.just("want"), st.floats(0.3, 9.0), st.sampled_from([0.0, 0.5, 1.0, 2.5, 6.0]))
_wait = st.tuples(st.just("wait"), st.integers(1, 6))
_anything = st.one_of(
    _want,
    _wait,
    _wait,
    st.tuples(st.just("stop")),
    st.tuples(st.just("enter")),
    st.tuples(st.just("console start")),
    st.tuples(st.just("safety key")),
    st.tuples(st.just("key back")),
    st.tuples(st.just("drop")),
    st.tuples(st.just("restore")),
)


@st.composite
def plans(draw: st.DrawFn) -> list[tuple[object, ...]]:
    """Walks as the coach plays them (a setting, the walker's Enter, time passing, changes),
    with anything else the walker or the treadmill may do thrown in."""
    plan: list[tuple[object, ...]] = []
    for _ in range(draw(st.integers(0, 5))):
        settling = ("wait", draw(st.integers(2, 8)))
        plan += [draw(_want), ("enter",), settling, *draw(st.lists(_anything, max_size=10))]
    return plan


def _rarely() -> st.SearchStrategy[bool]:
    return st.sampled_from([False, False, False, True])


@st.composite
def treadmills(draw: st.DrawFn) -> VirtualSpec:
    low = draw(st.sampled_from([0.5, 0.8, 1.0]))
    step = draw(st.sampled_from([0.1, 0.16, 0.5]))
    incline_step = draw(st.sampled_from([0.5, 1.0]))
    faults = draw(st.builds(Faults, _rarely(), _rarely(), _rarely(), _rarely()))
    return VirtualSpec(
        speeds=SpeedRange(low, 12.0, step),
        inclines=InclinationRange(0.0, 15.0, incline_step),
        faults=faults,
    )


@dataclass
class Trial:
    spec: VirtualSpec
    ceiling_kmh: float
    now: float = 0.0
    explicit_starts: list[range] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.treadmill = VirtualTreadmill(lambda: self.now, self.spec)
        link = BleakLink(virtual_device(self.treadmill), backend=VirtualClientBackend)
        limits = [("today's top speed", Speed.kmh(self.ceiling_kmh))]
        self.controller = TreadmillController(link, lambda: self.now, limits, SpeedUnit.KMH, _quiet)

    async def play(self, plan: list[tuple[object, ...]]) -> None:
        await self.controller.open()
        await self.controller.take_control()
        for step in plan:
            await self._do(step)
            await self.controller.settle()
        await self.controller.close()

    async def _do(self, step: tuple[object, ...]) -> None:
        console, controller = self.treadmill.console, self.controller
        match step:
            case ("want", float(speed), float(incline)):
                await controller.want(Target(speed, incline))
            case ("stop",):
                await controller.want(None)
            case ("enter",):
                before = len(self.treadmill.received)
                await controller.walker_start()
                self.explicit_starts.append(range(before, len(self.treadmill.received)))
            case ("wait", int(seconds)):
                for _ in range(seconds):
                    self.now += 1
                    self.treadmill.tick()
                    await asyncio.sleep(0)
                    await controller.heartbeat()
                    await controller.settle()
            case ("console start",):
                console.press_start()
            case ("safety key",):
                console.pull_safety_key()
            case ("key back",):
                console.put_safety_key_back()
            case ("drop",):
                self.treadmill.drop_link()
            case ("restore",):
                self.treadmill.restore_link()
        await asyncio.sleep(0)

    @property
    def kmh_per_unit(self) -> float:
        return 1.609344 if self.spec.faults.mph_for_kmh else 1.0  # 1 mph in km/h, exactly

    def sent(self) -> list[tuple[int, float, ControlCommand]]:
        return [(i, at, command) for i, (at, command) in enumerate(self.treadmill.received)]

    def accepted(self) -> list[tuple[float, ControlCommand]]:
        """The commands the treadmill carried out (a refused one changed nothing)."""
        received, answers = self.treadmill.received, self.treadmill.answers
        return [(at, c) for (at, c), answer in zip(received, answers, strict=True) if answer == 1]


def _quiet(_: object) -> None:
    return None


def _runs_of_raises(trial: Trial) -> list[list[float]]:
    """For each run of the belt (from a Start to the next Start or Stop), the moments at which
    an accepted command started it, or made it faster or steeper."""
    runs: list[list[float]] = [[]]
    speed, incline = None, 0.0
    for at, command in trial.accepted():
        if isinstance(command, StartOrResume | StopOrPause):
            runs.append([at] if isinstance(command, StartOrResume) else [])
            speed = trial.spec.speeds.minimum_kmh
        elif isinstance(command, SetTargetSpeed):
            if speed is None or command.speed_kmh > speed + _SLACK:
                runs[-1].append(at)
            speed = command.speed_kmh
        elif isinstance(command, SetTargetInclination):
            if command.inclination_percent > incline + _SLACK:
                runs[-1].append(at)
            incline = command.inclination_percent
    return runs


def _play(spec: VirtualSpec, ceiling: float, plan: list[tuple[object, ...]]) -> Trial:
    trial = Trial(spec, ceiling)
    asyncio.run(trial.play(plan))
    return trial


@given(treadmills(), st.floats(0.8, 6.0), plans())
def test_no_speed_sent_is_above_the_ceiling_or_off_the_treadmills_grid(spec, ceiling, plan):
    trial = _play(spec, ceiling, plan)

    grid = grid_of(spec.speeds)
    for _, _, command in trial.sent():
        if isinstance(command, SetTargetSpeed):
            assert grid.contains(command.speed_kmh)
            assert command.speed_kmh * trial.kmh_per_unit <= ceiling + _SLACK


@given(treadmills(), st.floats(0.8, 6.0), plans())
def test_every_incline_sent_is_on_the_treadmills_grid(spec, ceiling, plan):
    trial = _play(spec, ceiling, plan)

    grid = grid_of(spec.inclines)
    for _, _, command in trial.sent():
        if isinstance(command, SetTargetInclination):
            assert grid.contains(command.inclination_percent)


@given(treadmills(), st.floats(0.8, 6.0), plans())
def test_each_raise_is_limited_in_size(spec, ceiling, plan):
    trial = _play(spec, ceiling, plan)

    speed, incline = None, 0.0
    for _, _, command in trial.sent():
        if isinstance(command, StartOrResume):
            speed = spec.speeds.minimum_kmh
        elif isinstance(command, SetTargetSpeed):
            base = spec.speeds.minimum_kmh if speed is None else speed
            rise = (command.speed_kmh - base) * trial.kmh_per_unit
            assert rise <= SPEED_RAISE_KMH + _SLACK
            speed = command.speed_kmh
        elif isinstance(command, SetTargetInclination):
            assert command.inclination_percent - incline <= INCLINE_RAISE_PERCENT + _SLACK
            incline = command.inclination_percent


@given(treadmills(), st.floats(0.8, 6.0), plans())
def test_raises_are_spaced_so_speed_and_incline_never_go_up_together(spec, ceiling, plan):
    trial = _play(spec, ceiling, plan)

    for moments in _runs_of_raises(trial):
        for earlier, later in itertools.pairwise(moments):
            assert later - earlier >= SECONDS_BETWEEN_RAISES - _SLACK


@given(treadmills(), st.floats(0.8, 6.0), plans())
def test_start_is_sent_only_in_answer_to_the_walkers_explicit_start(spec, ceiling, plan):
    trial = _play(spec, ceiling, plan)

    for index, _, command in trial.sent():
        if isinstance(command, StartOrResume):
            assert any(index in during for during in trial.explicit_starts)
