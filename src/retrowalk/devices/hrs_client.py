"""The heart-rate strap client (Heart Rate Service): connect, subscribe, keep the latest pulse.

A strap matters less than the belt: when its link drops, the pulse is unknown (None) until it
comes back (`reconnect`), and nothing else in the session changes.
"""

from __future__ import annotations

from collections.abc import Callable

from retrowalk.devices import gatt
from retrowalk.devices.heart_rate import decode_heart_rate
from retrowalk.devices.link import Link
from retrowalk.domain.errors import DeviceError


class HeartRateClient:
    def __init__(self, link: Link, on_lost: Callable[[], None] | None = None) -> None:
        self._link, self._on_lost = link, on_lost
        self.bpm: int | None = None
        self.unreadable = 0
        link.on_disconnect(self._lost)

    @property
    def name(self) -> str:
        return self._link.name

    @property
    def connected(self) -> bool:
        return self._link.is_connected

    async def open(self) -> None:
        await self._link.connect()
        if not self._link.has(gatt.HEART_RATE_MEASUREMENT):
            await self._link.disconnect()
            raise DeviceError(
                f"{self.name} is not a heart-rate strap: it has no Heart Rate Service"
            )
        await self._link.subscribe(gatt.HEART_RATE_MEASUREMENT, self._on_measurement)

    async def reconnect(self) -> None:
        await self._link.connect()
        await self._link.subscribe(gatt.HEART_RATE_MEASUREMENT, self._on_measurement)

    async def close(self) -> None:
        if self._link.is_connected:
            await self._link.disconnect()

    def _on_measurement(self, data: bytes) -> None:
        try:
            measurement = decode_heart_rate(data)
        except DeviceError:
            self.unreadable += 1
            return
        # A strap that can tell it has lost the skin sends a number that means nothing.
        self.bpm = None if measurement.skin_contact is False else measurement.bpm

    def _lost(self) -> None:
        self.bpm = None
        if self._on_lost is not None:
            self._on_lost()
