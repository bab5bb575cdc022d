"""Migrations keep every row, and a database this version does not know is refused clearly.

Each revision has a seed (tests/store/seeds/<revision>.json, written by `make_seed` while that
revision was head). A database is filled with it at its revision and migrated to head, for
every revision, so each new migration is checked against the data of every earlier schema.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Date, DateTime, Engine, MetaData, select, text

from retrowalk.domain.errors import StorageError
from retrowalk.store.migrate import (
    MIGRATIONS,
    SchemaState,
    ensure_current,
    head_revision,
    revisions,
    schema_state,
    upgrade,
)

SEEDS = Path(__file__).parent / "seeds"


def _seed(revision: str) -> dict[str, list[dict[str, Any]]]:
    seed: dict[str, list[dict[str, Any]]] = json.loads((SEEDS / f"{revision}.json").read_text())
    return seed


def _fill(engine: Engine, seed: dict[str, list[dict[str, Any]]]) -> MetaData:
    """Insert the seed through the tables as they are at this revision (reflected, not ours)."""
    reflected = MetaData()
    reflected.reflect(engine)
    with engine.begin() as connection:
        for table in reflected.sorted_tables:
            rows = [_typed(table.columns, row) for row in seed.get(table.name, [])]
            if rows:
                connection.execute(table.insert(), rows)
    return reflected


def _typed(columns: Any, row: dict[str, Any]) -> dict[str, Any]:
    typed = dict(row)
    for column in columns:
        value = typed.get(column.name)
        if isinstance(value, str) and isinstance(column.type, DateTime):
            typed[column.name] = datetime.fromisoformat(value)
        elif isinstance(value, str) and isinstance(column.type, Date):
            typed[column.name] = date.fromisoformat(value)
    return typed


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def test_every_revision_has_its_seed() -> None:
    missing = [r for r in revisions() if not (SEEDS / f"{r}.json").exists()]

    assert missing == [], "run `python -m tests.store.make_seed` while each revision is head"


@pytest.mark.parametrize("revision", revisions())
def test_a_database_filled_at_a_revision_keeps_every_row_at_head(
    empty_engine: Engine, revision: str
) -> None:
    upgrade(empty_engine, target=revision)
    seed = _seed(revision)
    _fill(empty_engine, seed)

    upgrade(empty_engine)

    now = MetaData()
    now.reflect(empty_engine)
    with empty_engine.connect() as connection:
        for name, rows in seed.items():
            table = now.tables[name]
            stored = connection.execute(select(table).order_by(*table.primary_key.columns))
            kept = [{k: _plain(v) for k, v in row.items()} for row in stored.mappings()]
            assert len(kept) == len(rows), name
            for old, new in zip(rows, kept, strict=True):
                assert {k: new[k] for k in old if k in new} == old, name
    assert schema_state(empty_engine)[0] is SchemaState.CURRENT


def test_a_brand_new_database_is_created_at_the_current_schema(empty_engine: Engine) -> None:
    ensure_current(empty_engine)

    assert schema_state(empty_engine) == (SchemaState.CURRENT, head_revision())


def test_a_database_at_an_unknown_revision_is_refused(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00dcafe'"))

    with pytest.raises(StorageError) as refused:
        ensure_current(engine)

    assert "f00dcafe" in str(refused.value) and "does not know" in str(refused.value)


def test_tables_without_a_revision_are_not_taken_for_ours(empty_engine: Engine) -> None:
    with empty_engine.begin() as connection:
        connection.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY)"))

    with pytest.raises(StorageError):
        ensure_current(empty_engine)


_NEXT_REVISION = '''
    """add a nickname (test only)"""

    import sqlalchemy as sa
    from alembic import op

    revision = "9001"
    down_revision = "{head}"
    branch_labels = None
    depends_on = None


    def upgrade() -> None:
        with op.batch_alter_table("accounts") as batch:
            batch.add_column(sa.Column("nickname", sa.String(40), nullable=True))


    def downgrade() -> None:
        with op.batch_alter_table("accounts") as batch:
            batch.drop_column("nickname")
'''


def _with_a_newer_revision(tmp_path: Path) -> Path:
    location = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, location, ignore=shutil.ignore_patterns("__pycache__"))
    newer = textwrap.dedent(_NEXT_REVISION).format(head=head_revision())
    (location / "versions" / "9001_add_a_nickname.py").write_text(newer)
    return location


def test_an_older_database_is_told_to_run_db_upgrade_and_then_upgrades(
    engine: Engine, tmp_path: Path
) -> None:
    location = _with_a_newer_revision(tmp_path)
    seed = _seed(head_revision())
    _fill(engine, seed)

    with pytest.raises(StorageError) as refused:
        ensure_current(engine, location)
    upgrade(engine, location=location)

    assert "retrowalk db upgrade" in str(refused.value)
    assert schema_state(engine, location) == (SchemaState.CURRENT, "9001")
    with engine.connect() as connection:
        names = connection.execute(text("SELECT name, nickname FROM accounts ORDER BY id")).all()
    assert names == [(row["name"], None) for row in seed["accounts"]]


def test_the_quick_head_check_names_the_newest_migration() -> None:
    from retrowalk.store.migrate import HEAD_REVISION, head_revision

    assert head_revision() == HEAD_REVISION


def test_equipment_of_the_first_schema_reaches_head_with_no_mph_verdict(
    empty_engine: Engine,
) -> None:
    upgrade(empty_engine, target="0001")
    seed = _seed("0001")
    _fill(empty_engine, seed)

    upgrade(empty_engine)

    with empty_engine.connect() as connection:
        query = text("SELECT id, ftms_device, mph_quirk FROM equipment ORDER BY id")
        rows = [tuple(row) for row in connection.execute(query)]
    assert rows == [(row["id"], None, None) for row in seed["equipment"]]
