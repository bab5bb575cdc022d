"""Hostile files for `retrowalk import` and `retrowalk restore`, through the CLI (issue 11).

Every run either takes the file whole (the database then holds exactly its rows, and later
commands work on them) or refuses it with one line that names the table, row and field, exit
status 2, no traceback, and the database exactly as it was.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from retrowalk.store.backup_file import backup_snapshot
from tests.store.hostile import (
    check_verdict,
    contents,
    empty_database,
    restore_target,
    run_cli,
    valid_backup,
    valid_snapshot,
)
from tests.strategies import backup_mutations, damaged_texts, mutated_snapshots

HOSTILE = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _planted(folder: Path, change: list[str] | bytes) -> Path:
    """A copy of the valid backup with `change` made to it (SQL run on it, or its new bytes)."""
    file = folder / "backup.sqlite3"
    file.write_bytes(change if isinstance(change, bytes) else valid_backup())
    if isinstance(change, list):
        try:
            with closing(sqlite3.connect(file, isolation_level=None)) as connection:
                for statement in change:
                    connection.execute(statement)
        except sqlite3.Error:
            assume(False)  # this SQLite cannot plant it (a module not built in)
    return file


@HOSTILE
@given(data=st.data())
def test_a_changed_export_is_imported_whole_or_refused_in_one_line(
    tmp_path_factory: Any, data: st.DataObject
) -> None:
    """An export with one thing changed, imported into an empty database."""
    changed = data.draw(mutated_snapshots(valid_snapshot()), label="change").content
    folder = tmp_path_factory.mktemp("import")
    database = empty_database(folder / "db")
    file = folder / "export.json"
    file.write_text(json.dumps(changed), encoding="utf-8")
    before = contents(database)

    result = run_cli(database, "import", str(file))

    check_verdict(result, database, before, changed.get("tables"))


@settings(HOSTILE, max_examples=25)
@given(data=st.data())
def test_a_changed_export_is_restored_whole_or_refused_in_one_line(
    tmp_path_factory: Any, data: st.DataObject
) -> None:
    """The same, through restore: a database that holds data is replaced, or left alone."""
    changed = data.draw(mutated_snapshots(valid_snapshot()), label="change").content
    folder = tmp_path_factory.mktemp("restore-json")
    database = restore_target(folder / "db")
    file = folder / "export.json"
    file.write_text(json.dumps(changed), encoding="utf-8")
    before = contents(database)

    result = run_cli(database, "restore", str(file))

    check_verdict(result, database, before, changed.get("tables"))


@settings(HOSTILE, max_examples=30)
@given(data=st.data())
def test_a_damaged_export_is_refused_in_one_line(
    tmp_path_factory: Any, data: st.DataObject
) -> None:
    """An export's bytes cut short, flipped or replaced by noise."""
    content = data.draw(
        damaged_texts(json.dumps(valid_snapshot(), indent=1)), label="bytes"
    ).content
    folder = tmp_path_factory.mktemp("damaged")
    database = empty_database(folder / "db")
    file = folder / "export.json"
    file.write_bytes(content)
    before = contents(database)

    result = run_cli(database, "import", str(file))

    verdict = check_verdict(result, database, before, _tables_of(content))
    assert verdict == "refused" or _tables_of(content) is not None


@HOSTILE
@given(data=st.data())
def test_a_planted_or_damaged_backup_is_restored_whole_or_refused_in_one_line(
    tmp_path_factory: Any, data: st.DataObject
) -> None:
    """A SQLite backup with a view, trigger, odd table or hostile value planted in it, or its
    bytes damaged."""
    change = data.draw(backup_mutations(valid_backup()), label="change").content
    folder = tmp_path_factory.mktemp("restore")
    file = _planted(folder, change)
    database = restore_target(folder / "db")
    before = contents(database)

    result = run_cli(database, "restore", str(file))

    taken = backup_snapshot(file)["tables"] if result.exit_code == 0 else None
    check_verdict(result, database, before, taken)


def _tables_of(content: bytes) -> Any:
    try:
        return json.loads(content)["tables"]
    except (ValueError, TypeError, KeyError):
        return None
