"""A full disk and another writer's lock are answered with a StorageError that says what to do,
nothing half-written is kept, what was acknowledged before stays, and reading goes on while
another process writes. The failures are real (tests/store/failing.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from retrowalk.domain.errors import StorageError
from retrowalk.services.history import Period, history
from retrowalk.services.log_session import log_command, log_session
from retrowalk.services.records import Role
from retrowalk.services.today import today_session
from retrowalk.store.database import make_engine, session_factory
from retrowalk.store.failures import BUSY, DISK_FULL
from retrowalk.store.snapshot import read_snapshot
from retrowalk.store.uow import SqlUnitOfWork
from tests.db import START, Backend
from tests.store.builders import onboarded, walk
from tests.store.failing import no_room_left, sqlite_file, write_lock_held

TIMEOUT = 0.3
MOST_SESSIONS = 50


@pytest.fixture(name="impatient")
def impatient_fixture(sql_backend: Backend) -> Iterator[Backend]:
    """The same database, opened by a retrowalk that waits TIMEOUT seconds for a lock."""
    assert sql_backend.engine is not None
    engine = make_engine(sql_backend.engine.url.render_as_string(hide_password=False), TIMEOUT)
    sessions = session_factory(engine)
    yield Backend(sql_backend.name, lambda: SqlUnitOfWork(sessions), sql_backend.contents, engine)
    engine.dispose()


def _url(backend: Backend) -> str:
    assert backend.engine is not None
    return backend.engine.url.render_as_string(hide_password=False)


def test_reading_goes_on_while_another_process_holds_the_write_lock(impatient, clock) -> None:
    walker = onboarded(impatient, clock).walker
    walk(impatient, clock, walker.id, 2)

    with write_lock_held(_url(impatient), walker.id):
        today = today_session(walker.id, impatient.uow(), clock)
        logged = history(Period(walker_id=walker.id), impatient.uow())

    assert today.session is not None and len(logged) == 2


def test_a_write_while_another_holds_the_lock_is_refused_as_busy_and_keeps_nothing(
    impatient, clock
) -> None:
    walker = onboarded(impatient, clock).walker
    before = impatient.contents()

    with write_lock_held(_url(impatient), walker.id):
        started = time.monotonic()
        with pytest.raises(StorageError) as refused:
            log_session(log_command(walker_id=walker.id), impatient.uow(), clock)
        waited = time.monotonic() - started

    assert str(refused.value) == BUSY
    assert TIMEOUT * 0.9 <= waited < TIMEOUT + 5
    assert impatient.contents() == before
    assert log_session(log_command(walker_id=walker.id), impatient.uow(), clock).log.id


@pytest.mark.parametrize("sql_backend", ["sqlite"], indirect=True)
def test_logging_onto_a_disk_filling_up_keeps_every_acknowledged_session_and_no_other(
    sql_backend, clock
) -> None:
    walker = onboarded(sql_backend, clock).walker
    assert sql_backend.engine is not None
    acknowledged = []

    with no_room_left(sqlite_file(_url(sql_backend))):
        sql_backend.engine.dispose()  # new connections, which find the disk full
        with pytest.raises(StorageError) as refused:
            for _ in range(MOST_SESSIONS):  # the pages' last free bytes fill up first
                acknowledged += walk(sql_backend, clock, walker.id, 1)
        while_full = history(Period(walker_id=walker.id), sql_backend.uow())
    sql_backend.engine.dispose()

    assert str(refused.value) == DISK_FULL
    kept = history(Period(walker_id=walker.id), sql_backend.uow())
    assert [s.log_id for s in kept] == [s.log_id for s in while_full]
    assert [s.log_id for s in kept] == [logged.log.id for logged in acknowledged]
    with sql_backend.engine.connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert walk(sql_backend, clock, walker.id, 1)[0].log.id


def test_a_unit_of_work_for_reading_cannot_write(sql_backend) -> None:
    with sql_backend.uow().reading() as uow, pytest.raises(DBAPIError):
        uow.accounts.add("sneaky", Role.WALKER, START)

    assert read_snapshot(sql_backend.engine)["tables"]["accounts"] == []


def test_a_unit_of_work_for_reading_refuses_to_commit(backend) -> None:
    with backend.uow().reading() as uow, pytest.raises(RuntimeError):
        uow.commit()


def test_a_writing_unit_of_work_after_a_reading_one_writes_again(sql_backend, clock) -> None:
    """A connection back in the pool after reading is not left read-only."""
    walker = onboarded(sql_backend, clock).walker
    for _ in range(3):
        today_session(walker.id, sql_backend.uow(), clock)

    logged = walk(sql_backend, clock, walker.id, 2)

    assert len(logged) == 2
