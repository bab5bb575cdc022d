"""Engines: SQLite with WAL and foreign keys on every connection, or PostgreSQL via psycopg 3.

Both wait at most `timeout` seconds for the database: to connect (PostgreSQL), and for another
writer's lock (SQLite's busy timeout, PostgreSQL's lock_timeout). What a failure means to the
person using retrowalk is decided in one place, store/failures.py.

A transaction writes unless its connection carries the READ_ONLY execution options: on SQLite a
writing one begins IMMEDIATE (it takes the write lock at once, so two writers queue instead of
failing half-way) and a reading one begins DEFERRED with `query_only` on (it takes no lock and
runs while another process writes); on PostgreSQL a reading one is READ ONLY.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from retrowalk.domain.errors import StorageError
from retrowalk.settings import DEFAULT_DATABASE_TIMEOUT
from retrowalk.store.failures import answer_failures

Row = TypeVar("Row")

READ_ONLY_OPTION = "retrowalk_read_only"
# Execution options of a connection that only reads (each database ignores the other's).
READ_ONLY: dict[str, Any] = {READ_ONLY_OPTION: True, "postgresql_readonly": True}


def make_engine(url: str, timeout: float = DEFAULT_DATABASE_TIMEOUT) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url, parsed.database, timeout)
    elif parsed.get_backend_name() == "postgresql":
        engine = _postgresql_engine(url, timeout)
    else:
        raise StorageError(
            f"unsupported database {parsed.get_backend_name()!r}; use SQLite or PostgreSQL"
        )
    answer_failures(engine, _connect_seconds(timeout))
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False, autoflush=False)


class SqlRepository:
    """A repository that works in the session of one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _inserted(self, row: Row) -> Row:
        """`row` written at once, so it has its id (and a constraint it breaks fails here)."""
        self._session.add(row)
        self._session.flush()
        return row


def reading(engine: Engine) -> Connection:
    """A connection whose transactions only read (no write lock: it runs beside a writer)."""
    return engine.connect().execution_options(**READ_ONLY)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_engine(url: str, database: str | None, timeout: float) -> Engine:
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    busy_ms = math.ceil(timeout * 1000)

    def pragmas(connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling is switched off so that BEGIN is ours (below).
        connection.isolation_level = None
        cursor = connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")  # first: the next one may wait
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    event.listen(engine, "connect", pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_begin(connection: Connection) -> None:
    read_only = bool(connection.get_execution_options().get(READ_ONLY_OPTION))
    if connection.info.get("query_only", False) != read_only:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute(f"PRAGMA query_only={int(read_only)}")
        connection.info["query_only"] = read_only
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _connect_seconds(timeout: float) -> int:
    """libpq's connect_timeout: whole seconds, and at least 2 (it reads 1 as 2)."""
    return max(2, math.ceil(timeout))


def _postgresql_engine(url: str, timeout: float) -> Engine:
    from retrowalk.store.calendar_feeds import describe_for_postgresql

    describe_for_postgresql()
    engine = create_engine(
        url, pool_pre_ping=True, connect_args={"connect_timeout": _connect_seconds(timeout)}
    )
    lock_ms = math.ceil(timeout * 1000)

    def lock_timeout(connection: Any, _record: Any) -> None:
        # A writer waiting for another's row lock gives up after `timeout`, rather than never.
        autocommit = connection.autocommit
        connection.autocommit = True
        connection.execute(f"SET lock_timeout = {lock_ms}")
        connection.autocommit = autocommit

    event.listen(engine, "connect", lock_timeout)
    return engine
