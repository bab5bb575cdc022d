"""The figures both activity writers (FIT and TCX) derive alike from a recorded activity: where
each lap ends, which samples fall in it, maxima and averages, and the calories of each lap."""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import fmean

from retrowalk.domain.activity import ActivityLap, RecordedActivity
from retrowalk.domain.treadmill_record import Sample


def lap_end(lap: ActivityLap) -> float:
    return lap.start_second + lap.seconds


def elapsed_seconds(activity: RecordedActivity) -> float:
    """From the start to the end of the last lap (when the timer stopped for good)."""
    return max(lap_end(lap) for lap in activity.laps)


def samples_in(activity: RecordedActivity, lap: ActivityLap) -> list[Sample]:
    return [s for s in activity.samples if lap.start_second <= s.second < lap_end(lap)]


def timed_samples(activity: RecordedActivity) -> list[Sample]:
    """The samples inside the laps, while the timer ran: a file holds no others (a watch
    records nothing while paused), so rests and the time before and after are left out."""
    return [s for lap in activity.laps for s in samples_in(activity, lap)]


def max_speed(samples: Sequence[Sample]) -> float | None:
    speeds = [s.speed_mps for s in samples if s.speed_mps is not None]
    return max(speeds) if speeds else None


def max_heart_rate(samples: Sequence[Sample]) -> int | None:
    pulses = [s.heart_rate for s in samples if s.heart_rate is not None]
    return max(pulses) if pulses else None


def mean_heart_rate(samples: Sequence[Sample]) -> int | None:
    pulses = [s.heart_rate for s in samples if s.heart_rate is not None]
    return round(fmean(pulses)) if pulses else None


def average_speed(activity: RecordedActivity) -> float | None:
    """Distance over the time the timer ran, when the distance is known."""
    if activity.distance_m is None or activity.seconds <= 0:
        return None
    return activity.distance_m / activity.seconds


def lap_calories(activity: RecordedActivity) -> list[int | None]:
    """The estimate shared among the laps by their time, in whole kcal that add up to the
    session's (largest remainders); None for each when the estimate is unknown."""
    if activity.kcal is None:
        return [None for _ in activity.laps]
    total, whole = round(activity.kcal), activity.seconds or 1.0
    shares = [total * lap.seconds / whole for lap in activity.laps]
    floors = [math.floor(share) for share in shares]
    by_remainder = sorted(range(len(shares)), key=lambda i: floors[i] - shares[i])
    for index in by_remainder[: total - sum(floors)]:
        floors[index] += 1
    return list(floors)


def software_version(version: str) -> tuple[int, int]:
    """A package version's major and minor numbers ("0.1.0" -> (0, 1)); the rest is dropped."""
    parts = [*(version.split(".")), "0", "0"]
    major, minor = (int("".join(ch for ch in part if ch.isdigit()) or 0) for part in parts[:2])
    return major, minor
