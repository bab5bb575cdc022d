"""Two writers logging for the same walker at once both succeed, one after the other."""

from __future__ import annotations

import threading
import time

import pytest

from retrowalk.services.log_session import Logged, log_command, log_session
from retrowalk.store.sql_sessions import SqlSessions
from tests.db import Backend
from tests.store.builders import onboarded

PAUSE_SECONDS = 0.3


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
            results.append(log_session(log_command(walker_id=walker.id), sql_backend.uow(), clock))
        except BaseException as error:
            results.append(error)

    writers = [threading.Thread(target=log_one) for _ in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()

    assert all(isinstance(r, Logged) for r in results), results
    assert sorted(r.session.seq for r in results if isinstance(r, Logged)) == [0, 1]
