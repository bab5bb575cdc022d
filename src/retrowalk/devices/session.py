"""One walk's devices: the treadmill's controller, an optional heart-rate strap, the virtual
peripherals' clocks (when they are virtual) and the 1 Hz samples, beating together."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Protocol

from retrowalk.devices.controller import TreadmillController
from retrowalk.devices.report import DeviceReport
from retrowalk.devices.strap_watch import StrapWatch
from retrowalk.devices.totals import SampleRecorder, human_pulse


class Ticking(Protocol):
    def tick(self) -> None:
        """A virtual peripheral's once-a-second: move on to the clock's time and notify."""
        ...


class TreadmillSession:
    def __init__(
        self,
        controller: TreadmillController,
        now: Callable[[], float],
        strap: StrapWatch | None = None,
        virtual: Sequence[Ticking] = (),
    ) -> None:
        self.controller, self.strap = controller, strap
        self._now, self.virtual = now, tuple(virtual)
        self._recorder: SampleRecorder | None = None

    def begin(self) -> None:
        """The walk starts: samples count their seconds from now."""
        self._recorder = SampleRecorder(self._now())

    def heart_rate(self) -> int | None:
        """The pulse now: the strap's alone when the walker wears one (unknown while it is
        away), otherwise what the treadmill relays, if anything."""
        if self.strap is not None:
            return human_pulse(self.strap.bpm)
        return human_pulse(self.controller.totals.latest.heart_rate)

    async def beat(self) -> None:
        for peripheral in self.virtual:
            peripheral.tick()
        await asyncio.sleep(0)  # let the values just notified arrive
        await self.controller.heartbeat()
        if self.strap is not None:
            await self.strap.beat()
        if self._recorder is not None:
            self._recorder.record(self._now(), self.controller.totals, self.heart_rate())
        await self.controller.settle()

    def report(self) -> DeviceReport:
        report = self.controller.report
        if self._recorder is not None:
            report.samples = list(self._recorder.samples)
        if self.strap is not None:
            report.strap, report.strap_drops = self.strap.name, list(self.strap.drops)
        return report

    async def close(self) -> None:
        try:
            await self.controller.close()
        finally:
            if self.strap is not None:
                await self.strap.close()
