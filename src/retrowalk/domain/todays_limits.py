"""Today's limits for a belt setting asked for during a live walk: never faster than today's
ceiling (or today's speed, without a treadmill grid), never steeper than today's incline.

The device layer's safety envelope holds the belt to the same ceiling whatever it is sent; this
rule refuses a setting before anything is sent, for every belt (connected or not).
"""

from __future__ import annotations

from dataclasses import dataclass

from retrowalk.domain.errors import SafetyLimitError
from retrowalk.domain.units import Speed


@dataclass(frozen=True, slots=True)
class TodaysLimits:
    """`top_speed` None: today's walk has no belt speed, so no moving speed is allowed."""

    top_speed: Speed | None
    incline_percent: float

    def check(self, speed: Speed | None, incline_percent: float) -> None:
        """A SafetyLimitError naming the limit when the setting goes above today's."""
        top = self.top_speed
        if speed is not None and (top is None or top < speed):
            limit = "no belt speed" if top is None else top.describe()
            raise SafetyLimitError(f"{speed.describe()} is above today's limit ({limit})")
        today = self.incline_percent
        if incline_percent > today:
            raise SafetyLimitError(f"{incline_percent:g} % is above today's incline ({today:g} %)")
