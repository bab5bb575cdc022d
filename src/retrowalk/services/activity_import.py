"""A watch's recorded activity (read from a FIT file by formats/fit_read.py) logged as the
walker's next session, once they confirm it was backward walking on a treadmill.

What is stored: the day it started (in this computer's time zone), the minutes the timer ran,
the average speed (distance over timer time, else the samples' mean) in the walker's unit, the
average grade as the incline when it is not negative, and every per-second sample; the source
is `import`. The watch knows nothing of knee pain, effort or form: those stay unknown unless
the walker gives them (`answers`). How it fits the plan, the preview and exactly once:
services/import_log.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean
from typing import Any

from retrowalk.domain.activity import RecordedActivity
from retrowalk.domain.errors import InputError
from retrowalk.domain.treadmill_record import Sample
from retrowalk.domain.units import SpeedUnit
from retrowalk.services.clock import Clock
from retrowalk.services.import_log import (
    Candidate,
    Candidates,
    Imported,
    ImportPreview,
    confirm_import,
    preview_import,
)
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import ImportKind, Source, StoredWalker

# How a refusal of a log's field is named for a file the walker did not type.
_NAMES = {
    "date": "date (the day the activity started)",
    "minutes_done": "minutes (the activity's timer time)",
    "speed_done_kmh": "speed (the activity's average)",
    "speed_done_mph": "speed (the activity's average)",
    "incline_done_percent": "incline (the activity's average grade)",
}
NOT_TREADMILL = (
    "The file does not say it was on a treadmill ({sport}); import it only if it was backward "
    "walking on a treadmill."
)


@dataclass(frozen=True, slots=True)
class ActivityPreview:
    preview: ImportPreview
    activity: RecordedActivity
    warnings: tuple[str, ...]


def preview_activity(
    walker_id: int,
    activity: RecordedActivity,
    sha256: str,
    answers: dict[str, Any],
    uow: UnitOfWork,
    clock: Clock,
) -> ActivityPreview:
    """What importing `activity` would log; an InputError when it cannot be logged."""
    candidates = _candidates(activity, answers)
    preview = preview_import(walker_id, ImportKind.FIT, sha256, candidates, uow, clock, True)
    return ActivityPreview(preview, activity, _warnings(activity))


def import_activity(
    walker_id: int,
    activity: RecordedActivity,
    sha256: str,
    first_seq: int,
    answers: dict[str, Any],
    uow: UnitOfWork,
    clock: Clock,
) -> Imported:
    candidates = _candidates(activity, answers)
    return confirm_import(walker_id, ImportKind.FIT, sha256, first_seq, candidates, uow, clock)


def _candidates(activity: RecordedActivity, answers: dict[str, Any]) -> Candidates:
    def build(walker: StoredWalker) -> list[Candidate]:
        fields = answers | _measured(activity, walker.profile.units.speed_unit)
        on = activity.started_at.astimezone().date()
        return [Candidate(None, on, fields | {"date": on}, _NAMES)]

    return build


def _measured(activity: RecordedActivity, unit: SpeedUnit) -> dict[str, Any]:
    if activity.seconds <= 0:
        raise InputError("FILE", "a timer of 0 seconds", "the activity recorded no walking")
    fields: dict[str, Any] = {
        "done": True,
        "minutes_done": round(activity.seconds / 60, 2),
        "source": Source.IMPORT,
        "samples": tuple(_sample(s) for s in activity.samples),
    }
    speed = _average_speed(activity)
    if speed is not None:
        fields[f"speed_done_{unit.value}"] = round(speed / unit.metres_per_second, 2)
    incline = _average_incline(activity)
    if incline is not None and incline >= 0:
        fields["incline_done_percent"] = round(incline, 1)
    return fields


def _average_speed(activity: RecordedActivity) -> float | None:
    if activity.distance_m is not None:
        return activity.distance_m / activity.seconds
    speeds = [s.speed_mps for s in activity.samples if s.speed_mps is not None]
    return fmean(speeds) if speeds else None


def _average_incline(activity: RecordedActivity) -> float | None:
    if activity.average_incline_percent is not None:
        return activity.average_incline_percent
    grades = [s.incline_percent for s in activity.samples if s.incline_percent is not None]
    return fmean(grades) if grades else None


def _sample(sample: Sample) -> dict[str, Any]:
    return {
        "second": sample.second,
        "speed_mps": sample.speed_mps,
        "incline_percent": sample.incline_percent,
        "distance_m": sample.distance_m,
        "heart_rate": sample.heart_rate,
    }


def _warnings(activity: RecordedActivity) -> tuple[str, ...]:
    found = []
    if not activity.indoor:
        found.append(NOT_TREADMILL.format(sport=activity.sport))
    incline = _average_incline(activity)
    if incline is not None and incline < 0:
        found.append(f"The average grade is {incline:.1f} %; a downhill incline is left unknown.")
    return tuple(found)
