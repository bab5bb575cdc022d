"""The composition root: settings, database engine, unit of work and clock, wired once.

CLI, web and tests all start here; every piece can be passed in instead (a test's database URL,
a fixed clock, an in-memory store). Opening the database checks its schema: a new, empty one is
created at the current schema; an older, newer or unknown one is refused with a StorageError.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from retrowalk.services.clock import Clock, SystemClock
from retrowalk.services.ports import DataStore, UnitOfWork
from retrowalk.settings import Settings, get_settings

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from retrowalk.store.admin import DatabaseAdmin


@dataclass(frozen=True, slots=True)
class Wiring:
    settings: Settings
    clock: Clock
    uow: Callable[[], UnitOfWork]
    data: DataStore
    database: DatabaseAdmin

    def close(self) -> None:
        self.database.close()


def bootstrap(
    settings: Settings | None = None,
    *,
    clock: Clock | None = None,
    engine: Engine | None = None,
    check_schema: bool = True,
) -> Wiring:
    """Everything a face needs. `check_schema=False` is for `retrowalk db upgrade` alone."""
    from retrowalk.store.admin import DatabaseAdmin
    from retrowalk.store.database import make_engine, session_factory
    from retrowalk.store.migrate import ensure_current
    from retrowalk.store.uow import SqlDataStore, SqlUnitOfWork

    settings = settings or get_settings()
    owned = engine is None
    engine = engine or make_engine(settings.resolved_database_url, settings.database_timeout)
    try:
        if check_schema:
            ensure_current(engine)
    except BaseException:
        if owned:
            engine.dispose()
        raise
    sessions = session_factory(engine)
    return Wiring(
        settings=settings,
        clock=clock or SystemClock(),
        uow=lambda: SqlUnitOfWork(sessions),
        data=SqlDataStore(engine),
        database=DatabaseAdmin(engine),
    )
