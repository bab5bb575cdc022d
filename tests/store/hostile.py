"""Support for the hostile-file suites: a valid export and SQLite backup made by the app, fresh
databases to import or restore into, the CLI run in-process, and the verdict every run must
reach (taken whole, or refused with one line and nothing changed)."""

from __future__ import annotations

import copy
import functools
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from retrowalk.cli.app import app
from retrowalk.cli.errors import EXIT_BAD_INPUT
from retrowalk.settings import get_settings
from retrowalk.store.database import make_engine
from retrowalk.store.migrate import upgrade
from retrowalk.store.snapshot import read_snapshot, write_snapshot
from retrowalk.store.tables import metadata
from tests.db import sqlite_template
from tests.store.make_seed import seeded_snapshot

DATABASE = "retrowalk.sqlite3"
# The longest refusal line: the message, the table, row and field, and one value cut short.
LONGEST_LINE = 400
_runner = CliRunner()


@functools.cache
def _made() -> tuple[str, bytes]:
    snapshot = seeded_snapshot()
    tables: Any = snapshot["tables"]
    tables["accounts"][0]["name"] = "local"  # so later commands find the walker of this machine
    folder = Path(tempfile.mkdtemp(prefix="retrowalk-hostile-"))
    database = filled(folder, snapshot)
    backup = folder / "backup.sqlite3"
    with sqlite3.connect(database) as source, sqlite3.connect(backup) as target:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    return json.dumps(snapshot), backup.read_bytes()


@functools.cache
def _restore_target() -> Path:
    """A database holding other data than the backups: the clinic's people, no sessions."""
    people = valid_snapshot()
    sessions = ("planned_sessions", "session_logs", "session_log_versions", "session_samples")
    for name in (*sessions, "imported_files", "clinic_flags"):
        people["tables"][name] = []
    return filled(Path(tempfile.mkdtemp(prefix="retrowalk-target-")), people)


def restore_target(folder: Path) -> Path:
    """A copy of a database that holds data, to restore into."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_restore_target(), folder / DATABASE)
    return folder / DATABASE


def valid_snapshot() -> dict[str, Any]:
    """An export of a small clinic made by the app: every table, every kind of row."""
    snapshot: dict[str, Any] = json.loads(_made()[0])
    return snapshot


def valid_backup() -> bytes:
    """A SQLite backup of the same clinic."""
    return _made()[1]


def empty_database(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sqlite_template(), folder / DATABASE)
    return folder / DATABASE


def filled(folder: Path, snapshot: dict[str, Any]) -> Path:
    database = empty_database(folder)
    engine = make_engine(f"sqlite:///{database}")
    try:
        upgrade(engine)
        write_snapshot(engine, copy.deepcopy(snapshot), replace=False)
    finally:
        engine.dispose()
    return database


def contents(database: Path) -> dict[str, Any]:
    engine = make_engine(f"sqlite:///{database}")
    try:
        tables: dict[str, Any] = read_snapshot(engine)["tables"]
    finally:
        engine.dispose()
    return tables


def run_cli(database: Path, *args: str) -> Result:
    """`retrowalk ARGS` in this process, on the SQLite database in `database`'s folder."""
    env = {
        "RETROWALK_DATA_DIR": str(database.parent),
        "RETROWALK_CONFIG_FILE": str(database.parent / "absent.toml"),
        "RETROWALK_DATABASE_URL": "",
    }
    get_settings.cache_clear()
    try:
        return _runner.invoke(app, list(args), env=env)
    finally:
        get_settings.cache_clear()


def one_line_refusal(result: Result) -> str:
    """The refusal's one line, after checking it is one: exit status 2, no traceback."""
    assert "Traceback" not in result.output, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == EXIT_BAD_INPUT, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert len(lines[0]) <= LONGEST_LINE, lines[0]
    return lines[0]


def check_verdict(result: Result, database: Path, before: Any, taken: Any) -> str:
    """A run either took the file whole (the database now holds `taken`) or refused it with
    one line and left the database as it was (`before`). Returns what happened."""
    after = contents(database)
    if result.exit_code == 0:
        assert result.exception is None, repr(result.exception)
        assert after == in_key_order(taken)
        _later_commands_work(database)
        return "taken"
    one_line_refusal(result)
    assert after == before
    return "refused"


def in_key_order(tables: Any) -> Any:
    """`tables` with each table's rows in primary-key order, as the database gives them back: a
    file may list its rows in any order (a changed id moves its row)."""
    ordered = dict(tables)
    for table in metadata.sorted_tables:
        if table.name in ordered:
            key = [column.name for column in table.primary_key.columns]
            ordered[table.name] = sorted(ordered[table.name], key=lambda row: [row[k] for k in key])
    return ordered


def _later_commands_work(database: Path) -> None:
    for command in (["today"], ["history"], ["progress"]):
        result = run_cli(database, *command)
        assert "Traceback" not in result.output, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            command,
            repr(result.exception),
        )
