"""A process that logs sessions for one walker forever, saying after each commit which log it
kept: `python -m tests.store.crash_writer DATABASE_URL WALKER_ID`. The crash test kills it."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta

from retrowalk.services.clock import FixedClock
from retrowalk.services.log_session import log_command, log_session
from retrowalk.services.today import today_session
from retrowalk.store.database import make_engine, session_factory
from retrowalk.store.uow import SqlUnitOfWork


def main(url: str, walker_id: int) -> None:
    sessions = session_factory(make_engine(url))
    clock = FixedClock(datetime(2027, 1, 4, 7))
    while True:
        ahead = today_session(walker_id, SqlUnitOfWork(sessions), clock).session
        assert ahead is not None
        clock.current = max(clock.current, datetime.combine(ahead.on, clock.current.time()))
        logged = log_session(
            log_command(walker_id=walker_id, pain_during=1), SqlUnitOfWork(sessions), clock
        )
        sys.stdout.write(f"committed {logged.log.id}\n")
        sys.stdout.flush()
        clock.current += timedelta(hours=1)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
