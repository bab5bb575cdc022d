"""The session's own totals and its 1 Hz samples, kept by the app.

Pausing or stopping often resets a console's counters, and a dropped link loses whatever the
treadmill said meanwhile, so the distance is the sum of what each reading added: a counter that
went backwards was reset, and counts again from zero.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from retrowalk.devices.ftms_data import TreadmillData
from retrowalk.domain.treadmill_record import Sample

_METRES_PER_SECOND_PER_KMH = 1 / 3.6


@dataclass
class Latest:
    """The belt as last reported; `speed_kmh` None while the link is down."""

    speed_kmh: float | None = None
    incline_percent: float | None = None
    heart_rate: int | None = None
    at: float | None = None


class Totals:
    def __init__(self) -> None:
        self.distance_m = 0.0
        self.latest = Latest()
        self._counter: int | None = None

    def add(self, record: TreadmillData, now: float) -> None:
        """Fold one Treadmill Data record in (a "More Data" half carries no speed: skipped)."""
        if record.instantaneous_speed_kmh is None:
            return
        before = self.latest
        if record.total_distance_m is not None:
            self._count(record.total_distance_m)
        elif before.speed_kmh is not None and before.at is not None:
            seconds = now - before.at
            self.distance_m += before.speed_kmh * _METRES_PER_SECOND_PER_KMH * seconds
        incline = record.inclination.inclination_percent if record.inclination else None
        self.latest = Latest(record.instantaneous_speed_kmh, incline, record.heart_rate_bpm, now)

    def link_lost(self) -> None:
        self.latest = Latest(None, None, None, None)

    def _count(self, counter: int) -> None:
        if self._counter is not None:
            self.distance_m += counter - self._counter if counter >= self._counter else counter
        self._counter = counter


class SampleRecorder:
    """One sample for each whole second since `start`, with the heart rate it is given. Seconds
    that passed between two calls (a slow pacer) hold what was known before; the current second
    takes the latest values."""

    def __init__(self, start: float) -> None:
        self.start = start
        self.samples: list[Sample] = []

    def record(self, now: float, totals: Totals, heart_rate: int | None) -> None:
        second = math.floor(now - self.start + 1e-9)
        latest = totals.latest
        speed = latest.speed_kmh
        current = Sample(
            second=second,
            speed_mps=None if speed is None else speed * _METRES_PER_SECOND_PER_KMH,
            incline_percent=latest.incline_percent,
            distance_m=round(totals.distance_m, 1),
            heart_rate=human_pulse(heart_rate),
        )
        held = self.samples[-1] if self.samples else current
        while len(self.samples) < second:
            self.samples.append(replace(held, second=len(self.samples)))
        if len(self.samples) == second:
            self.samples.append(current)


def human_pulse(bpm: int | None) -> int | None:
    """Machines send 0 when no strap is worn; nothing outside 20-250 is a human pulse."""
    return bpm if bpm is not None and 20 <= bpm <= 250 else None
