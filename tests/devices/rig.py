"""A treadmill controller on the virtual treadmill, through bleak, on a clock the test moves: the
device layer alone, without the coach, for tests that script what the treadmill says."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from retrowalk.devices import gatt
from retrowalk.devices.alerts import DeviceAlert
from retrowalk.devices.control_state import Target
from retrowalk.devices.controller import TreadmillController
from retrowalk.devices.ftms_client import REPLY_SECONDS
from retrowalk.devices.ftms_control import ControlCommand
from retrowalk.devices.ftms_status import MachineStatus, encode_machine_status
from retrowalk.devices.link import BleakLink
from retrowalk.devices.virtual.backend import VirtualClientBackend, virtual_device
from retrowalk.devices.virtual.spec import VirtualSpec
from retrowalk.devices.virtual.treadmill import VirtualTreadmill
from retrowalk.domain.units import Speed, SpeedUnit


@dataclass
class Rig:
    spec: VirtualSpec = field(default_factory=VirtualSpec)
    ceiling_kmh: float | None = 6.0
    mph_quirk: bool | None = None
    now: float = 0.0
    alerts: list[DeviceAlert] = field(default_factory=list)
    reply_seconds: float = REPLY_SECONDS  # how long a command's answer is awaited (wall time)

    def __post_init__(self) -> None:
        self.treadmill = self.make_treadmill()
        link = BleakLink(virtual_device(self.treadmill), backend=VirtualClientBackend)
        top = None if self.ceiling_kmh is None else Speed.kmh(self.ceiling_kmh)
        self.controller = TreadmillController(
            link,
            lambda: self.now,
            [("today's top speed", top)],
            SpeedUnit.KMH,
            self.alerts.append,
            self.mph_quirk,
            self.reply_seconds,
        )

    def make_treadmill(self) -> VirtualTreadmill:
        return VirtualTreadmill(lambda: self.now, self.spec)

    async def open(self) -> None:
        await self.controller.open()
        await self.controller.take_control()

    async def start(self, kmh: float, incline: float = 0.0) -> None:
        """The walker's setting and their Enter."""
        await self.controller.want(Target(kmh, incline))
        await self.controller.walker_start()
        await self.controller.settle()

    async def seconds(self, seconds: float, step: float = 1.0) -> None:
        """Let time pass: the treadmill notifies its data and the controller beats each step."""
        for _ in range(round(seconds / step)):
            self.now += step
            self.treadmill.tick()
            await asyncio.sleep(0)
            await self.controller.heartbeat()
            await self.controller.settle()

    async def status(self, status: MachineStatus) -> None:
        """A Fitness Machine Status as the treadmill's firmware might send it, right or wrong."""
        self.treadmill.notify_raw(gatt.MACHINE_STATUS, encode_machine_status(status))
        await self.status_delivered()

    async def status_delivered(self) -> None:
        """Let a notification reach the controller, and what it started finish."""
        await asyncio.sleep(0)
        await self.controller.settle()

    def received(self) -> list[ControlCommand]:
        return [command for _, command in self.treadmill.received]

    def console_changes(self) -> list[tuple[float, str]]:
        return [(c.at, c.change) for c in self.controller.report.console_changes]
