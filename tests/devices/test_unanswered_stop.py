"""A Stop the treadmill never answered leaves the belt's state unknown: it may still be running.
The next setting (a set's start, going on after a STOP) is then armed, never written to the belt
as a speed, and only the walker's own start sends Start, from which the speed climbs through the
safety envelope as at any start."""

from __future__ import annotations

import asyncio

from retrowalk.devices.control_state import Target
from retrowalk.devices.ftms_control import (
    ControlCommand,
    SetTargetSpeed,
    StartOrResume,
    StopOrPause,
)
from retrowalk.devices.virtual.treadmill import VirtualTreadmill
from tests.devices.rig import Rig

STOP_OP_CODE = 0x08  # FTMS Stop or Pause (written out, not imported from the codec)
# Half a km/h a raise, as the envelope allows at most (a literal here, not imported).
RAISE_KMH = 0.5


class DeafToStops(VirtualTreadmill):
    """A treadmill that hears none of the first `deaf_to` Stops: no answer, the belt runs on
    (the indication lost, or the write never arrived)."""

    deaf_to = 1

    def write(self, uuid: str, data: bytes) -> None:
        if data[:1] == bytes((STOP_OP_CODE,)) and self.deaf_to > 0:
            self.deaf_to -= 1
            return
        super().write(uuid, data)


class DeafRig(Rig):
    def make_treadmill(self) -> VirtualTreadmill:
        return DeafToStops(lambda: self.now, self.spec)


def _speeds(commands: list[ControlCommand]) -> list[float]:
    return [c.speed_kmh for c in commands if isinstance(c, SetTargetSpeed)]


async def _walking_then_an_unanswered_stop(rig: DeafRig) -> int:
    """Walk at 1 km/h, then STOP unanswered; how many commands the treadmill had heard."""
    await rig.open()
    await rig.start(1.0)
    await rig.seconds(8)
    await rig.controller.want(None)
    return len(rig.received())


def test_after_an_unanswered_stop_the_next_setting_is_armed_and_no_speed_is_written():
    async def work() -> tuple[DeafRig, bool, list[ControlCommand]]:
        rig = DeafRig(reply_seconds=0.05)
        heard = await _walking_then_an_unanswered_stop(rig)
        took = await rig.controller.want(Target(2.0))  # the next set's start, or going on
        await rig.seconds(5)  # the Stop still owed is sent again on a beat, and answered
        return rig, took, rig.received()[heard:]

    rig, took, after = asyncio.run(work())

    assert took is False and rig.controller.armed == Target(2.0)
    assert _speeds(after) == []
    assert [type(c) for c in after] == [StopOrPause]  # only the owed Stop, sent again
    assert not rig.treadmill.console.running


def test_while_the_stop_stays_unanswered_no_beat_writes_a_speed_and_nothing_starts():
    async def work() -> list[ControlCommand]:
        rig = DeafRig(reply_seconds=0.05)
        rig.treadmill.deaf_to = 1000  # type: ignore[attr-defined]
        heard = await _walking_then_an_unanswered_stop(rig)
        await rig.controller.want(Target(2.0))
        await rig.seconds(5)
        return rig.received()[heard:]

    after = asyncio.run(work())

    assert _speeds(after) == []
    assert not any(isinstance(c, StartOrResume) for c in after)


def test_the_walkers_start_after_an_unanswered_stop_starts_the_belt_and_climbs_by_the_envelope():
    async def work() -> tuple[DeafRig, bool, list[ControlCommand]]:
        rig = DeafRig(reply_seconds=0.05)
        heard = await _walking_then_an_unanswered_stop(rig)
        await rig.controller.want(Target(2.0))
        await rig.seconds(3)
        started = await rig.controller.walker_start()  # the walker's Enter or tap
        await rig.seconds(20)
        return rig, started, rig.received()[heard:]

    rig, started, after = asyncio.run(work())

    first_start = next(i for i, c in enumerate(after) if isinstance(c, StartOrResume))
    speeds = _speeds(after[first_start:])
    assert started and _speeds(after[:first_start]) == []
    assert speeds and max(speeds) <= 2.0
    climbs = [later - earlier for earlier, later in zip([0.5, *speeds], speeds, strict=False)]
    assert all(climb <= RAISE_KMH + 1e-9 for climb in climbs)
    assert rig.treadmill.console.motion.speed_kmh == 2.0
