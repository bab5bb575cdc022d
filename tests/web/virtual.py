"""The virtual treadmill behind the web app, for the tests: what `retrowalk serve --device virtual`
gives the app (the composition root's `treadmill_opener`), by default on a clock running SCALE
times faster than the wall's, keeping each treadmill it opens so a test can read its belt."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from retrowalk.bootstrap import treadmill_opener
from retrowalk.coach.clock import ScaledClock, SessionClock
from retrowalk.coach.walk import TodaysWalk
from retrowalk.devices.ftms_control import (
    ControlCommand,
    OpCode,
    SetTargetSpeed,
    StopAction,
    StopOrPause,
)
from retrowalk.devices.opening import DeviceChoice
from retrowalk.devices.virtual.treadmill import VirtualTreadmill
from retrowalk.devices.walk_treadmill import WalkTreadmill

# 20 session seconds a wall second: the 3 s between two raises take 0.15 s.
SCALE = 20.0
WAIT_SECONDS = 10.0


class VirtualTreadmills:
    """An opener for `TreadmillBelts` that keeps what it opened. `refuses_control_on_open`: the
    treadmill opened that time (1 the first) refuses control, as when another app took it."""

    def __init__(
        self,
        control: bool = True,
        device: str = "virtual",
        strap: str | None = None,
        clock: SessionClock | None = None,
        refuses_control_on_open: int | None = None,
    ) -> None:
        self.clock = clock or ScaledClock(SCALE)
        self._open = treadmill_opener(DeviceChoice(device, control, strap=strap), self.clock)
        refusing = DeviceChoice(_refusing(device), control, strap=strap)
        self._open_refusing = treadmill_opener(refusing, self.clock)
        self._refuses_on = refuses_control_on_open
        self.belts: list[WalkTreadmill] = []
        self.opened = 0

    @contextmanager
    def __call__(self, walk: TodaysWalk) -> Iterator[WalkTreadmill]:
        self.opened += 1
        refuses = self.opened == self._refuses_on
        with (self._open_refusing if refuses else self._open)(walk) as belt:
            self.belts.append(belt)
            yield belt

    @property
    def belt(self) -> WalkTreadmill:
        """The treadmill opened last, as the app holds it."""
        return self.belts[-1]

    @property
    def treadmill(self) -> VirtualTreadmill:
        """The virtual treadmill opened last, as the walker would see it."""
        return _virtual(self.belt)

    def stops_received(self) -> list[float]:
        """When an FTMS Stop reached any treadmill opened so far (on its clock), in order."""
        return sorted(
            at
            for belt in list(self.belts)
            for at, command in list(_virtual(belt).received)
            if isinstance(command, StopOrPause) and command.action is StopAction.STOP
        )

    def belt_kmh(self) -> float:
        return self.treadmill.console.motion.speed_kmh

    def running(self) -> bool:
        return self.treadmill.console.running

    def sent(self, op_code: OpCode) -> list[ControlCommand]:
        return [command for _, command in self.treadmill.received if command.op_code is op_code]

    def speeds_sent(self) -> list[float]:
        return [
            c.speed_kmh for c in self.sent(OpCode.SET_TARGET_SPEED) if isinstance(c, SetTargetSpeed)
        ]

    def on_its_thread(self, action: Callable[[], None]) -> None:
        """Do something to the treadmill on the device thread, as its own events arrive."""

        async def act() -> None:
            action()

        self.belt.thread.run(act())

    def wait(self, session_seconds: float) -> None:
        time.sleep(session_seconds / SCALE)


def _refusing(device: str) -> str:
    """The virtual treadmill `device` names, refusing control too."""
    return f"{device},refuse_control" if ":" in device else f"{device}:refuse_control"


def _virtual(belt: WalkTreadmill) -> VirtualTreadmill:
    virtual = belt.session.virtual[0]
    assert isinstance(virtual, VirtualTreadmill)
    return virtual


def eventually(holds: Callable[[], bool], what: str, seconds: float = WAIT_SECONDS) -> None:
    """Wait (wall time) until `holds()`, or fail naming `what` did not happen."""
    deadline = time.monotonic() + seconds
    while not holds():
        if time.monotonic() > deadline:
            raise AssertionError(f"within {seconds:g} s: {what}")
        time.sleep(0.01)
