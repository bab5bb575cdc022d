"""One logged session as a recorded activity (`domain/activity.py`), for the FIT and TCX
writers in `formats/`: when it started, one lap per set, the samples, distance and energy.

The session is named by the id `retrowalk history` and the JSON contract give it (the log's
id). Only a walked session of the walker's own, not deleted, can be exported. What is not
known stays None (docs/interchange.md has every rule, with the reasons).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from statistics import fmean

from retrowalk.domain.activity import ActivityLap, RecordedActivity
from retrowalk.domain.dose import Dose
from retrowalk.domain.equipment import Deadmill, ManualTreadmill, MotorizedTreadmill
from retrowalk.domain.errors import InputError, NotFoundError
from retrowalk.domain.plan import session_energy, session_structure
from retrowalk.domain.programme import Programme
from retrowalk.domain.treadmill_record import Sample
from retrowalk.services.activity_laps import (
    Window,
    belt_runs,
    from_first_set,
    grouped,
    planned_lap,
    sampled_lap,
    set_windows,
    sets_walked,
)
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import LoggedEntry, SessionLog, Source
from retrowalk.services.walker_plan import programme_of, require_walker

# A log made by the coach at the end of a walk: it started about its length before it was logged.
LOGGED_AT_THE_END = frozenset({Source.LIVE, Source.DEVICE})
# A session logged by hand has a date but no time of day: it is placed at noon UTC, where the
# date reads the same in every time zone from UTC-11 to UTC+11.
NO_TIME_OF_DAY = time(12, 0)
TREADMILLS = (MotorizedTreadmill, ManualTreadmill, Deadmill)


@dataclass(frozen=True, slots=True)
class SessionActivity:
    """A session to export: its id and date (for a file name) and the activity itself."""

    log_id: int
    on: date
    activity: RecordedActivity


def can_export(entry: LoggedEntry) -> bool:
    """Whether a logged session can become an activity file: it was walked, for some time."""
    return entry.outcome.done and entry.outcome.minutes_done != 0


def session_activity(walker_id: int, log_id: int, uow: UnitOfWork) -> SessionActivity:
    """The walker's logged session `log_id` as an activity; NotFoundError if it is not theirs
    (or deleted), InputError if it was not walked."""
    with uow.reading():
        walker = require_walker(uow, walker_id)
        log = uow.sessions.log(log_id)
        if log is None or log.walker_id != walker.id or log.deleted:
            raise NotFoundError("session_id", log_id, "you have no logged session with this id")
        if not can_export(log.entry):
            raise InputError(
                "session_id",
                log_id,
                f"the session of {log.on} was not walked (logged as missed or 0 minutes); "
                "only a walked session can be exported",
            )
        planned = uow.sessions.planned(log.planned_id)
        assert planned is not None  # a log always has its planned session (a foreign key)
        programme = programme_of(walker, uow.walkers.equipment(planned.equipment_id))
        samples = tuple(uow.sessions.samples(log.id))
    activity = recorded_activity(log, planned.decision.dose, programme, samples)
    return SessionActivity(log.id, log.on, activity)


def recorded_activity(
    log: SessionLog, dose: Dose, p: Programme, samples: tuple[Sample, ...]
) -> RecordedActivity:
    done = done_dose(log.entry, dose)
    sets, rest = session_structure(p, dose)
    walked = sets_walked(sets, log.entry.outcome.minutes_done)
    found = _laps(samples, walked, rest, done)
    if not found:
        raise InputError("session_id", log.id, "no walking time is recorded for this session")
    last_sample = samples[-1].second + 1 if samples else 0
    walk_seconds = max(found[-1].start_second + found[-1].seconds, last_sample)
    laps, kept = from_first_set(found, samples)
    indoor = isinstance(p.equipment, TREADMILLS)
    energy = session_energy(p, done)
    return RecordedActivity(
        started_at=_started_at(log, walk_seconds, found[0].start_second),
        seconds=sum(lap.seconds for lap in laps),
        laps=laps,
        samples=kept,
        distance_m=_distance(kept, laps, done),
        kcal=None if energy is None else energy.kcal,
        average_incline_percent=_incline(kept, done) if indoor else None,
        indoor=indoor,
    )


def done_dose(entry: LoggedEntry, dose: Dose) -> Dose:
    """The dose as walked: the minutes, speed and incline the log gives, else the prescription's
    (an empty field in a log of a walked session means "as prescribed")."""
    outcome, performed = entry.outcome, entry.performed
    return replace(
        dose,
        minutes=dose.minutes if outcome.minutes_done is None else outcome.minutes_done,
        speed=performed.speed or dose.speed,
        incline_percent=(
            dose.incline_percent if performed.incline_percent is None else performed.incline_percent
        ),
    )


def _laps(
    samples: tuple[Sample, ...], walked: tuple[float, ...], rest: float, done: Dose
) -> tuple[ActivityLap, ...]:
    runs = belt_runs(samples)
    if runs:
        return tuple(sampled_lap(samples, w) for w in grouped(runs, max(1, len(walked))))
    offset = samples[0].second if samples else 0
    windows: list[Window] = set_windows(walked, rest, offset)
    if samples:  # a heart rate without a belt: the laps carry what the samples say
        return tuple(sampled_lap(samples, window) for window in windows)
    speed = None if done.speed is None else done.speed.metres_per_second
    return tuple(planned_lap(window, speed) for window in windows)


def _started_at(log: SessionLog, walk_seconds: float, first_set: float) -> datetime:
    """When the first set started. Logged by the coach: the walk began about its length
    (`walk_seconds`) before it was logged (the store keeps UTC), and the first set `first_set`
    seconds after that. Logged by hand or imported: noon UTC on its date (NO_TIME_OF_DAY)."""
    if log.entry.source in LOGGED_AT_THE_END:
        logged = (
            log.logged_at.replace(tzinfo=UTC) if log.logged_at.tzinfo is None else log.logged_at
        )
        return logged.astimezone(UTC) - timedelta(seconds=walk_seconds - first_set)
    return datetime.combine(log.on, NO_TIME_OF_DAY, tzinfo=UTC)


def _distance(
    samples: tuple[Sample, ...], laps: tuple[ActivityLap, ...], done: Dose
) -> float | None:
    """The samples' last distance (counted from the first set), else the laps' sum if each is
    known; without samples, the belt speed walked times the time walked, if a speed is known."""
    counted = [s.distance_m for s in samples if s.distance_m is not None]
    if counted:
        return round(counted[-1], 1)
    if not samples:
        seconds = sum(lap.seconds for lap in laps)
        return None if done.speed is None else round(done.speed.metres_per_second * seconds, 1)
    parts = [lap.distance_m for lap in laps]
    return None if any(d is None for d in parts) else round(sum(d or 0.0 for d in parts), 1)


def _incline(samples: tuple[Sample, ...], done: Dose) -> float:
    """The belt's incline while walking as the samples say, else the incline walked."""
    inclines = [s.incline_percent for s in samples if s.incline_percent is not None]
    return round(fmean(inclines), 1) if inclines else done.incline_percent
