"""A live walk is logged in one unit of work: the session, its samples and the treadmill's mph
verdict are kept by one commit, and a log that fails keeps none of them (issue 13)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrowalk.coach.completed import CompletedSession
from retrowalk.coach.reported import Answers, WalkReport, walk_record
from retrowalk.coach.schedule import build_timeline
from retrowalk.domain.errors import ConflictError
from retrowalk.domain.treadmill_record import DeviceTrace, MphVerdict, Sample
from retrowalk.domain.units import SpeedUnit
from retrowalk.services.clock import FixedClock
from retrowalk.services.live_walk import StoredWalks, log_walk
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import SessionLog, StoredWalker
from retrowalk.services.today import today_session
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
    sql_backend_fixture,
)
from tests.store.builders import onboarded

QUIRKY = MphVerdict("virtual:mph_for_kmh", mph_quirk=True)
SAMPLES = (Sample(0, 0.22, 0.0, 0.0, 88), Sample(1, 0.22, 0.0, 0.2, 90))


class DiskFull(Exception):
    pass


def _walker(backend: Backend, walker_id: int) -> StoredWalker:
    with backend.uow() as uow:
        walker = uow.walkers.get(walker_id)
    assert walker is not None
    return walker


def _walked(backend: Backend, clock: FixedClock, walker_id: int) -> CompletedSession:
    """Today's walk, walked to its end on a treadmill that found the mph quirk."""
    walk = StoredWalks(_walker(backend, walker_id), backend.uow, clock, SpeedUnit.MPH).todays_walk()
    timeline = build_timeline(walk)
    answers = Answers(1, False, 4, None, False, "")
    record = walk_record(timeline, WalkReport(0, timeline.end, False, (), None, answers))
    trace = DeviceTrace(SAMPLES, (), QUIRKY)
    return CompletedSession(walk, record, answers.check_in(walk.dose.hands), trace)


def _first_log(backend: Backend, walker_id: int) -> tuple[SessionLog | None, list[Sample]]:
    """The log of the walker's first session, if kept, and its samples."""
    with backend.uow().reading() as uow:
        log = uow.sessions.last_live_log(walker_id, 1)
        return log, [] if log is None else uow.sessions.samples(log.id)


def _counting(new_uow: Callable[[], UnitOfWork], commits: list[int]) -> Callable[[], UnitOfWork]:
    """Units of work that count their commits in `commits`."""

    def make() -> UnitOfWork:
        uow = new_uow()
        keep = uow.commit

        def commit() -> None:
            commits.append(1)
            keep()

        setattr(uow, "commit", commit)  # noqa: B010 - a test double for one method
        return uow

    return make


def _failing(new_uow: Callable[[], UnitOfWork]) -> Callable[[], UnitOfWork]:
    """Units of work whose commit fails, as a full disk or a lost connection would."""

    def make() -> UnitOfWork:
        uow = new_uow()

        def commit() -> None:
            raise DiskFull("the disk is full")

        setattr(uow, "commit", commit)  # noqa: B010 - a test double for one method
        return uow

    return make


def test_the_log_samples_and_verdict_land_together_in_one_commit(
    backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(backend, clock).walker
    completed = _walked(backend, clock, walker.id)
    commits: list[int] = []

    logged = log_walk(walker.id, completed, _counting(backend.uow, commits), clock)

    log, samples = _first_log(backend, walker.id)
    assert len(commits) == 1
    assert log is not None and log.id == logged.log.id and samples == list(SAMPLES)
    assert _walker(backend, walker.id).mph_verdict == QUIRKY


def test_a_log_whose_commit_fails_keeps_neither_the_log_nor_the_verdict(
    backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(backend, clock).walker
    completed = _walked(backend, clock, walker.id)

    with pytest.raises(DiskFull):
        log_walk(walker.id, completed, _failing(backend.uow), clock)

    assert _first_log(backend, walker.id) == (None, [])
    assert _walker(backend, walker.id).mph_verdict is None
    ahead = today_session(walker.id, backend.uow(), clock).session
    assert ahead is not None and ahead.seq == 0  # still to walk


def test_a_walk_refused_as_logged_already_keeps_no_verdict(
    backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(backend, clock).walker
    completed = _walked(backend, clock, walker.id)
    plain = CompletedSession(completed.walk, completed.record, completed.check_in)
    log_walk(walker.id, plain, backend.uow, clock, seq=0)

    with pytest.raises(ConflictError):
        log_walk(walker.id, completed, backend.uow, clock, seq=0)

    log, samples = _first_log(backend, walker.id)
    assert log is not None and samples == []  # the first log, without the treadmill's record
    assert _walker(backend, walker.id).mph_verdict is None
