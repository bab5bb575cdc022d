"""The FTMS and heart-rate clients over bleak, against the virtual treadmill and strap."""

from __future__ import annotations

import asyncio

import pytest

from retrowalk.devices import gatt
from retrowalk.devices.ftms_client import FtmsClient, Listeners
from retrowalk.devices.ftms_control import (
    ControlResponse,
    OpCode,
    RequestControl,
    ResultCode,
    StartOrResume,
)
from retrowalk.devices.ftms_data import TreadmillData
from retrowalk.devices.ftms_features import InclinationRange, SpeedRange
from retrowalk.devices.ftms_status import MachineStatus, StartedOrResumedByUser
from retrowalk.devices.hrs_client import HeartRateClient
from retrowalk.devices.link import BleakLink
from retrowalk.devices.virtual.backend import VirtualClientBackend, virtual_device
from retrowalk.devices.virtual.spec import VirtualSpec
from retrowalk.devices.virtual.strap import VirtualStrap
from retrowalk.devices.virtual.treadmill import VirtualTreadmill
from retrowalk.domain.errors import DeviceError


class Heard:
    def __init__(self) -> None:
        self.data: list[TreadmillData] = []
        self.status: list[MachineStatus] = []
        self.unreadable: list[DeviceError] = []
        self.lost = 0

    def listeners(self) -> Listeners:
        return Listeners(self.data.append, self.status.append, self.unreadable.append, self._lost)

    def _lost(self) -> None:
        self.lost += 1


def client_for(peripheral, heard: Heard) -> FtmsClient:
    link = BleakLink(virtual_device(peripheral), backend=VirtualClientBackend)
    return FtmsClient(link, heard.listeners())


def test_opening_reads_what_the_treadmill_can_do():
    spec = VirtualSpec(speeds=SpeedRange(1.0, 16.0, 0.1), inclines=InclinationRange(-3, 12, 1))
    client = client_for(VirtualTreadmill(lambda: 0.0, spec), Heard())

    capabilities = asyncio.run(client.open())

    assert capabilities.name == "retrowalk virtual treadmill"
    assert (capabilities.speeds, capabilities.inclines) == (spec.speeds, spec.inclines)


def test_a_device_without_the_fitness_machine_service_is_named_as_such():
    client = client_for(VirtualStrap(), Heard())

    with pytest.raises(DeviceError, match="is not a fitness machine"):
        asyncio.run(client.open())


def test_a_command_returns_the_answer_the_treadmill_indicated():
    client = client_for(VirtualTreadmill(lambda: 0.0), Heard())

    async def work() -> tuple[ControlResponse, ControlResponse]:
        await client.open()
        return await client.send(StartOrResume()), await client.send(RequestControl())

    refused, granted = asyncio.run(work())

    assert (refused.request_op_code, refused.result) == (
        OpCode.START_OR_RESUME,
        ResultCode.CONTROL_NOT_PERMITTED,
    )
    assert granted.succeeded


def test_notifications_that_cannot_be_read_are_reported_and_skipped_never_raised():
    heard, treadmill = Heard(), VirtualTreadmill(lambda: 0.0)
    client = client_for(treadmill, heard)

    async def work() -> None:
        await client.open()
        treadmill.notify_raw(gatt.TREADMILL_DATA, bytes.fromhex("00 00 50"))  # speed cut short
        treadmill.notify_raw(gatt.MACHINE_STATUS, bytes.fromhex("04"))
        treadmill.notify_raw(gatt.TREADMILL_DATA, bytes.fromhex("00 40 50 00"))  # reserved bit
        treadmill.tick()
        await asyncio.sleep(0)

    asyncio.run(work())

    assert [str(e) for e in heard.unreadable] == [
        "Treadmill Data, byte 2: too short for Instantaneous Speed (uint16): needs 2 bytes, 1 left",
        "Treadmill Data, byte 0: reserved flag bit 14 is set (flags 0x4000)",
    ]
    assert heard.status == [StartedOrResumedByUser()]
    assert len(heard.data) == 1


def test_a_dropped_link_is_reported_to_the_listener():
    heard, treadmill = Heard(), VirtualTreadmill(lambda: 0.0)
    client = client_for(treadmill, heard)

    async def work() -> None:
        await client.open()
        treadmill.drop_link()

    asyncio.run(work())

    assert heard.lost == 1


def test_the_strap_client_keeps_the_latest_pulse_and_forgets_it_when_the_strap_goes():
    pulse = iter([71, 74])
    strap = VirtualStrap(lambda: next(pulse))
    client = HeartRateClient(BleakLink(virtual_device(strap), backend=VirtualClientBackend))

    async def work() -> list[int | None]:
        await client.open()
        seen = []
        for _ in range(2):
            strap.tick()
            await asyncio.sleep(0)
            seen.append(client.bpm)
        strap.drop_link()
        return seen

    assert asyncio.run(work()) == [71, 74]
    assert client.bpm is None


def test_a_device_without_the_heart_rate_service_is_not_taken_for_a_strap():
    treadmill = VirtualTreadmill(lambda: 0.0)
    client = HeartRateClient(BleakLink(virtual_device(treadmill), backend=VirtualClientBackend))

    with pytest.raises(DeviceError, match="is not a heart-rate strap"):
        asyncio.run(client.open())
