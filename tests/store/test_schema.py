"""The migrated schema itself: named checks, foreign keys, and no drift from the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from retrowalk.store.database import make_engine
from retrowalk.store.tables import metadata
from tests.db import Backend
from tests.store.builders import onboarded, walk


def test_the_migrations_build_exactly_the_schema_the_models_describe(engine: Engine) -> None:
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)

    assert differences == []


def test_every_check_constraint_has_a_name(engine: Engine) -> None:
    inspector = inspect(engine)

    names = [
        check["name"]
        for table in inspector.get_table_names()
        for check in inspector.get_check_constraints(table)
    ]

    assert names and all(name and name.startswith("ck_") for name in names)


def _logged_once(backend: Backend, clock, account: str = "ann") -> int:
    walker = onboarded(backend, clock, account=account).walker
    return walk(backend, clock, walker.id, 1)[0].log.id


@pytest.mark.parametrize(
    ("column", "value", "constraint"),
    [
        ("pain_during", 11, "ck_session_logs_pain_during_range"),
        ("rpe", -1, "ck_session_logs_rpe_range"),
        ("minutes_done", -5, "ck_session_logs_minutes_done_range"),
        ("source", "'rumour'", "ck_session_logs_source_known"),
    ],
)
def test_the_database_itself_refuses_values_out_of_range(
    sql_backend: Backend, clock, column: str, value: object, constraint: str
) -> None:
    log_id = _logged_once(sql_backend, clock)
    assert sql_backend.engine is not None

    with pytest.raises(IntegrityError) as refused, sql_backend.engine.begin() as connection:
        connection.execute(text(f"UPDATE session_logs SET {column} = {value} WHERE id = {log_id}"))

    assert constraint in str(refused.value)


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO equipment (walker_id, kind, spotter, added_at) "
                "VALUES (4242, 'outdoor', true, '2027-01-01 00:00:00')"
            )
        )


def test_a_log_cannot_point_at_another_walkers_planned_session(sql_backend: Backend, clock) -> None:
    log_id = _logged_once(sql_backend, clock)
    bob = onboarded(sql_backend, clock, account="bob").walker
    assert sql_backend.engine is not None

    with pytest.raises(IntegrityError), sql_backend.engine.begin() as connection:
        connection.execute(
            text(f"UPDATE session_logs SET walker_id = {bob.id} WHERE id = {log_id}")
        )


def test_sqlite_connections_use_the_write_ahead_log_and_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")

    with engine.connect() as connection:
        journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
    engine.dispose()

    assert (journal, keys) == ("wal", 1)
