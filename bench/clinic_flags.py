"""In-process figures for the desk benchmark (issue 17): a log with its next dose and its flags,
the same log with the flag step left out, and the flag step alone, for patients with two years
of history; and the desk's two reads (the list, a patient's page) without HTTP in between.

The flag step is timed by wrapping `raise_flags` where services/log_session.py calls it (and
left out by putting a no-op there), for this measurement only, then put back.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine

import retrowalk.services.log_session as log_module
from bench.clinic_snapshot import CLINICIAN, MORNING
from retrowalk.services.clock import FixedClock
from retrowalk.services.desk import desk
from retrowalk.services.desk_records import patient_page
from retrowalk.services.flags_on_log import raise_flags
from retrowalk.services.log_session import log_command, log_session
from retrowalk.store.database import session_factory
from retrowalk.store.uow import SqlUnitOfWork

LOGS_EACH = 20
WALKERS_EACH = 10  # patients logged with flags; as many others without
READS = 40


@contextmanager
def flag_step(replacement: Callable[..., None]) -> Iterator[None]:
    setattr(log_module, "raise_flags", replacement)  # noqa: B010 - a module's name, not ours
    try:
        yield
    finally:
        setattr(log_module, "raise_flags", raise_flags)  # noqa: B010


def log_figures(engine: Engine, walker_ids: list[int]) -> dict[str, list[float]]:
    """Milliseconds of each log (one transaction each: log, next dose, flags) with and without
    the flag step, and of the flag step alone, on `engine` (patients logged on are changed)."""
    sessions = session_factory(engine)
    steps: list[float] = []

    def timed(*args: Any) -> None:
        started = time.perf_counter()
        raise_flags(*args)
        steps.append((time.perf_counter() - started) * 1000)

    with_flags, without = walker_ids[:WALKERS_EACH], walker_ids[WALKERS_EACH : 2 * WALKERS_EACH]
    with flag_step(timed):
        logs = [t for w in with_flags for t in _logs(sessions, w)]
    with flag_step(lambda *args: None):
        bare = [t for w in without for t in _logs(sessions, w)]
    return {"log": logs, "log without flags": bare, "flag step": steps}


def _logs(sessions: Any, walker_id: int) -> list[float]:
    """LOGS_EACH logs of the walker's sessions two days apart, from their pending session on,
    each at a pain of 1 and every fifth at 5 (a spike: a flag to write)."""
    with SqlUnitOfWork(sessions).reading() as uow:
        pending = uow.sessions.latest_planned(walker_id)
    assert pending is not None
    clock = FixedClock(datetime.combine(pending.on, MORNING))
    timings = []
    for number in range(LOGS_EACH):
        command = log_command(walker_id=walker_id, pain_during=5 if number % 5 == 4 else 1)
        started = time.perf_counter()
        log_session(command, SqlUnitOfWork(sessions), clock)
        timings.append((time.perf_counter() - started) * 1000)
        clock.current += timedelta(days=2)
    return timings


def read_figures(engine: Engine, walker_ids: list[int]) -> dict[str, list[float]]:
    """Milliseconds of the desk's list (first page) and of patients' pages, in process."""
    sessions = session_factory(engine)
    clock = FixedClock(datetime.now())
    lists, pages = [], []
    for number in range(READS):
        started = time.perf_counter()
        desk(CLINICIAN, SqlUnitOfWork(sessions), clock)
        lists.append((time.perf_counter() - started) * 1000)
        walker_id = walker_ids[number % len(walker_ids)]
        started = time.perf_counter()
        patient_page(walker_id, SqlUnitOfWork(sessions), clock, CLINICIAN)
        pages.append((time.perf_counter() - started) * 1000)
    return {"desk list": lists, "patient page": pages}
