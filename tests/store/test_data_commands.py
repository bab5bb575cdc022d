"""The data commands through the real CLI: upgrade, backup, restore, export, import."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from retrowalk.cli.app import app
from retrowalk.services.clock import FixedClock
from retrowalk.services.records import MphVerdict
from retrowalk.services.treadmill_profile import remember_mph_verdict
from retrowalk.settings import get_settings
from retrowalk.store.database import make_engine, session_factory
from retrowalk.store.migrate import ensure_current
from retrowalk.store.uow import SqlUnitOfWork
from tests.db import START, Backend, fresh_database_url
from tests.store.builders import onboarded, walk

runner = CliRunner()


@pytest.fixture(name="use_database")
def use_database_fixture(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Point the CLI's settings at a database: a SQLite data dir, or a PostgreSQL URL."""
    monkeypatch.setenv("RETROWALK_CONFIG_FILE", str(tmp_path / "absent.toml"))

    def use(data_dir: Path, url: str | None = None) -> None:
        monkeypatch.setenv("RETROWALK_DATA_DIR", str(data_dir))
        if url is None:
            monkeypatch.delenv("RETROWALK_DATABASE_URL", raising=False)
        else:
            monkeypatch.setenv("RETROWALK_DATABASE_URL", url)
        get_settings.cache_clear()

    yield use
    get_settings.cache_clear()


def _fill(url: str) -> None:
    engine = make_engine(url)
    ensure_current(engine)
    sessions = session_factory(engine)
    backend = Backend("sql", lambda: SqlUnitOfWork(sessions), lambda: None, engine)
    clock = FixedClock(START)
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 3)
    remember_mph_verdict(walker.id, MphVerdict("F4:12:FA:00:11:22", True), backend.uow())
    engine.dispose()


def test_db_upgrade_creates_a_new_database_then_finds_it_current(use_database, tmp_path) -> None:
    use_database(tmp_path / "data")

    first = runner.invoke(app, ["db", "upgrade"])
    second = runner.invoke(app, ["db", "upgrade"])

    assert first.exit_code == 0, first.output
    assert "from empty to" in first.output
    assert "already at the current schema" in second.output
    assert (tmp_path / "data" / "retrowalk.sqlite3").exists()


def test_a_database_of_an_unknown_revision_is_refused_with_one_clear_line(
    use_database, database_url: str, tmp_path: Path
) -> None:
    engine = make_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00dcafe'"))
    engine.dispose()
    use_database(tmp_path, database_url)

    result = runner.invoke(app, ["export"])

    assert result.exit_code == 2
    assert "f00dcafe" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_backup_restore_export_and_import_round_trip_through_the_cli(
    use_database, request: pytest.FixtureRequest, tmp_path: Path, kind: str
) -> None:
    source = fresh_database_url(
        kind, request, tmp_path / "source" if kind == "postgresql" else _dir(tmp_path / "source")
    )
    _fill(source)
    use_database(tmp_path / "source", source)
    exported = runner.invoke(app, ["export"]).output
    backed_up = runner.invoke(app, ["backup", str(tmp_path / "backup")])
    use_database(_dir(tmp_path / "restored"))
    restored = runner.invoke(app, ["restore", str(tmp_path / "backup")])
    restored_export = runner.invoke(app, ["export"]).output
    (tmp_path / "export.json").write_text(exported, encoding="utf-8")
    use_database(_dir(tmp_path / "imported"))
    imported = runner.invoke(app, ["import", str(tmp_path / "export.json")])
    imported_again = runner.invoke(app, ["import", str(tmp_path / "export.json")])

    assert backed_up.exit_code == 0 and restored.exit_code == 0, restored.output
    assert imported.exit_code == 0, imported.output
    assert restored_export == exported
    assert runner.invoke(app, ["export"]).output == exported
    assert imported_again.exit_code == 2 and "already holds data" in imported_again.output


def _dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_the_csv_export_lists_the_sessions(use_database, tmp_path: Path) -> None:
    use_database(tmp_path)
    _fill(get_settings().resolved_database_url)

    result = runner.invoke(app, ["export", "--format", "csv"])

    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert result.exit_code == 0
    assert [row["seq"] for row in rows] == ["1", "2", "3"]  # as the walker counts


def test_a_missing_import_file_is_one_clear_line(use_database, tmp_path: Path) -> None:
    use_database(tmp_path)

    result = runner.invoke(app, ["import", str(tmp_path / "nowhere.json")])

    assert result.exit_code == 2
    assert "no such file" in result.output and "Traceback" not in result.output


def test_the_cli_starts_without_loading_the_database_libraries() -> None:
    code = "import sys, retrowalk.cli.app; print('sqlalchemy' in sys.modules)"

    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    assert loaded.stdout.strip() == "False"
