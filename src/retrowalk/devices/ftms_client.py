"""The FTMS client: connect to a treadmill, read what it can do, subscribe to what it says, and
send control point commands one at a time, each answered by its Response Code indication.

It knows bytes and GATT, not safety: which commands to send, and when, is the controller's
business (`devices.controller`). Notifications that cannot be read are reported and skipped,
never raised into the session.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from retrowalk.devices import gatt
from retrowalk.devices.ftms_control import (
    ControlCommand,
    ControlResponse,
    OpCode,
    decode_response,
    encode_command,
)
from retrowalk.devices.ftms_data import TreadmillData, decode_treadmill_data
from retrowalk.devices.ftms_features import (
    FitnessMachineFeatures,
    InclinationRange,
    SpeedRange,
    decode_features,
    decode_inclination_range,
    decode_speed_range,
)
from retrowalk.devices.ftms_status import MachineStatus, decode_machine_status
from retrowalk.devices.link import Link, LinkError
from retrowalk.domain.errors import DeviceError

Value = TypeVar("Value")

# FTMP allows 30 s for an answer; a walker on a moving belt cannot wait that long to know.
REPLY_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What the treadmill says it can do. A target it cannot be set to has no range: feature
    bits are sometimes wrong on real machines, so only a readable range counts (as pyftms)."""

    name: str
    features: FitnessMachineFeatures
    speeds: SpeedRange | None
    inclines: InclinationRange | None


@dataclass(frozen=True, slots=True)
class Listeners:
    data: Callable[[TreadmillData], None]
    status: Callable[[MachineStatus], None]
    unreadable: Callable[[DeviceError], None]
    lost: Callable[[], None]


class FtmsClient:
    def __init__(self, link: Link, listeners: Listeners, reply_seconds: float = REPLY_SECONDS):
        self._link, self._listeners, self._reply_seconds = link, listeners, reply_seconds
        self._lock = asyncio.Lock()
        self._reply: asyncio.Future[ControlResponse] | None = None
        self._awaiting: OpCode | None = None
        link.on_disconnect(self._lost)

    @property
    def name(self) -> str:
        return self._link.name

    async def open(self) -> Capabilities:
        await self._link.connect()
        if not (self._link.has(gatt.TREADMILL_DATA) and self._link.has(gatt.FEATURE)):
            await self._link.disconnect()
            raise DeviceError(f"{self.name} is not a fitness machine: it has no FTMS service")
        await self._subscribe()
        features = decode_features(await self._link.read(gatt.FEATURE))
        speeds = inclines = None
        if self._link.has(gatt.SPEED_RANGE):
            speeds = decode_speed_range(await self._link.read(gatt.SPEED_RANGE))
        if self._link.has(gatt.INCLINATION_RANGE):
            inclines = decode_inclination_range(await self._link.read(gatt.INCLINATION_RANGE))
        return Capabilities(self.name, features, speeds, inclines)

    async def reconnect(self) -> None:
        await self._link.connect()
        await self._subscribe()

    async def _subscribe(self) -> None:
        """Indications of the control point first: FTMS refuses commands without them."""
        if self._link.has(gatt.CONTROL_POINT):
            await self._link.subscribe(gatt.CONTROL_POINT, self._on_indication)
        if self._link.has(gatt.MACHINE_STATUS):
            await self._link.subscribe(gatt.MACHINE_STATUS, self._on_status)
        await self._link.subscribe(gatt.TREADMILL_DATA, self._on_data)

    async def send(self, command: ControlCommand) -> ControlResponse:
        async with self._lock:
            self._reply = asyncio.get_running_loop().create_future()
            self._awaiting = command.op_code
            try:
                await self._link.write(gatt.CONTROL_POINT, encode_command(command))
                return await asyncio.wait_for(self._reply, self._reply_seconds)
            except TimeoutError:
                name = command.op_code.name.lower().replace("_", " ")
                raise LinkError(f"{self.name} did not answer '{name}'") from None
            finally:
                self._reply = self._awaiting = None

    async def disconnect(self) -> None:
        await self._link.disconnect()

    def _on_indication(self, data: bytes) -> None:
        try:
            response = decode_response(data)
        except DeviceError as error:
            self._listeners.unreadable(error)
            return
        reply = self._reply
        if reply is not None and not reply.done() and response.request_op_code is self._awaiting:
            reply.set_result(response)

    def _on_data(self, data: bytes) -> None:
        record = self._decoded(decode_treadmill_data, data)
        if record is not None:
            self._listeners.data(record)

    def _on_status(self, data: bytes) -> None:
        status = self._decoded(decode_machine_status, data)
        if status is not None:
            self._listeners.status(status)

    def _decoded(self, decode: Callable[[bytes], Value], data: bytes) -> Value | None:
        try:
            return decode(data)
        except DeviceError as error:
            self._listeners.unreadable(error)
            return None

    def _lost(self) -> None:
        reply = self._reply
        if reply is not None and not reply.done():
            reply.set_exception(LinkError(f"the link to {self.name} dropped"))
        self._listeners.lost()
