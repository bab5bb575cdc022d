"""Schema revisions: which one a database is at, upgrading it, refusing what this version
does not know. Alembic runs from the migrations shipped inside the package."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from retrowalk.domain.errors import StorageError
from retrowalk.store.database import reading

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest revision shipped, so a current database is recognised without loading Alembic (about
# 120 ms of every command's start). A test keeps it equal to the migrations' own head.
HEAD_REVISION = "0007"
UPGRADE_HINT = "run `retrowalk db upgrade` (make a backup first with `retrowalk backup FILE`)"


class SchemaState(StrEnum):
    EMPTY = "empty"
    CURRENT = "current"
    OLDER = "older"
    FOREIGN = "foreign"


def head_revision(location: Path = MIGRATIONS) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(location)).get_current_head()
    if head is None:
        raise AssertionError(f"no migrations in {location}")
    return head


def revisions(location: Path = MIGRATIONS) -> list[str]:
    """Every revision, oldest first."""
    from alembic.script import ScriptDirectory

    walked = ScriptDirectory(str(location)).walk_revisions()
    return [script.revision for script in reversed(list(walked))]


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with reading(engine) as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _stamped_at_head(engine: Engine) -> bool:
    """True when the database says it is at HEAD_REVISION (read with plain SQL, no Alembic)."""
    try:
        with reading(engine) as connection:
            stamped = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:
        return False  # no version table yet: let Alembic look properly
    return [row[0] for row in stamped] == [HEAD_REVISION]


def schema_state(engine: Engine, location: Path = MIGRATIONS) -> tuple[SchemaState, str | None]:
    revision = current_revision(engine)
    if revision is None:
        with reading(engine) as connection:
            tables = inspect(connection).get_table_names()
        return (SchemaState.FOREIGN if tables else SchemaState.EMPTY), None
    if revision == head_revision(location):
        return SchemaState.CURRENT, revision
    if revision in revisions(location):
        return SchemaState.OLDER, revision
    return SchemaState.FOREIGN, revision


def ensure_current(engine: Engine, location: Path = MIGRATIONS) -> None:
    """Make a brand-new database current; refuse an older, newer or unknown one."""
    if location == MIGRATIONS and _stamped_at_head(engine):
        return
    state, revision = schema_state(engine, location)
    if state is SchemaState.EMPTY:
        upgrade(engine, location=location)
    elif state is SchemaState.OLDER:
        raise StorageError(f"the database is at an older schema ({revision}); {UPGRADE_HINT}")
    elif state is SchemaState.FOREIGN:
        raise StorageError(_foreign_message(revision))


def upgrade(engine: Engine, target: str = "head", location: Path = MIGRATIONS) -> str | None:
    """Upgrade to `target`; returns the revision the database was at before."""
    state, before = schema_state(engine, location)
    if state is SchemaState.FOREIGN:
        raise StorageError(_foreign_message(before))
    with engine.connect() as connection:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            _foreign_keys(connection, on=False)
        try:
            from alembic import command
            from alembic.config import Config

            with connection.begin():
                config = Config()
                config.set_main_option("script_location", str(location))
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                if sqlite:
                    _check_foreign_keys(connection)
        finally:
            if sqlite:
                _foreign_keys(connection, on=True)
    return before


def _foreign_message(revision: str | None) -> str:
    if revision is None:
        return "the database holds tables but no retrowalk schema revision; it is not ours"
    return (
        f"the database is at schema {revision}, which this version of retrowalk does not know "
        "(a newer retrowalk made it?); upgrade retrowalk rather than the database"
    )


def _foreign_keys(connection: Connection, on: bool) -> None:
    # Batch mode rebuilds SQLite tables; foreign keys must be off (outside any transaction).
    raw = connection.connection.driver_connection
    assert raw is not None
    raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def _check_foreign_keys(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise StorageError(f"the migration would break {len(broken)} references; nothing changed")
