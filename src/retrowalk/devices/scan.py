"""Finding treadmills and heart-rate straps nearby: what `retrowalk devices scan` lists.

A device counts when its advertisement names the Fitness Machine service (a treadmill when its
Service Data says so) or the Heart Rate service. Without a Bluetooth adapter bleak fails with a
bare FileNotFoundError or a BleakError; either way the answer is "no Bluetooth adapter found".
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bleak import BleakScanner
from bleak.backends.scanner import AdvertisementData, BaseBleakScanner
from bleak.exc import BleakError

from retrowalk.devices import gatt
from retrowalk.devices.link import NoAdapter


class DeviceKind(StrEnum):
    TREADMILL = "treadmill"
    FITNESS_MACHINE = "fitness machine"  # FTMS, but not said to be a treadmill
    HEART_RATE_STRAP = "heart-rate strap"


@dataclass(frozen=True, slots=True)
class Found:
    kind: DeviceKind
    address: str
    name: str
    rssi: int


def kind_of(advertisement: AdvertisementData) -> DeviceKind | None:
    services = {uuid.lower() for uuid in advertisement.service_uuids}
    service_data = advertisement.service_data.get(gatt.FITNESS_MACHINE_SERVICE)
    if service_data is not None:
        return (
            DeviceKind.TREADMILL
            if gatt.advertises_treadmill(service_data)
            else DeviceKind.FITNESS_MACHINE
        )
    if gatt.FITNESS_MACHINE_SERVICE in services:
        return DeviceKind.FITNESS_MACHINE
    if gatt.HEART_RATE_SERVICE in services:
        return DeviceKind.HEART_RATE_STRAP
    return None


async def scan(
    seconds: float, backend: type[BaseBleakScanner] | None = None, **backend_options: Any
) -> list[Found]:
    """Listen for `seconds`; treadmills first, then by signal strength."""
    with _adapter_errors():
        scanner = BleakScanner(backend=backend, **backend_options)
        async with scanner:
            await asyncio.sleep(seconds)
        heard = scanner.discovered_devices_and_advertisement_data.values()
    found = [
        Found(
            kind, device.address, device.name or advertisement.local_name or "", advertisement.rssi
        )
        for device, advertisement in heard
        if (kind := kind_of(advertisement)) is not None
    ]
    return sorted(found, key=lambda f: (list(DeviceKind).index(f.kind), -f.rssi, f.address))


@contextmanager
def _adapter_errors() -> Iterator[None]:
    try:
        yield
    except (FileNotFoundError, BleakError):
        raise NoAdapter() from None
