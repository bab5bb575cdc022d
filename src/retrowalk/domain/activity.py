"""A recorded activity as the file formats see it: when it started, its laps, its per-second samples
and its totals.

This is the neutral shape between a logged session and a file: services turn a logged session into
one (to export FIT or TCX) and a watch's file, once read, into a session the walker confirms (to
import). The readers and writers in `formats/` know only this type, never the store or a face.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from retrowalk.domain.treadmill_record import Sample


@dataclass(frozen=True, slots=True)
class ActivityLap:
    """One lap: a set of the session. `start_second` counts from the activity's start;
    `seconds` is the time the lap's timer ran."""

    start_second: float
    seconds: float
    distance_m: float | None = None
    average_speed_mps: float | None = None
    average_heart_rate: int | None = None


@dataclass(frozen=True, slots=True)
class RecordedActivity:
    """A walk as a file holds it.

    `started_at` is timezone-aware. `seconds` is the time the timer ran (pauses and rests left
    out); `samples` are 1 Hz and may be empty (a session logged by hand has only its totals);
    `kcal` is an estimate or None (unknown, never 0). `sport` and `indoor` describe what the
    recording device called it ("walking", True for a treadmill), for an import to show.
    """

    started_at: datetime
    seconds: float
    laps: tuple[ActivityLap, ...]
    samples: tuple[Sample, ...] = ()
    distance_m: float | None = None
    kcal: float | None = None
    average_incline_percent: float | None = None
    sport: str = "walking"
    indoor: bool = True

    def __post_init__(self) -> None:
        if self.started_at.tzinfo is None:
            raise ValueError("an activity's start needs a time zone")
