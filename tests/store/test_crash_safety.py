"""Killed mid-write, the database opens cleanly with every reported session and no half of one."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select, text

from retrowalk.services.clock import FixedClock
from retrowalk.store.database import make_engine, session_factory
from retrowalk.store.migrate import SchemaState, schema_state
from retrowalk.store.sessions import PlannedSessionRow, SessionLogRow
from retrowalk.store.state_codec import decode_state
from retrowalk.store.uow import SqlUnitOfWork
from tests.db import START, Backend
from tests.store.builders import onboarded

ROOT = Path(__file__).parents[2]
COMMITS_BEFORE_THE_KILL = 40
DEADLINE_SECONDS = 60


def _run_and_kill(url: str, walker_id: int) -> list[int]:
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.store.crash_writer", url, str(walker_id)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    reported: list[int] = []
    deadline = time.monotonic() + DEADLINE_SECONDS
    assert writer.stdout is not None
    while len(reported) < COMMITS_BEFORE_THE_KILL and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        reported.append(int(line.split()[1]))
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    for line in writer.stdout:  # anything committed between the last read and the kill
        reported.append(int(line.split()[1]))
    _, errors = writer.communicate()
    assert len(reported) >= COMMITS_BEFORE_THE_KILL, errors
    return reported


def test_a_killed_writer_loses_no_reported_session_and_leaves_none_half_written(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    sessions = session_factory(engine)
    backend = Backend("sql", lambda: SqlUnitOfWork(sessions), lambda: None, engine)
    walker = onboarded(backend, FixedClock(START)).walker

    reported = _run_and_kill(database_url, walker.id)

    engine.dispose()
    engine = make_engine(database_url)
    assert schema_state(engine)[0] is SchemaState.CURRENT
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        logs = connection.execute(select(SessionLogRow.id, SessionLogRow.state_after)).all()
        planned = connection.execute(select(func.count()).select_from(PlannedSessionRow)).scalar()
    logged_ids = {log.id for log in logs}
    assert set(reported) <= logged_ids
    assert planned == len(logs) + 1  # each log came with the next session, in one transaction
    assert all(decode_state(log.state_after).walked >= 1 for log in logs)
    engine.dispose()
