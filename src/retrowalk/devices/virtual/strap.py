"""A virtual heart-rate strap: the Heart Rate Service's measurement, notified on each `tick`."""

from __future__ import annotations

from collections.abc import Callable

from retrowalk.devices import gatt
from retrowalk.devices.heart_rate import HeartRateMeasurement, encode_heart_rate
from retrowalk.devices.virtual.peripheral import GattTable, LinkedPeripheral

_GATT: GattTable = {gatt.HEART_RATE_SERVICE: {gatt.HEART_RATE_MEASUREMENT: ("notify",)}}


class VirtualStrap(LinkedPeripheral):
    """`bpm` gives the pulse to send at each tick (a steady 72 by default)."""

    def __init__(
        self,
        bpm: Callable[[], int] = lambda: 72,
        name: str = "retrowalk virtual strap",
        address: str = "VIRTUAL-STRAP",
    ) -> None:
        super().__init__(name, address)
        self._bpm = bpm
        self._subscribed = False

    def gatt(self) -> GattTable:
        return _GATT

    def advertisement(self) -> tuple[list[str], dict[str, bytes]]:
        return [gatt.HEART_RATE_SERVICE], {}

    def _forget_central(self) -> None:
        self._subscribed = False

    def read(self, uuid: str) -> bytes:
        raise KeyError(uuid)

    def write(self, uuid: str, data: bytes) -> None:
        raise KeyError(uuid)

    def subscribe(self, uuid: str) -> None:
        self._subscribed = uuid == gatt.HEART_RATE_MEASUREMENT

    def tick(self) -> None:
        if self._deliver is not None and self._subscribed:
            bpm = self._bpm()
            # A pulse over 255 needs the 16-bit format, which the flags then announce.
            measurement = HeartRateMeasurement(bpm, True, True, sixteen_bit_value=bpm > 0xFF)
            self._deliver(gatt.HEART_RATE_MEASUREMENT, encode_heart_rate(measurement))
