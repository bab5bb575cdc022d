"""Which Start and Stop statuses are the echo of our own command, and which are the console's:
a console stop near our own Stop is still recorded as the console's."""

from __future__ import annotations

import asyncio

from retrowalk.devices.alerts import Alert
from retrowalk.devices.ftms_control import StopAction, StopOrPause
from retrowalk.devices.ftms_status import StartedOrResumedByUser, StoppedOrPausedByUser
from retrowalk.devices.virtual.spec import Faults, VirtualSpec
from retrowalk.devices.virtual.treadmill import VirtualTreadmill
from tests.devices.rig import Rig

STOPPED = StoppedOrPausedByUser(StopAction.STOP)
PAUSED = StoppedOrPausedByUser(StopAction.PAUSE)


def said(rig: Rig) -> list[Alert]:
    return [told.alert for told in rig.alerts]


class Silent(VirtualTreadmill):
    """A machine that does not notify our own Start and Stop back (not all do)."""

    def _notify_status(self, status):
        if not isinstance(status, StoppedOrPausedByUser | StartedOrResumedByUser):
            super()._notify_status(status)


class QuietRig(Rig):
    def make_treadmill(self) -> VirtualTreadmill:
        return Silent(lambda: self.now, self.spec)


async def walking(rig: Rig) -> Rig:
    await rig.open()
    await rig.start(1.0)
    await rig.seconds(5)
    return rig


def test_the_echo_of_our_own_stop_is_not_a_console_stop():
    async def work() -> Rig:
        rig = await walking(Rig())
        await rig.controller.want(None)  # the virtual treadmill echoes it, as FTMS machines do
        await rig.seconds(3)
        return rig

    rig = asyncio.run(work())

    assert rig.console_changes() == []
    assert Alert.CONSOLE_STOP not in said(rig)


def test_a_console_stop_after_our_stop_and_our_start_again_is_recorded_and_stops_the_app():
    async def work() -> Rig:
        rig = await walking(Rig())
        await rig.controller.want(None)
        rig.now += 0.5
        await rig.start(1.0)  # the walker's Enter, half a second after our Stop
        rig.now += 0.5
        rig.treadmill.console.press_stop()  # within 2 s of our Stop: not its echo
        await rig.status_delivered()
        return rig

    rig = asyncio.run(work())

    assert rig.console_changes() == [(6.0, "belt stopped")]
    assert not rig.controller.running
    assert Alert.CONSOLE_STOP in said(rig)


class StoppedFirst(VirtualTreadmill):
    """The walker presses Stop at the console just before our Stop reaches the treadmill."""

    def write(self, uuid: str, data: bytes) -> None:
        if data[:1] == b"\x08":
            self.console.press_stop()
        super().write(uuid, data)


def test_a_console_stop_that_beat_our_stop_to_the_treadmill_is_recorded_when_ours_fails():
    class Racing(Rig):
        def make_treadmill(self) -> VirtualTreadmill:
            return StoppedFirst(lambda: self.now, self.spec)

    async def work() -> Rig:
        rig = await walking(Racing())
        await rig.controller.want(None)  # answered "operation failed": stopped already
        return rig

    rig = asyncio.run(work())

    assert rig.console_changes() == [(5.0, "belt stopped")]
    assert Alert.CONSOLE_STOP in said(rig)
    assert not rig.controller.running


def test_a_second_stop_status_within_the_echo_window_is_the_consoles():
    async def work() -> Rig:
        rig = await walking(Rig())
        await rig.controller.want(None)  # echoed once
        rig.now += 1.0
        await rig.status(STOPPED)
        return rig

    rig = asyncio.run(work())

    assert rig.console_changes() == [(6.0, "belt stopped")]


def test_a_pause_status_is_not_the_echo_of_our_stop():
    async def work() -> Rig:
        rig = await walking(QuietRig())
        await rig.controller.want(None)
        rig.now += 0.5
        await rig.status(PAUSED)
        return rig

    rig = asyncio.run(work())

    assert rig.console_changes() == [(5.5, "belt paused")]


def test_a_stop_status_after_the_echo_window_is_the_consoles():
    async def work() -> Rig:
        rig = await walking(Rig())
        await rig.controller._send(StopOrPause(StopAction.STOP))  # as `want(None)`, unechoed
        rig.now += 2.5
        await rig.status(STOPPED)
        return rig

    rig = asyncio.run(work())

    assert (7.5, "belt stopped") in rig.console_changes()


def test_a_console_start_just_after_our_start_and_stop_is_recorded_and_the_app_knows_it_runs():
    async def work() -> Rig:
        rig = Rig()
        await rig.open()
        await rig.start(1.0)
        rig.now += 0.5
        await rig.controller.want(None)
        rig.now += 0.5
        rig.treadmill.console.press_start()  # within 2 s of our Start: not its echo
        await rig.status_delivered()
        return rig

    rig = asyncio.run(work())

    assert rig.console_changes() == [(1.0, "belt started")]
    assert rig.controller.running


def test_a_console_start_after_our_refused_start_is_the_walkers_own():
    async def work() -> Rig:
        rig = Rig(VirtualSpec(faults=Faults(start_from_console_only=True)))
        await rig.open()
        await rig.start(1.0)  # refused: Start only at the console
        rig.now += 0.5
        rig.treadmill.console.press_start()
        await rig.status_delivered()
        return rig

    rig = asyncio.run(work())

    assert rig.console_changes() == [(0.5, "belt started")]
    assert rig.controller.running


def test_the_echo_of_our_own_start_is_not_a_console_start():
    async def work() -> Rig:
        rig = Rig()
        await rig.open()
        await rig.start(1.0)
        await rig.status(StartedOrResumedByUser())  # a second one is the console's
        return rig

    rig = asyncio.run(work())

    assert rig.console_changes() == [(0.0, "belt started")]


def stop_status_after_our_stop(seconds: float) -> Rig:
    async def work() -> Rig:
        rig = await walking(QuietRig())
        await rig.controller.want(None)  # at 5.0, not echoed
        rig.now += seconds
        await rig.status(STOPPED)
        return rig

    return asyncio.run(work())


def test_a_stop_status_2_s_after_our_unechoed_stop_is_taken_as_its_echo():
    assert stop_status_after_our_stop(2.0).console_changes() == []


def test_a_stop_status_just_over_2_s_after_our_unechoed_stop_is_the_consoles():
    assert stop_status_after_our_stop(2.05).console_changes() == [(7.05, "belt stopped")]
