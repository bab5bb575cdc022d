"""Clocks for the live session: the real monotonic one, a scaled one for demonstrations, and a
simulated one for tests. Times are seconds on the clock's own scale.

`sleep_until` takes an absolute deadline, so a runner that computes every deadline from the
session's start never accumulates the small lateness of each wake-up.
"""

from __future__ import annotations

import heapq
import itertools
import math
import threading
import time
from collections.abc import Callable
from typing import Protocol


class SessionClock(Protocol):
    """Seconds on the live walk's own scale (not the calendar: that is `services.clock.Clock`)."""

    def now(self) -> float: ...

    def sleep_until(self, deadline: float, wake: threading.Event | None = None) -> None:
        """Return once `deadline` has come, or earlier once `wake` is set."""
        ...


class MonotonicClock:
    """The real clock: `time.monotonic`, which never jumps when the wall clock is set."""

    def now(self) -> float:
        return time.monotonic()

    def sleep_until(self, deadline: float, wake: threading.Event | None = None) -> None:
        _wait_real(self.now, deadline, wake, scale=1.0)


class ScaledClock:
    """The real clock running `scale` times faster: a 10-minute set lasts 10 s at scale 60."""

    def __init__(self, scale: float) -> None:
        if scale <= 0:
            raise ValueError(f"a time scale must be positive, not {scale}")
        self.scale = scale
        self._origin = time.monotonic()

    def now(self) -> float:
        return (time.monotonic() - self._origin) * self.scale

    def sleep_until(self, deadline: float, wake: threading.Event | None = None) -> None:
        _wait_real(self.now, deadline, wake, self.scale)


def _wait_real(
    now: Callable[[], float], deadline: float, wake: threading.Event | None, scale: float
) -> None:
    while True:
        remaining = deadline - now()
        if remaining <= 0:
            return
        if wake is None:
            if math.isinf(remaining):
                raise RuntimeError("asked to sleep forever with nothing to wake it")
            time.sleep(remaining / scale)
        elif wake.wait(None if math.isinf(remaining) else remaining / scale):
            return


class SimulatedClock:
    """A clock that jumps: sleeping moves time forward at once, running any actions scheduled on
    the way (a test's key presses), and stops early when an action sets `wake`."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = start
        self._actions: list[tuple[float, int, Callable[[], None]]] = []
        self._order = itertools.count()

    def now(self) -> float:
        return self._now

    def call_at(self, at: float, action: Callable[[], None]) -> None:
        heapq.heappush(self._actions, (at, next(self._order), action))

    def sleep_until(self, deadline: float, wake: threading.Event | None = None) -> None:
        if wake is not None and wake.is_set():
            return
        while self._actions and self._actions[0][0] <= deadline:
            at, _, action = heapq.heappop(self._actions)
            self._now = max(self._now, at)
            action()
            if wake is not None and wake.is_set():
                return
        if math.isinf(deadline):
            raise RuntimeError("the simulated session waits for input that no test will give")
        self._now = max(self._now, deadline)
