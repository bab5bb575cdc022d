"""Session time: seconds since the first set began, standing still while held.

Every deadline is the session's zero plus the event's second, and a hold that began at a
scheduled moment freezes at that moment (not at the wake-up a little after it), so neither late
wake-ups nor pauses make the schedule drift.
"""

from __future__ import annotations

import math

from retrowalk.coach.clock import SessionClock


class SessionTime:
    def __init__(self, clock: SessionClock) -> None:
        self._clock = clock
        self._zero = 0.0
        self._held_at: float | None = 0.0  # held until the walker is on the belt

    @property
    def held(self) -> bool:
        return self._held_at is not None

    def now(self) -> float:
        if self._held_at is not None:
            return self._held_at
        return self._clock.now() - self._zero

    def hold(self, at: float | None = None) -> None:
        """Stop counting, at session second `at` (a scheduled moment) or now."""
        if self._held_at is None:
            self._held_at = self.now() if at is None else at

    def release(self) -> None:
        if self._held_at is not None:
            self._zero = self._clock.now() - self._held_at
            self._held_at = None

    def deadline(self, moment: float) -> float:
        """The clock time at which session time reaches `moment` (never, while held)."""
        return math.inf if self._held_at is not None else self._zero + moment
