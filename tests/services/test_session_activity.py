"""A logged session as a recorded activity, on every store: one lap a set (where the belt ran,
or from the set structure), the start (a coach's log: its length before it was logged; a hand
log: noon UTC), distance, the energy estimate (unknown without a weight), and refusals for a
session not walked or not the walker's."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.errors import InputError, NotFoundError
from retrowalk.domain.units import Speed
from retrowalk.services.clock import FixedClock
from retrowalk.services.log_edit import delete_log
from retrowalk.services.log_session import Logged, log_command, log_session
from retrowalk.services.records import Sample, SessionLog
from retrowalk.services.session_activity import recorded_activity, session_activity
from retrowalk.services.walker_plan import programme_of
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.store.builders import ANSWERED, onboarded

HALF_MPH = 0.22352  # metres per second


def _log(backend: Backend, clock: FixedClock, walker_id: int, **given: Any) -> Logged:
    command = log_command(walker_id=walker_id, **(ANSWERED | given))
    return log_session(command, backend.uow(), clock)


def _belt(set_up: int, runs: list[tuple[int, float]], after: int = 0) -> list[dict[str, Any]]:
    """Samples as a treadmill sends them: `set_up` seconds standing, then (seconds, speed) runs
    (speed 0: the belt stopped), then `after` seconds standing; the distance counts up."""
    speeds = [0.0] * set_up + [v for seconds, v in runs for _ in range(seconds)] + [0.0] * after
    samples, distance = [], 0.0
    for second, speed in enumerate(speeds):
        distance += speed
        samples.append(
            {
                "second": second,
                "speed_mps": speed,
                "incline_percent": 1.0,
                "distance_m": round(distance, 1),
                "heart_rate": 100 + second % 7,
            }
        )
    return samples


def test_a_session_logged_by_hand_is_one_lap_at_noon_utc_with_its_distance_and_energy(
    backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(backend, clock).walker
    logged = _log(backend, clock, walker.id)

    exported = session_activity(walker.id, logged.log.id, backend.uow())

    activity = exported.activity
    assert (exported.log_id, exported.on) == (logged.log.id, date(2027, 1, 4))
    assert activity.started_at == datetime(2027, 1, 4, 12, 0, tzinfo=UTC)  # no time of day
    assert activity.seconds == 180 and len(activity.laps) == 1
    assert activity.laps[0].start_second == 0 and activity.laps[0].seconds == 180
    assert activity.distance_m == 40.2  # 0.5 mph for 3 minutes
    assert activity.laps[0].average_speed_mps == 0.224
    assert activity.kcal == 7.3  # ACSM x 1.4 backward, 72 kg, 3 minutes at 0.5 mph
    assert activity.samples == () and activity.indoor
    assert activity.average_incline_percent == 0.0


def test_a_treadmill_walk_keeps_its_samples_while_the_belt_ran_and_started_before_its_log(
    backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(backend, clock).walker
    samples = _belt(set_up=5, runs=[(180, HALF_MPH)], after=10)
    logged = _log(backend, clock, walker.id, source="device", samples=samples)

    activity = session_activity(walker.id, logged.log.id, backend.uow()).activity

    # Logged at 07:30:00 after 195 seconds of samples; the belt started 5 seconds in.
    assert activity.started_at == datetime(2027, 1, 4, 7, 26, 50, tzinfo=UTC)
    assert [(lap.start_second, lap.seconds) for lap in activity.laps] == [(0, 180)]
    assert len(activity.samples) == 180 and activity.samples[0].second == 0
    assert activity.samples[0].distance_m == 0.2  # counted from the belt's start
    assert activity.distance_m == 40.2 and activity.laps[0].distance_m == 40.2
    assert activity.laps[0].average_heart_rate == 103
    assert activity.average_incline_percent == 1.0


def test_the_energy_is_unknown_without_a_weight(backend: Backend, clock: FixedClock) -> None:
    walker = onboarded(backend, clock, walker={"weight_kg": None}).walker
    logged = _log(backend, clock, walker.id)

    assert session_activity(walker.id, logged.log.id, backend.uow()).activity.kcal is None


def test_a_missed_session_cannot_be_exported(backend: Backend, clock: FixedClock) -> None:
    walker = onboarded(backend, clock).walker
    missed = _log(backend, clock, walker.id, done=False)

    with pytest.raises(InputError, match="was not walked") as refused:
        session_activity(walker.id, missed.log.id, backend.uow())

    assert refused.value.field == "session_id" and not isinstance(refused.value, NotFoundError)


def test_another_walkers_or_a_deleted_session_is_not_found(
    backend: Backend, clock: FixedClock
) -> None:
    ann = onboarded(backend, clock, account="ann").walker
    bob = onboarded(backend, clock, account="bob").walker
    anns = _log(backend, clock, ann.id)
    bobs = _log(backend, clock, bob.id)
    delete_log(bob.id, bobs.log.id, backend.uow(), clock)

    for walker_id, log_id in ((bob.id, anns.log.id), (bob.id, bobs.log.id), (ann.id, 999)):
        with pytest.raises(NotFoundError, match="no logged session with this id"):
            session_activity(walker_id, log_id, backend.uow())


# Three sets of 4 minutes with a minute's rest between (the default protocol: sets of at most 5).
TWELVE_MINUTES = Dose(12, HandSupport.BOTH, Speed.mph(0.5))


@pytest.fixture(name="stored")
def stored_fixture(backend: Backend, clock: FixedClock) -> tuple[Any, SessionLog]:
    walker = onboarded(backend, clock).walker
    return walker, _log(backend, clock, walker.id).log


def _walked(log: SessionLog, minutes_done: float | None) -> SessionLog:
    outcome = replace(log.entry.outcome, minutes_done=minutes_done)
    return replace(log, entry=replace(log.entry, outcome=outcome))


@pytest.mark.parametrize("backend", ["memory"], indirect=True)
def test_a_hand_log_has_a_lap_for_each_set_walked(stored: tuple[Any, SessionLog]) -> None:
    walker, log = stored
    p = programme_of(walker)

    whole = recorded_activity(_walked(log, None), TWELVE_MINUTES, p, ())
    stopped = recorded_activity(_walked(log, 9), TWELVE_MINUTES, p, ())

    assert [(a.start_second, a.seconds) for a in whole.laps] == [(0, 240), (300, 240), (600, 240)]
    assert [a.seconds for a in stopped.laps] == [240, 240, 60] and stopped.seconds == 540
    assert whole.distance_m == 160.9 and stopped.distance_m == 120.7


@pytest.mark.parametrize("backend", ["memory"], indirect=True)
def test_the_sets_are_where_the_belt_ran_a_short_stop_inside_a_set_included(
    stored: tuple[Any, SessionLog],
) -> None:
    walker, log = stored
    runs = [(100, 1.0), (3, 0.0), (140, 1.0), (60, 0.0), (240, 1.0), (61, 0.0), (200, 1.0)]
    samples = tuple(Sample(**s) for s in _belt(set_up=20, runs=runs, after=30))

    activity = recorded_activity(_walked(log, 10), TWELVE_MINUTES, programme_of(walker), samples)

    assert [(a.start_second, a.seconds) for a in activity.laps] == [
        (0, 243),  # 100 s, a 3-second stop, 140 s: one set
        (303, 240),
        (604, 200),  # stopped early, after 200 s of the third set
    ]
    assert len(activity.samples) == 683 and activity.seconds == 683
    assert activity.distance_m == 680.0


@pytest.mark.parametrize("backend", ["memory"], indirect=True)
def test_a_pulse_without_a_belt_gives_the_laps_of_the_set_structure(
    stored: tuple[Any, SessionLog],
) -> None:
    walker, log = stored
    samples = tuple(Sample(second, heart_rate=95) for second in range(900))

    activity = recorded_activity(_walked(log, None), TWELVE_MINUTES, programme_of(walker), samples)

    assert [(a.start_second, a.seconds) for a in activity.laps] == [
        (0, 240),
        (300, 240),
        (600, 240),
    ]
    assert [a.average_heart_rate for a in activity.laps] == [95, 95, 95]
    assert activity.distance_m is None and len(activity.samples) == 720
