"""The moving parts of the virtual treadmill: a belt that accelerates towards its target at a
fixed rate, an incline motor that moves at its own rate, and the distance and climb they make."""

from __future__ import annotations

import math
from dataclasses import dataclass

SECONDS_PER_HOUR_OVER_METRES_PER_KM = 3.6  # km/h / 3.6 = m/s


def _towards(value: float, target: float, rate: float, seconds: float) -> float:
    step = rate * seconds
    if abs(target - value) <= step:
        return target
    return value + math.copysign(step, target - value)


@dataclass
class BeltMotion:
    """`speed_kmh` follows `target_kmh` at `acceleration` km/h per second (and slows at the same
    rate); the incline follows its target at `incline_rate` % per second."""

    acceleration: float
    incline_rate: float
    speed_kmh: float = 0.0
    target_kmh: float = 0.0
    incline_percent: float = 0.0
    target_incline_percent: float = 0.0
    distance_m: float = 0.0
    climb_m: float = 0.0

    def advance(self, seconds: float) -> None:
        if seconds <= 0:
            return
        start = self.speed_kmh
        self.speed_kmh = _towards(start, self.target_kmh, self.acceleration, seconds)
        metres = self._metres_covered(start, seconds)
        self.distance_m += metres
        grade = max(0.0, self.incline_percent) / 100
        self.climb_m += metres * grade / math.hypot(1.0, grade)
        self.incline_percent = _towards(
            self.incline_percent, self.target_incline_percent, self.incline_rate, seconds
        )

    def halt(self) -> None:
        """An emergency stop: the belt stands at once."""
        self.speed_kmh = self.target_kmh = 0.0

    def _metres_covered(self, start: float, seconds: float) -> float:
        """Exact for a belt that ramps at a constant rate and then holds its target."""
        end = self.speed_kmh
        ramp = min(seconds, abs(end - start) / self.acceleration) if self.acceleration else 0.0
        kmh_seconds = (start + end) / 2 * ramp + end * (seconds - ramp)
        return kmh_seconds / SECONDS_PER_HOUR_OVER_METRES_PER_KM
