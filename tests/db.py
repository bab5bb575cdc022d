"""Real databases for tests: a fresh SQLite file or a fresh PostgreSQL schema per test, each
migrated by Alembic (never `create_all`), plus the in-memory store for service tests.

PostgreSQL: the server on 127.0.0.1:5432, database `test`, when it answers. If it does not and a
Debian PostgreSQL is installed here, the tests fail and say how to start it. Only on a machine
with no PostgreSQL at all do they start a throwaway server with pgserver. Nothing is skipped.

Test modules import the fixtures they use by their function names (`engine_fixture`, ...);
pytest knows them by the names given in `name=`.
"""

from __future__ import annotations

import functools
import shutil
import socket
import tempfile
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from retrowalk.services.clock import FixedClock
from retrowalk.services.ports import UnitOfWork
from retrowalk.store.database import make_engine, session_factory
from retrowalk.store.memory import MemoryDatabase, MemoryUnitOfWork
from retrowalk.store.migrate import upgrade
from retrowalk.store.snapshot import read_snapshot
from retrowalk.store.uow import SqlUnitOfWork

SQL_BACKENDS = ["sqlite", "postgresql"]
ALL_BACKENDS = ["memory", *SQL_BACKENDS]
PG_HOST, PG_PORT, PG_DATABASE = "127.0.0.1", 5432, "test"
PG_START_HINT = "pg_ctlcluster --skip-systemctl-redirect 15 main start"
DEBIAN_POSTGRESQL = Path("/usr/lib/postgresql")
START = datetime(2027, 1, 4, 7, 30)


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def _local_server_url() -> str | None:
    for user in ("postgres", "root"):
        url = f"postgresql+psycopg://{user}@{PG_HOST}:{PG_PORT}/{PG_DATABASE}"
        engine = create_engine(url)
        try:
            with engine.connect():
                return url
        except Exception:  # refused: try the next user name
            continue
        finally:
            engine.dispose()
    return None


@functools.cache
def postgres_server_url() -> str:
    """A PostgreSQL server URL, by the rule in this module's docstring (found once a run)."""
    if _reachable(PG_HOST, PG_PORT):
        url = _local_server_url()
        if url is None:
            pytest.fail(f"PostgreSQL on {PG_HOST}:{PG_PORT} refused users postgres and root")
        return url
    if DEBIAN_POSTGRESQL.exists():
        pytest.fail(
            f"PostgreSQL is installed but not running on {PG_HOST}:{PG_PORT}; "
            f"start it with `{PG_START_HINT}` and run the tests again"
        )
    from pgserver.postgres_server import get_server

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pgserver warns when XDG_RUNTIME_DIR is unset
        server = get_server(Path(tempfile.mkdtemp(prefix="retrowalk-pg-")), cleanup_mode="stop")
    _servers.append(server)
    return "postgresql+psycopg://" + server.get_uri().removeprefix("postgresql://")


_servers: list[Any] = []  # keeps a pgserver alive until the test run ends


@functools.cache
def sqlite_template() -> Path:
    """A database file migrated once per run; each test gets a copy."""
    path = Path(tempfile.mkdtemp(prefix="retrowalk-template-")) / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


def fresh_database_url(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path, migrated: bool = True
) -> str:
    """An empty database of `kind`, migrated to head unless asked not to, dropped when the test
    ends."""
    if kind == "sqlite":
        path = tmp_path / "retrowalk.sqlite3"
        if migrated:
            shutil.copyfile(sqlite_template(), path)
        return f"sqlite:///{path}"
    return _fresh_schema(postgres_server_url(), request, migrated)


def _fresh_schema(server_url: str, request: pytest.FixtureRequest, migrated: bool) -> str:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()

    request.addfinalizer(drop)
    url = make_url(server_url).update_query_dict({"options": f"-csearch_path={schema}"})
    if migrated:
        engine = make_engine(url.render_as_string(hide_password=False))
        upgrade(engine)
        engine.dispose()
    return url.render_as_string(hide_password=False)


@pytest.fixture(name="database_url", params=SQL_BACKENDS)
def database_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return fresh_database_url(request.param, request, tmp_path)


@pytest.fixture(name="empty_engine", params=SQL_BACKENDS)
def empty_engine_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A database with no tables at all, not even Alembic's."""
    engine = make_engine(fresh_database_url(request.param, request, tmp_path, migrated=False))
    yield engine
    engine.dispose()


@pytest.fixture(name="engine")
def engine_fixture(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture(name="clock")
def clock_fixture() -> FixedClock:
    return FixedClock(START)


@dataclass
class Backend:
    """A store to run a service on, and a way to see everything it holds."""

    name: str
    uow: Callable[[], UnitOfWork]
    contents: Callable[[], Any]
    engine: Engine | None = None


@pytest.fixture(name="backend", params=ALL_BACKENDS)
def backend_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """Every store: the in-memory one, SQLite and PostgreSQL."""
    if request.param == "memory":
        db = MemoryDatabase()
        yield Backend("memory", lambda: MemoryUnitOfWork(db), lambda: db.tables.copy())
        return
    yield from _sql_backend(request, tmp_path)


@pytest.fixture(name="sql_backend", params=SQL_BACKENDS)
def sql_backend_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """The real stores only: SQLite and PostgreSQL."""
    yield from _sql_backend(request, tmp_path)


def _sql_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    engine = make_engine(fresh_database_url(request.param, request, tmp_path))
    sessions = session_factory(engine)
    yield Backend(
        request.param, lambda: SqlUnitOfWork(sessions), lambda: read_snapshot(engine), engine
    )
    engine.dispose()
