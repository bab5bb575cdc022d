"""The database as the faces see it: its schema brought up to date, where it lives, closed at
the end. The SQLAlchemy engine stays inside; the faces ask questions and never touch it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from retrowalk.store.database import is_sqlite
from retrowalk.store.migrate import (
    SchemaState,
    ensure_current,
    head_revision,
    schema_state,
    upgrade,
)


@dataclass(frozen=True, slots=True)
class Opened:
    """What opening a database for the web app found and did."""

    created: bool = False
    upgraded_from: str | None = None
    kept_copy: Path | None = None


class DatabaseAdmin:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine  # for the store's own tools and for tests, never for a face

    @property
    def url(self) -> str:
        """The database really used (with its password: for fingerprints, never printed)."""
        return self.engine.url.render_as_string(hide_password=False)

    def upgrade(self) -> str | None:
        """Upgrade to this version's schema; returns the revision it was at before."""
        return upgrade(self.engine)

    @staticmethod
    def head_revision() -> str:
        """The newest schema this version ships."""
        return head_revision()

    def ensure_current(self) -> None:
        ensure_current(self.engine)

    def open_for_use(self, backups: Path, backup: Callable[[Path], None]) -> Opened:
        """Bring the database to the current schema as `retrowalk serve` does on first run: a
        new one is created; an older SQLite one is first copied (by `backup(path)`) into
        `backups`, then upgraded; an older PostgreSQL one is left to `retrowalk db upgrade`
        and refused, as is one this version does not know."""
        state, revision = schema_state(self.engine)
        opened = Opened(created=state is SchemaState.EMPTY)
        if state is SchemaState.OLDER and is_sqlite(self.engine):
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            copy = backups / f"before-upgrade-{stamp}.sqlite3"
            copy.parent.mkdir(parents=True, exist_ok=True)
            backup(copy)
            upgrade(self.engine)
            opened = Opened(upgraded_from=revision, kept_copy=copy)
        ensure_current(self.engine)
        return opened

    def close(self) -> None:
        self.engine.dispose()
