"""Export, import, backup and restore give back exactly what was there, on either database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from retrowalk.domain.errors import InputError
from retrowalk.services.clock import FixedClock
from retrowalk.services.interchange import backup, export_json, import_json, restore
from retrowalk.services.log_edit import delete_log
from retrowalk.services.records import MphVerdict
from retrowalk.services.treadmill_profile import remember_mph_verdict
from retrowalk.store.database import make_engine
from retrowalk.store.uow import SqlDataStore
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    SQL_BACKENDS,
    Backend,
    clock_fixture,
    fresh_database_url,
    sql_backend_fixture,
)
from tests.store.builders import onboarded, walk


def _filled(backend: Backend, clock: FixedClock) -> SqlDataStore:
    ann = onboarded(backend, clock, account="ann", walker={"rest_pain": 5}).walker
    onboarded(backend, clock, account="bob", equipment={"kind": "sled", "max_load_kg": 40})
    onboarded(backend, clock, account="cy", equipment={"safety_clip": False})
    logs = walk(backend, clock, ann.id, 4, pain_during=2, notes="Ünïcode ✓")
    delete_log(ann.id, logs[1].log.id, backend.uow(), clock)
    remember_mph_verdict(ann.id, MphVerdict("virtual:mph_for_kmh", True), backend.uow())
    assert backend.engine is not None
    return SqlDataStore(backend.engine)


@pytest.fixture(name="other_engines")
def other_engines_fixture(request: pytest.FixtureRequest, tmp_path: Path):
    engines: list[Engine] = []

    def fresh(kind: str) -> Engine:
        folder = tmp_path / f"other-{len(engines)}"
        folder.mkdir()
        engines.append(make_engine(fresh_database_url(kind, request, folder)))
        return engines[-1]

    yield fresh
    for engine in engines:
        engine.dispose()


@pytest.mark.parametrize("target", SQL_BACKENDS)
def test_an_export_imported_into_an_empty_database_exports_byte_for_byte_the_same(
    sql_backend: Backend, clock, other_engines, target: str
) -> None:
    exported = export_json(_filled(sql_backend, clock))
    again = SqlDataStore(other_engines(target))

    import_json(exported, again)

    assert export_json(again) == exported


def test_the_export_holds_every_table_and_row(sql_backend: Backend, clock) -> None:
    data = json.loads(export_json(_filled(sql_backend, clock)))

    counts = {name: len(rows) for name, rows in data["tables"].items()}
    assert counts["walkers"] == 3 and counts["session_logs"] == 4
    assert counts["planned_sessions"] == 4 + 1 + 1  # ann's five, bob's first; cy has a red flag
    verdicts = [(row["ftms_device"], row["mph_quirk"]) for row in data["tables"]["equipment"]]
    assert verdicts == [("virtual:mph_for_kmh", True), (None, None), (None, None)]
    assert data["schema_revision"] and data["format"] == "retrowalk-snapshot"


def test_importing_into_a_database_that_holds_data_is_refused_and_changes_nothing(
    sql_backend: Backend, clock
) -> None:
    store = _filled(sql_backend, clock)
    exported = export_json(store)

    with pytest.raises(InputError) as refused:
        import_json(exported, store)

    assert refused.value.field == "database"
    assert export_json(store) == exported


def test_an_export_of_another_schema_revision_is_refused(
    sql_backend: Backend, clock, other_engines
) -> None:
    data = json.loads(export_json(_filled(sql_backend, clock)))
    data["schema_revision"] = "f00dcafe"

    with pytest.raises(InputError) as refused:
        import_json(json.dumps(data), SqlDataStore(other_engines(sql_backend.name)))

    assert refused.value.field == "schema_revision"


def test_a_backup_taken_during_a_write_holds_only_committed_data_and_restores_exactly(
    sql_backend: Backend, clock, other_engines, tmp_path: Path
) -> None:
    store = _filled(sql_backend, clock)
    assert sql_backend.engine is not None
    exported = export_json(store)
    file = tmp_path / "backup.file"

    with sql_backend.engine.connect() as writer:
        writer.begin()
        writer.execute(
            text("INSERT INTO accounts (name, role, created_at) VALUES ('ghost', 'admin', :at)"),
            {"at": clock.now()},
        )
        backup(file, SqlDataStore(sql_backend.engine))
        writer.rollback()
    again = SqlDataStore(other_engines(sql_backend.name))
    restore(file, again)

    assert export_json(again) == exported


def test_restore_replaces_everything_that_was_there(
    sql_backend: Backend, clock, other_engines, tmp_path: Path
) -> None:
    store = _filled(sql_backend, clock)
    file = tmp_path / "backup.file"
    backup(file, store)
    onboarded(sql_backend, clock, account="dee")

    restore(file, store)

    names = [a["name"] for a in json.loads(export_json(store))["tables"]["accounts"]]
    assert names == ["ann", "bob", "cy"]


def test_a_backup_never_overwrites_a_file(sql_backend: Backend, clock, tmp_path: Path) -> None:
    file = tmp_path / "precious.txt"
    file.write_text("keep me")

    with pytest.raises(InputError):
        backup(file, _filled(sql_backend, clock))

    assert file.read_text() == "keep me"


def test_restoring_a_file_that_is_no_backup_is_refused(sql_backend: Backend, tmp_path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("shopping list")
    assert sql_backend.engine is not None

    with pytest.raises(InputError) as refused:
        restore(file, SqlDataStore(sql_backend.engine))

    assert refused.value.field == "FILE"
