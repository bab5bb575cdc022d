"""A virtual heart-rate strap: the Heart Rate Service's measurement, notified on each `tick`."""

from __future__ import annotations

from collections.abc import Callable

from bleak.exc import BleakDeviceNotFoundError

from retrowalk.devices import gatt
from retrowalk.devices.heart_rate import HeartRateMeasurement, encode_heart_rate
from retrowalk.devices.virtual.peripheral import Deliver, GattTable

_GATT: GattTable = {gatt.HEART_RATE_SERVICE: {gatt.HEART_RATE_MEASUREMENT: ("notify",)}}


class VirtualStrap:
    """`bpm` gives the pulse to send at each tick (a steady 72 by default)."""

    def __init__(
        self,
        bpm: Callable[[], int] = lambda: 72,
        name: str = "retrowalk virtual strap",
        address: str = "VIRTUAL-STRAP",
    ) -> None:
        self._bpm, self._name, self._address = bpm, name, address
        self._deliver: Deliver | None = None
        self._lost: Callable[[], None] | None = None
        self._subscribed = False
        self._reachable = True

    @property
    def name(self) -> str:
        return self._name

    @property
    def address(self) -> str:
        return self._address

    def gatt(self) -> GattTable:
        return _GATT

    def advertisement(self) -> tuple[list[str], dict[str, bytes]]:
        return [gatt.HEART_RATE_SERVICE], {}

    def open_link(self, deliver: Deliver, lost: Callable[[], None]) -> None:
        if not self._reachable:
            raise BleakDeviceNotFoundError(self._address, "the virtual strap is out of reach")
        self._deliver, self._lost = deliver, lost

    def close_link(self) -> None:
        self._deliver = self._lost = None
        self._subscribed = False

    def read(self, uuid: str) -> bytes:
        raise KeyError(uuid)

    def write(self, uuid: str, data: bytes) -> None:
        raise KeyError(uuid)

    def subscribe(self, uuid: str) -> None:
        self._subscribed = uuid == gatt.HEART_RATE_MEASUREMENT

    def tick(self) -> None:
        if self._deliver is not None and self._subscribed:
            measurement = HeartRateMeasurement(self._bpm(), True, True)
            self._deliver(gatt.HEART_RATE_MEASUREMENT, encode_heart_rate(measurement))

    def drop_link(self) -> None:
        """The strap goes out of reach (a flat battery, the walker walked off)."""
        self._reachable = False
        lost = self._lost
        self.close_link()
        if lost is not None:
            lost()

    def restore_link(self) -> None:
        """The strap is in reach again: the next try to connect succeeds."""
        self._reachable = True
