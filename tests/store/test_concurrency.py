"""Writers for the same walker at once are taken one after the other: two logs of whatever is
pending both succeed, and N logs of one named session (`seq`) log it exactly once."""

from __future__ import annotations

import threading
import time

import pytest

from retrowalk.domain.errors import ConflictError
from retrowalk.services.log_session import Logged, log_command, log_session
from retrowalk.store.snapshot import read_snapshot
from retrowalk.store.sql_sessions import SqlSessions
from tests.db import Backend
from tests.races import all_at_once, hold_before_the_walker_lock
from tests.store.builders import onboarded

PAUSE_SECONDS = 0.3
WRITERS = 8


def test_simultaneous_logs_for_one_walker_are_taken_in_turn(
    sql_backend: Backend, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    walker = onboarded(sql_backend, clock).walker
    slow_read = SqlSessions.latest_planned

    def latest_planned_then_pause(self: SqlSessions, walker_id: int):
        found = slow_read(self, walker_id)
        time.sleep(PAUSE_SECONDS)  # the other writer gets every chance to read the same session
        return found

    monkeypatch.setattr(SqlSessions, "latest_planned", latest_planned_then_pause)
    results: list[Logged | BaseException] = []

    def log_one() -> None:
        try:
            # Both on one day: confirmed, so the lock (not the same-day question) is what is tested.
            command = log_command(walker_id=walker.id, confirm=True)
            results.append(log_session(command, sql_backend.uow(), clock))
        except BaseException as error:
            results.append(error)

    writers = [threading.Thread(target=log_one) for _ in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()

    assert all(isinstance(r, Logged) for r in results), results
    assert sorted(r.session.seq for r in results if isinstance(r, Logged)) == [0, 1]


def test_simultaneous_logs_of_one_planned_session_log_it_exactly_once(
    sql_backend: Backend, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    walker = onboarded(sql_backend, clock).walker
    hold_before_the_walker_lock(monkeypatch, WRITERS)

    def log_session_zero() -> Logged:
        return log_session(log_command(walker_id=walker.id, seq=0), sql_backend.uow(), clock)

    results = all_at_once(log_session_zero, WRITERS)

    assert [r.session.seq for r in results if isinstance(r, Logged)] == [0], results
    conflicts = [r for r in results if isinstance(r, ConflictError)]
    assert len(conflicts) == WRITERS - 1, results
    assert "session 0 is logged already" in str(conflicts[0])
    assert sql_backend.engine is not None
    tables = read_snapshot(sql_backend.engine)["tables"]
    assert len(tables["session_logs"]) == 1
    assert [row["seq"] for row in tables["planned_sessions"]] == [0, 1]
