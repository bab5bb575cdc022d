"""Reading the speed back: did the belt do what the last command asked, and in which unit?

Some treadmills read the speed parameter as mph though FTMS says km/h (the belt then runs
1.609 times too fast); some ignore speed commands or a Start altogether. After each command the
controller watches the Treadmill Data that follow. Once the belt has settled (two readings
alike, at least `SETTLE_SECONDS` after the command) the reading says which: it matches the
parameter in km/h, or in mph, or neither. The unit is concluded only from a change the belt
actually made, so a belt that was already at the speed proves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from retrowalk.domain.units import KM_PER_MILE

# Long enough for any belt to begin answering; the virtual one accelerates 0.5 km/h a second.
SETTLE_SECONDS = 3.0
# A belt that has not reached its target by then is not going to.
GIVE_UP_SECONDS = 20.0
# Belts report their real speed, which wanders a little about the target.
TOLERANCE_KMH = 0.15
# However long it took (a demonstration's sped-up clock reads the belt rarely).
_READINGS_BEFORE_GIVING_UP = 3
# Two readings this close are "alike".
_STEADY_KMH = 0.02


class Outcome(StrEnum):
    WATCHING = "watching"
    FOLLOWED = "followed"
    NOT_FOLLOWED = "not_followed"


@dataclass(frozen=True, slots=True)
class FollowVerdict:
    outcome: Outcome
    kmh_per_unit: float | None = None  # concluded only from a change the belt made


_WATCHING = FollowVerdict(Outcome.WATCHING)
_NOT_FOLLOWED = FollowVerdict(Outcome.NOT_FOLLOWED)


@dataclass
class FollowCheck:
    """Watches one command. `parameter` is the speed sent, None for a Start (the belt should
    move at all); `before_kmh` is the belt's speed when it was sent."""

    parameter: float | None
    before_kmh: float | None
    sent_at: float
    _last: float | None = None
    _readings: int = 0

    def observe(self, reading_kmh: float, now: float, kmh_per_unit: float | None) -> FollowVerdict:
        steady = self._last is not None and abs(reading_kmh - self._last) < _STEADY_KMH
        self._last = reading_kmh
        self._readings += 1
        waited = now - self.sent_at
        if not (steady and waited >= SETTLE_SECONDS):
            # Judged on time only once the belt has been read often enough to have settled.
            gave_up = waited > GIVE_UP_SECONDS and self._readings >= _READINGS_BEFORE_GIVING_UP
            return _NOT_FOLLOWED if gave_up else _WATCHING
        if self.parameter is None:
            return FollowVerdict(Outcome.FOLLOWED) if reading_kmh > 0 else _NOT_FOLLOWED
        for factor in (kmh_per_unit,) if kmh_per_unit else (1.0, KM_PER_MILE):
            if abs(reading_kmh - self.parameter * factor) <= TOLERANCE_KMH:
                return FollowVerdict(Outcome.FOLLOWED, factor if self._moved(reading_kmh) else None)
        return _NOT_FOLLOWED

    def _moved(self, reading_kmh: float) -> bool:
        return self.before_kmh is not None and abs(reading_kmh - self.before_kmh) > TOLERANCE_KMH
