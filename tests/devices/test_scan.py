"""Finding treadmills and straps, and saying so plainly when there is no Bluetooth adapter."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from bleak.backends.scanner import AdvertisementData, BaseBleakScanner
from bleak.exc import BleakBluetoothNotAvailableError, BleakBluetoothNotAvailableReason, BleakError

from retrowalk.devices import gatt
from retrowalk.devices.link import NO_ADAPTER, BleakLink, NoAdapter
from retrowalk.devices.scan import DeviceKind, Found, kind_of, scan
from retrowalk.devices.virtual.backend import VirtualScanner
from retrowalk.devices.virtual.strap import VirtualStrap
from retrowalk.devices.virtual.treadmill import VirtualTreadmill

# dbus-fast finds the system bus here: a socket that is not there is a machine without BlueZ.
NO_SYSTEM_BUS = "unix:path=/nonexistent/retrowalk-test/system_bus_socket"


def advertisement(services: list[str], service_data: dict[str, bytes]) -> AdvertisementData:
    return AdvertisementData(None, {}, service_data, services, None, -60, ())


def test_the_virtual_treadmill_and_strap_are_found_treadmill_first():
    peripherals = [VirtualStrap(), VirtualTreadmill(lambda: 0.0)]

    found = asyncio.run(scan(0, VirtualScanner, peripherals=peripherals))

    assert found == [
        Found(DeviceKind.TREADMILL, "VIRTUAL-TREADMILL", "retrowalk virtual treadmill", -55),
        Found(DeviceKind.HEART_RATE_STRAP, "VIRTUAL-STRAP", "retrowalk virtual strap", -55),
    ]


@pytest.mark.parametrize(
    ("services", "service_data", "kind"),
    [
        ([], {gatt.FITNESS_MACHINE_SERVICE: bytes.fromhex("01 01 00")}, DeviceKind.TREADMILL),
        (
            [],
            {gatt.FITNESS_MACHINE_SERVICE: bytes.fromhex("01 00 01")},
            DeviceKind.TREADMILL,
        ),  # swapped
        ([], {gatt.FITNESS_MACHINE_SERVICE: bytes.fromhex("01 20 00")}, DeviceKind.FITNESS_MACHINE),
        ([gatt.FITNESS_MACHINE_SERVICE], {}, DeviceKind.FITNESS_MACHINE),
        ([gatt.HEART_RATE_SERVICE], {}, DeviceKind.HEART_RATE_STRAP),
        ([gatt.uuid16(0x180F)], {}, None),
    ],
)
def test_what_an_advertisement_says_the_device_is(services, service_data, kind):
    assert kind_of(advertisement(services, service_data)) is kind


def unavailable(failure: Exception) -> type[BaseBleakScanner]:
    """A scanner that fails to start the way bleak's own do on a machine without Bluetooth."""

    class Unavailable(BaseBleakScanner):
        def __init__(self, detection_callback: Any, service_uuids: Any, *_: Any, **__: Any):
            super().__init__(detection_callback, service_uuids)

        async def start(self) -> None:
            raise failure

        async def stop(self) -> None:
            return None

    return Unavailable


@pytest.mark.parametrize(
    "failure",
    [
        FileNotFoundError(2, "No such file or directory"),
        BleakError("No Bluetooth adapters found."),
        BleakBluetoothNotAvailableError("off", BleakBluetoothNotAvailableReason.POWERED_OFF),
    ],
)
def test_every_way_bleak_says_there_is_no_adapter_becomes_one_message(failure):
    with pytest.raises(NoAdapter) as refused:
        asyncio.run(scan(0, unavailable(failure)))

    assert str(refused.value) == NO_ADAPTER


def test_scanning_on_a_machine_without_bluez_says_there_is_no_adapter(monkeypatch):
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", NO_SYSTEM_BUS)

    with pytest.raises(NoAdapter):
        asyncio.run(scan(0.1))


def test_connecting_on_a_machine_without_bluez_says_there_is_no_adapter(monkeypatch):
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", NO_SYSTEM_BUS)
    link = BleakLink("AA:BB:CC:DD:EE:FF", timeout=1.0)

    with pytest.raises(NoAdapter):
        asyncio.run(link.connect())
