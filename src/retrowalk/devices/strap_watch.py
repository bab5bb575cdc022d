"""The heart-rate strap during a walk: its pulse for the samples and the screen, and a link that
may drop and come back. The walk never waits for the strap: while it is away its pulse is unknown
(the samples say nothing for those seconds), and it is tried again every few seconds in the
background, so a slow Bluetooth connect never holds up the treadmill's heartbeat."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from retrowalk.devices.hrs_client import HeartRateClient
from retrowalk.devices.link import Link, NoAdapter
from retrowalk.domain.errors import DeviceError

# Between two tries to reach a strap whose link dropped.
RECONNECT_EVERY_SECONDS = 2.0


class StrapWatch:
    def __init__(self, link: Link, now: Callable[[], float]) -> None:
        self.client = HeartRateClient(link, on_lost=self._lost)
        self.drops: list[float] = []  # when the link dropped, on the session's clock
        self._now = now
        self._tried_at = float("-inf")
        self._trying: asyncio.Task[None] | None = None
        self._closed = False

    @property
    def name(self) -> str:
        return self.client.name

    @property
    def bpm(self) -> int | None:
        return self.client.bpm

    async def open(self) -> None:
        """Connect before the walk; a strap that cannot be used is named, with what to do."""
        try:
            await self.client.open()
        except NoAdapter:
            raise
        except DeviceError as error:
            raise DeviceError(
                f"the heart-rate strap cannot be used ({error}): wake it (moisten its contacts "
                "and put it on), or walk without --strap"
            ) from None

    async def beat(self) -> None:
        """Once a second: start a try to reconnect when one is due and none is under way."""
        if self._closed or self.client.connected or self._trying is not None:
            return
        now = self._now()
        if now - self._tried_at >= RECONNECT_EVERY_SECONDS:
            self._tried_at = now
            self._trying = asyncio.get_running_loop().create_task(self._reconnect())

    async def close(self) -> None:
        self._closed = True
        if self._trying is not None:
            self._trying.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._trying
        await self.client.close()

    async def _reconnect(self) -> None:
        try:
            await self.client.reconnect()
        except DeviceError:
            # Still out of reach, or reached but not listening: the next beat tries again.
            with contextlib.suppress(DeviceError):
                await self.client.close()
        finally:
            self._trying = None

    def _lost(self) -> None:
        self.drops.append(self._now())
