"""What the runner saw of a walk: how far through the timeline it got, and what changed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from retrowalk.coach.timeline import Timeline
from retrowalk.domain.stop_reason import StopReason
from retrowalk.domain.units import Speed


class ChangedBy(StrEnum):
    PLAN = "plan"
    WALKER = "walker"


@dataclass(frozen=True, slots=True)
class SpeedChange:
    at: float
    old: Speed
    new: Speed
    by: ChangedBy


@dataclass(frozen=True, slots=True)
class Pause:
    """A pause at session second `at`, lasting `seconds` on the session's clock."""

    at: float
    seconds: float


@dataclass(frozen=True, slots=True)
class WentOn:
    """A STOP at session second `at` that the walker went on from (pressed by mistake, or an
    interruption); the time stopped is kept as a pause at the same second."""

    at: float
    reason: StopReason


@dataclass(frozen=True, slots=True)
class WalkRecord:
    """`stopped` says the walker pressed stop (and did not go on); `belt` lists each speed the
    belt ran at from the session second it began; `went_on` the stops the walk went on from."""

    timeline: Timeline
    ended_at: float
    stopped: bool
    speed_changes: tuple[SpeedChange, ...] = ()
    pauses: tuple[Pause, ...] = ()
    belt: tuple[tuple[float, Speed], ...] = ()
    went_on: tuple[WentOn, ...] = ()

    @property
    def stopped_early(self) -> bool:
        """Stopped with walking still to do (a stop at the very last second is no loss)."""
        return self.stopped and self.walked_seconds < self.timeline.walking_seconds - 1e-6

    @property
    def walked_seconds(self) -> float:
        return self.timeline.walked_seconds(self.ended_at)

    @property
    def minutes_walked(self) -> float:
        return round(self.walked_seconds / 60, 2)

    @property
    def sets_walked(self) -> tuple[float, ...]:
        """Minutes walked in each set, in order."""
        return tuple(round(w.walked_by(self.ended_at) / 60, 2) for w in self.timeline.sets)

    def seconds_at_each_speed(self) -> dict[Speed, float]:
        seconds: dict[Speed, float] = {}
        bounds = [*(at for at, _ in self.belt), self.ended_at]
        for (start, end), (_, speed) in zip(pairwise(bounds), self.belt, strict=True):
            walked = self.timeline.walked_seconds(end) - self.timeline.walked_seconds(start)
            seconds[speed] = seconds.get(speed, 0.0) + walked
        return seconds

    @property
    def main_speed(self) -> Speed | None:
        """The speed walked longest (the lower one on a tie), or None without a belt speed."""
        seconds = self.seconds_at_each_speed()
        if not seconds:
            return None
        return max(seconds, key=lambda s: (round(seconds[s], 6), -s.metres_per_second))
