"""bleak backends for the virtual peripherals, plugged in through bleak's public `backend=` seam:
`BleakClient(device, backend=VirtualClientBackend)` and `BleakScanner(backend=VirtualScanner,
peripherals=[...])`. Everything above them (BleakClient, our Link and clients) is the code that
runs against a real adapter.

A `BLEDevice` from the virtual scanner (or `virtual_device`) carries its peripheral in
`details`, the field where bleak's own backends keep their operating-system handle.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import Any

from bleak.args import SizedBuffer
from bleak.backends.characteristic import BleakGATTCharacteristic
from bleak.backends.client import BaseBleakClient, NotifyCallback
from bleak.backends.descriptor import BleakGATTDescriptor
from bleak.backends.device import BLEDevice
from bleak.backends.scanner import AdvertisementData, AdvertisementDataCallback, BaseBleakScanner
from bleak.backends.service import BleakGATTService, BleakGATTServiceCollection
from bleak.exc import BleakDeviceNotFoundError, BleakError

from retrowalk.devices.virtual.peripheral import GattTable, VirtualPeripheral

_ATT_MTU = 23


def virtual_device(peripheral: VirtualPeripheral) -> BLEDevice:
    return BLEDevice(peripheral.address, peripheral.name, peripheral)


def service_collection(table: GattTable) -> BleakGATTServiceCollection:
    collection = BleakGATTServiceCollection()
    handle = 0
    for service_uuid, characteristics in table.items():
        handle += 1
        service = BleakGATTService(None, handle, service_uuid)
        collection.add_service(service)
        for uuid, properties in characteristics.items():
            handle += 2  # the declaration, then the value
            collection.add_characteristic(
                BleakGATTCharacteristic(
                    None, handle, uuid, list(properties), lambda: _ATT_MTU - 3, service
                )
            )
    return collection


class VirtualClientBackend(BaseBleakClient):
    def __init__(
        self,
        address_or_ble_device: BLEDevice | str,
        *,
        disconnected_callback: Callable[[], None] | None,
        timeout: float,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            address_or_ble_device, disconnected_callback=disconnected_callback, timeout=timeout
        )
        details = getattr(address_or_ble_device, "details", None)
        self._peripheral: VirtualPeripheral | None = details
        self._callbacks: dict[str, NotifyCallback] = {}
        self._connected = False

    @property
    def name(self) -> str:
        return self._peripheral.name if self._peripheral is not None else self.address

    @property
    def mtu_size(self) -> int:
        return _ATT_MTU

    @property
    def is_connected(self) -> bool:
        return self._connected

    async def connect(self, pair: bool, **kwargs: Any) -> None:
        if self._peripheral is None:
            raise BleakDeviceNotFoundError(self.address, "not a virtual device")
        loop = asyncio.get_running_loop()

        def deliver_later(uuid: str, data: bytes) -> None:
            # Values reach a central from its event loop, never inside the write that caused them.
            loop.call_soon(self._deliver, uuid, data)

        self._peripheral.open_link(deliver_later, self._lost)
        self.services = service_collection(self._peripheral.gatt())
        self._connected = True

    async def disconnect(self) -> None:
        if self._peripheral is not None and self._connected:
            self._peripheral.close_link()
        self._connected = False
        self._callbacks.clear()

    async def pair(self, *args: Any, **kwargs: Any) -> None:
        return None

    async def unpair(self) -> None:
        return None

    async def read_gatt_char(
        self, characteristic: BleakGATTCharacteristic, *, use_cached: bool = False, **kwargs: Any
    ) -> bytearray:
        return bytearray(self._linked().read(characteristic.uuid))

    async def read_gatt_descriptor(
        self, descriptor: BleakGATTDescriptor, *, use_cached: bool = False, **kwargs: Any
    ) -> bytearray:
        raise BleakError("the virtual peripherals have no descriptors to read")

    async def write_gatt_char(
        self, characteristic: BleakGATTCharacteristic, data: SizedBuffer, response: bool
    ) -> None:
        self._linked().write(characteristic.uuid, bytes(data))

    async def write_gatt_descriptor(
        self, descriptor: BleakGATTDescriptor, data: SizedBuffer
    ) -> None:
        raise BleakError("the virtual peripherals have no descriptors to write")

    async def start_notify(
        self, characteristic: BleakGATTCharacteristic, callback: NotifyCallback, **kwargs: Any
    ) -> None:
        self._callbacks[characteristic.uuid] = callback
        self._linked().subscribe(characteristic.uuid)

    async def stop_notify(self, characteristic: BleakGATTCharacteristic) -> None:
        self._callbacks.pop(characteristic.uuid, None)

    def _linked(self) -> VirtualPeripheral:
        if self._peripheral is None or not self._connected:
            raise BleakError("Not connected")
        return self._peripheral

    def _deliver(self, uuid: str, data: bytes) -> None:
        callback = self._callbacks.get(uuid) if self._connected else None
        if callback is not None:
            callback(bytearray(data))

    def _lost(self) -> None:
        self._connected = False
        self._callbacks.clear()
        if self._disconnected_callback is not None:
            self._disconnected_callback()


class VirtualScanner(BaseBleakScanner):
    """Finds the `peripherals` it is given, each advertising as it says."""

    def __init__(
        self,
        detection_callback: AdvertisementDataCallback | None,
        service_uuids: list[str] | None,
        scanning_mode: str = "active",
        *,
        peripherals: Iterable[VirtualPeripheral] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(detection_callback, service_uuids)
        self._peripherals = tuple(peripherals)

    async def start(self) -> None:
        self.seen_devices = {}
        for peripheral in self._peripherals:
            services, service_data = peripheral.advertisement()
            if not self.is_allowed_uuid(services):
                continue
            advertisement = AdvertisementData(
                peripheral.name, {}, service_data, services, None, -55, ()
            )
            device = self.create_or_update_device(
                peripheral.address, peripheral.address, peripheral.name, peripheral, advertisement
            )
            self.call_detection_callbacks(device, advertisement)

    async def stop(self) -> None:
        return None
