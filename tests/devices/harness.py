"""A live session against the virtual treadmill, all on a simulated clock: the coach's runner,
a walker who presses Enter at every prompt, and the virtual treadmill reached through bleak's
`backend=` seam, beating once a second of the simulated clock."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack

from retrowalk.coach.belt_desk import BeltDesk
from retrowalk.coach.checkin import CheckInPort
from retrowalk.coach.clock import SimulatedClock
from retrowalk.coach.inbox import WalkerCommand
from retrowalk.coach.record import WalkRecord
from retrowalk.coach.session import runner_for, walk_through
from retrowalk.coach.walk import TodaysWalk
from retrowalk.devices.controller import TreadmillController
from retrowalk.devices.ftms_control import ControlCommand, OpCode
from retrowalk.devices.link import BleakLink
from retrowalk.devices.loop import DeviceThread
from retrowalk.devices.opening import DeviceChoice, open_belt
from retrowalk.devices.report import DeviceReport
from retrowalk.devices.session import Ticking
from retrowalk.devices.virtual.backend import VirtualClientBackend, virtual_device
from retrowalk.devices.virtual.spec import Faults, VirtualSpec
from retrowalk.devices.virtual.strap import VirtualStrap
from retrowalk.devices.virtual.treadmill import VirtualTreadmill
from retrowalk.devices.walk_treadmill import WalkTreadmill
from retrowalk.domain.cues import Message
from tests.coach.builders import ObedientWalker

# Beats are scheduled this far past the timeline's end, to cover rests and the walker's Enters.
_SLACK_SECONDS = 900


async def _do(action: Callable[[], None]) -> None:
    action()


class Listener(ObedientWalker):
    """A walker who hears everything and presses only the keys the test presses."""

    def say(self, message: Message) -> None:
        self.messages.append(message)


class DeviceWalk:
    def __init__(
        self,
        today: TodaysWalk,
        faults: Faults | None = None,
        control: bool = True,
        mph_quirk: bool | None = None,
        spec: VirtualSpec | None = None,
        walker_presses_enter: bool = True,
        strap: VirtualStrap | None = None,
    ) -> None:
        assert today.treadmill is not None
        self.clock = SimulatedClock()
        self._exits = ExitStack()
        self.thread = self._exits.enter_context(DeviceThread())
        spec = spec or VirtualSpec.like(today.treadmill, faults)
        self.treadmill = VirtualTreadmill(self.clock.now, spec)
        link = BleakLink(virtual_device(self.treadmill), backend=VirtualClientBackend)
        strap_link = None
        if strap is not None:
            strap_link = BleakLink(virtual_device(strap), backend=VirtualClientBackend)
        choice = DeviceChoice("virtual", control, mph_quirk, "virtual" if strap else None)
        virtual: list[Ticking] = [self.treadmill] if strap is None else [self.treadmill, strap]
        self.belt: WalkTreadmill = open_belt(
            self.thread, link, today, self.clock.now, choice, virtual, strap_link
        )
        self.walker = ObedientWalker() if walker_presses_enter else Listener()
        self.desk = BeltDesk(self.belt)
        voice = self.desk.speaking_for(self.walker)
        self.runner = runner_for(today, self.clock, voice, self.desk)
        self.keys = self.desk.keys_for(self.runner.inbox)
        self.walker.inbox = self.keys
        self.desk.attach(self.runner.inbox, self.walker)
        end = int(self.runner.timeline.end) + _SLACK_SECONDS
        for second in range(1, end):
            self.clock.call_at(second, self.belt.beat)

    @property
    def controller(self) -> TreadmillController:
        return self.belt.session.controller

    def at(self, moment: float, action: Callable[[], None]) -> None:
        """Do `action` to the virtual treadmill at `moment`, on the device thread (as a real
        treadmill's events arrive there), half a second before that second's beat."""
        self.clock.call_at(moment - 0.5, lambda: self.thread.run(_do(action)))

    def press(self, moment: float, command: WalkerCommand) -> None:
        self.clock.call_at(moment, lambda: self.keys.post(command))

    def run(
        self, then_seconds: float = 30.0, check_in: CheckInPort | None = None
    ) -> tuple[WalkRecord, DeviceReport]:
        """Walk, then let the devices go on beating for `then_seconds` (the check-in's time),
        then close them as the app does. With `check_in`, an early STOP is asked about as the
        faces ask it (`walk_through`), and the walk may go on."""
        with self._exits:
            self.belt.session.begin()
            if check_in is None:
                record = self.runner.run()
            else:
                record, _ = walk_through(self.runner, check_in, self.runner.run)
            self.clock.sleep_until(self.clock.now() + then_seconds)
            self.thread.run(self.belt.session.close())
            return record, self.belt.session.report()

    def close(self) -> None:
        """Close the devices without walking."""
        with self._exits:
            self.thread.run(self.belt.session.close())

    def said(self) -> list[Message]:
        return list(self.walker.messages)

    def sent(self, op_code: OpCode | None = None) -> list[tuple[float, ControlCommand]]:
        return [
            (at, command)
            for at, command in self.treadmill.received
            if op_code is None or command.op_code is op_code
        ]
