"""The SQL unit of work (one session, one transaction, rolled back unless committed) and the
whole-database store for backups and interchange."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from retrowalk.services.ports import DataStore, UnitOfWork
from retrowalk.store.database import READ_ONLY
from retrowalk.store.sql_accounts import SqlAccounts
from retrowalk.store.sql_calendar_feeds import SqlCalendarFeeds
from retrowalk.store.sql_clinic import SqlClinic
from retrowalk.store.sql_imported_files import SqlImportedFiles
from retrowalk.store.sql_logins import (
    SqlInvitations,
    SqlLoginAttempts,
    SqlLoginSessions,
    SqlResetLinks,
)
from retrowalk.store.sql_people import SqlWalkers
from retrowalk.store.sql_profile_changes import SqlProfileChanges
from retrowalk.store.sql_sessions import SqlSessions


class SqlUnitOfWork(UnitOfWork):
    """Failures the person must hear about (disk full, busy, out of reach) arrive as a
    StorageError from the engine (store/failures.py); leaving the block rolls back."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._factory = sessions
        self._session: Session | None = None

    def _begin(self) -> None:
        self._session = self._factory()
        if self.read_only:
            self._session.connection(execution_options=READ_ONLY)
        self.accounts = SqlAccounts(self._session)
        self.walkers = SqlWalkers(self._session)
        self.sessions = SqlSessions(self._session)
        self.profile_changes = SqlProfileChanges(self._session)
        self.imported_files = SqlImportedFiles(self._session)
        self.calendar_feeds = SqlCalendarFeeds(self._session)
        self.clinic = SqlClinic(self._session)
        self.login_sessions = SqlLoginSessions(self._session)
        self.invitations = SqlInvitations(self._session)
        self.reset_links = SqlResetLinks(self._session)
        self.login_attempts = SqlLoginAttempts(self._session)

    def _end(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    def commit(self) -> None:
        self._refuse_commit_if_reading()
        self._open().commit()

    def rollback(self) -> None:
        self._open().rollback()

    def _open(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work inside a `with` block")
        return self._session


class SqlDataStore(DataStore):
    """The database as a whole: snapshots, backups and restores. Their modules (and the
    interchange format's) load when used: every command is wired with this, few use it."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def snapshot(self) -> dict[str, Any]:
        from retrowalk.store.snapshot import read_snapshot

        return read_snapshot(self._engine)

    def load(self, snapshot: dict[str, Any], replace: bool) -> None:
        from retrowalk.store.snapshot import write_snapshot

        write_snapshot(self._engine, snapshot, replace)

    def backup(self, target: Path) -> None:
        from retrowalk.store.backup import backup

        backup(self._engine, target)

    def restore(self, source: Path) -> None:
        from retrowalk.store.backup import restore

        restore(self._engine, source)
