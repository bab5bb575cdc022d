"""The laps of an exported session, one per set walked: from the samples where the belt ran,
or from the session's set structure when there are none.

Times are whole seconds from the activity's start (files keep times to the second); a sample
is one second. See docs/interchange.md ("Laps").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from statistics import fmean

from retrowalk.domain.activity import ActivityLap
from retrowalk.domain.treadmill_record import Sample

# A stretch of seconds [start, end) from the activity's start.
Window = tuple[int, int]


def sets_walked(sets: Sequence[float], minutes_done: float | None) -> tuple[float, ...]:
    """Minutes walked in each set: the sets in order until `minutes_done` runs out (None: all of
    them); minutes beyond the prescription lengthen the last set."""
    if minutes_done is None:
        return tuple(sets)
    left, walked = minutes_done, []
    for minutes in sets:
        if left <= 0:
            break
        walked.append(min(minutes, left))
        left -= walked[-1]
    if walked and left > 0:
        walked[-1] += left
    return tuple(walked)


def set_windows(walked: Sequence[float], rest_minutes: float, offset: int = 0) -> list[Window]:
    """Each set's seconds when the sets follow each other with their rests between."""
    windows, at = [], float(offset)
    for minutes in walked:
        start = round(at)
        windows.append((start, start + round(minutes * 60)))
        at += (minutes + rest_minutes) * 60
    return [window for window in windows if window[1] > window[0]]


def belt_runs(samples: Sequence[Sample]) -> list[Window]:
    """The stretches of consecutive seconds in which the belt moved."""
    runs: list[Window] = []
    for sample in samples:
        if sample.speed_mps is None or sample.speed_mps <= 0:
            continue
        if runs and runs[-1][1] == sample.second:
            runs[-1] = (runs[-1][0], sample.second + 1)
        else:
            runs.append((sample.second, sample.second + 1))
    return runs


def grouped(runs: Sequence[Window], sets: int) -> list[Window]:
    """The belt's runs as `sets` laps: the longest stops between runs are the rests, shorter
    ones (a pause inside a set) stay inside their lap. Fewer runs than sets: one lap a run."""
    if len(runs) <= sets:
        return list(runs)
    gaps = sorted(range(len(runs) - 1), key=lambda i: (runs[i][1] - runs[i + 1][0], i))
    cuts = sorted(gaps[: sets - 1])
    laps, first = [], 0
    for cut in [*cuts, len(runs) - 1]:
        laps.append((runs[first][0], runs[cut][1]))
        first = cut + 1
    return laps


def sampled_lap(samples: Sequence[Sample], window: Window) -> ActivityLap:
    """A lap over `window` with its distance, average speed and heart rate from the samples."""
    start, end = window
    inside = [s for s in samples if start <= s.second < end]
    before = [s.distance_m for s in samples if s.second < start and s.distance_m is not None]
    distances = [s.distance_m for s in inside if s.distance_m is not None]
    speeds = [s.speed_mps for s in inside if s.speed_mps is not None]
    distance: float | None = None
    if distances:
        distance = max(0.0, distances[-1] - (before[-1] if before else 0.0))
    elif speeds:
        distance = sum(speeds)  # one second each
    seconds = end - start
    average = distance / seconds if distance is not None else None
    pulses = [s.heart_rate for s in inside if s.heart_rate is not None]
    pulse = round(fmean(pulses)) if pulses else None
    return ActivityLap(start, seconds, _rounded(distance), _rounded(average, 3), pulse)


def planned_lap(window: Window, speed_mps: float | None) -> ActivityLap:
    """A lap of a set without samples: its distance from the belt speed, if one is known."""
    start, end = window
    seconds = end - start
    distance = None if speed_mps is None else speed_mps * seconds
    return ActivityLap(start, seconds, _rounded(distance), _rounded(speed_mps, 3))


def from_first_set(
    laps: Sequence[ActivityLap], samples: Sequence[Sample]
) -> tuple[tuple[ActivityLap, ...], tuple[Sample, ...]]:
    """The laps and their samples counted from the first set's start, the distance from zero
    there: the set-up before, the rests between and the check-in after are no part of the
    file (a watch records nothing while its timer is stopped)."""
    offset = int(laps[0].start_second)  # whole seconds here (set_windows, belt_runs)
    inside = [
        s
        for s in samples
        if any(a.start_second <= s.second < a.start_second + a.seconds for a in laps)
    ]
    before = [s.distance_m for s in samples if s.second < offset and s.distance_m is not None]
    zero = before[-1] if before else 0.0
    moved = tuple(
        replace(
            s,
            second=s.second - offset,
            distance_m=None if s.distance_m is None else round(max(0.0, s.distance_m - zero), 1),
        )
        for s in inside
    )
    shifted = tuple(replace(lap, start_second=lap.start_second - offset) for lap in laps)
    return shifted, moved


def _rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)
