"""What `retrowalk import` and `restore` say about the bad files seen before (issue 11), and the
guards around them: size caps, files that are no files, hostile SQLite schemas, the step budget,
an older backup upgraded on a copy, and the database's own refusal undoing the whole write."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from retrowalk.domain.errors import InputError
from retrowalk.services import interchange
from retrowalk.services.file_input import IMPORT_MOST_BYTES, RESTORE_MOST_BYTES
from retrowalk.services.interchange import import_json
from retrowalk.store import backup_file, snapshot
from retrowalk.store.database import make_engine
from retrowalk.store.migrate import upgrade
from retrowalk.store.snapshot import read_snapshot
from retrowalk.store.uow import SqlDataStore
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    database_url_fixture,
    engine_fixture,
)
from tests.store.hostile import (
    contents,
    empty_database,
    one_line_refusal,
    restore_target,
    run_cli,
    valid_backup,
    valid_snapshot,
)
from tests.store.test_migrations import _fill, _seed

PRIVATE = "private words about my knee"
CORRUPT_STATE = '{"v":1,"state":{"dose":{"minutes":"three"}}}'
SEEN_BEFORE = [
    (
        "planned_sessions",
        "speed",
        float("nan"),
        'field "speed": got nan; give a number from 0 to 10',
    ),
    (
        "session_logs",
        "session_date",
        "9999-12-31",
        "field \"session_date\": got '9999-12-31'; give a date from 1900-01-01 to 2100-12-31",
    ),
    (
        "session_logs",
        "notes",
        "sore\x00",
        "field \"notes\": got 'sore\\x00'; give text without NUL",
    ),
    ("accounts", "role", "admin", "field \"role\": got 'admin'; give one of 'walker', 'clinician'"),
    ("session_logs", "state_after", CORRUPT_STATE, 'field "state_after": got \'{"v":1,"state"'),
    ("walkers", "age", 2**63, 'field "age": got 9223372036854775808; give a whole number from 5'),
    (
        "session_samples",
        "distance_m",
        10**30,
        'field "distance_m": got 1000000000000000000000000000000; '
        "give a number from 0 to 9007199254740992",
    ),
    (
        "session_logs",
        "pain_during",
        11,
        'field "pain_during": got 11; give a whole number from 0 to',
    ),
    (
        "profile_changes",
        "changes",
        '[{"field": "height", "from": 1, "to": 2}]',
        'field "changes": got \'[{"field": "height", "from": 1, "to": 2}]\'; give JSON text',
    ),
    (
        "profile_changes",
        "flags",
        '[{"level": "red"}]',
        'field "flags": got \'[{"level": "red"}]\'; give JSON text: a list of {"level"',
    ),
    (
        "profile_changes",
        "clinician",
        "Dr X",
        "field \"clinician\": got 'Dr X'; only a clearance has this; give null",
    ),
]


def _with(table: str, column: str, value: Any) -> dict[str, Any]:
    changed = valid_snapshot()
    changed["tables"]["session_logs"][1]["notes"] = PRIVATE
    changed["tables"][table][0][column] = value
    return changed


@pytest.mark.parametrize(("table", "column", "value", "said"), SEEN_BEFORE)
def test_an_import_seen_accepted_before_is_refused_naming_table_row_and_field(
    tmp_path: Path, table: str, column: str, value: Any, said: str
) -> None:
    database = empty_database(tmp_path / "db")
    file = tmp_path / "export.json"
    file.write_text(json.dumps(_with(table, column, value)), encoding="utf-8")

    line = one_line_refusal(run_cli(database, "import", str(file)))

    assert line.startswith(f"Error: {table} row 1, {said}"), line
    assert PRIVATE not in line
    assert contents(database) == contents(empty_database(tmp_path / "fresh"))


@pytest.mark.parametrize("emptied", ["prescriptions", "equipment"])
def test_an_import_whose_walkers_lack_a_prescription_or_equipment_is_refused(
    tmp_path: Path, emptied: str
) -> None:
    """Seen by the hostile-file fuzz: an export with its prescriptions emptied was taken, and
    `today`, `history` and `progress` then failed on the walker it left without one."""
    changed = valid_snapshot()
    changed["tables"][emptied] = []
    if emptied == "equipment":  # so that no reference to it is refused first
        for table in (
            "planned_sessions",
            "session_logs",
            "session_log_versions",
            "session_samples",
            "imported_files",
            "clinic_flags",
        ):
            changed["tables"][table] = []
    database = empty_database(tmp_path / "db")
    file = tmp_path / "export.json"
    file.write_text(json.dumps(changed), encoding="utf-8")

    line = one_line_refusal(run_cli(database, "import", str(file)))

    assert line.startswith('Error: walkers row 1, field "id": got 1; every walker needs a '), line
    assert emptied in line
    assert contents(database) == contents(empty_database(tmp_path / "fresh"))


@pytest.mark.parametrize(
    ("table", "column", "value", "said"),
    [
        ("planned_sessions", "speed", float("inf"), 'field "speed": got inf; give a number from'),
        ("walkers", "age", 2**63, 'field "age": got 9.223372036854776e+18; give a whole number'),
        ("session_samples", "distance_m", 1e30, 'field "distance_m": got 1e+30; give a number'),
        *[
            case
            for case in SEEN_BEFORE
            if case[0] not in ("planned_sessions", "walkers", "session_samples")
        ],
    ],
)
def test_a_backup_seen_accepted_before_is_refused_naming_table_row_and_field(
    tmp_path: Path, table: str, column: str, value: Any, said: str
) -> None:
    file = _planted_backup(tmp_path, f"UPDATE {table} SET {column} = ? WHERE rowid = 1", value)
    database = restore_target(tmp_path / "db")
    before = contents(database)

    line = one_line_refusal(run_cli(database, "restore", str(file)))

    assert line.startswith(f"Error: {table} row 1, {said}"), line
    assert contents(database) == before


def _planted_backup(folder: Path, statement: str, *values: Any) -> Path:
    file = folder / "backup.sqlite3"
    file.write_bytes(valid_backup())
    with closing(sqlite3.connect(file, isolation_level=None)) as connection:
        connection.execute("PRAGMA ignore_check_constraints=ON")
        # SQLite keeps a whole number past 64 bits as a real number, as it would from a file.
        given = [str(v) if isinstance(v, int) and v > 2**62 else v for v in values]
        connection.execute(statement, given)
    return file


def test_a_backup_with_a_recursive_view_is_refused_at_once(tmp_path: Path) -> None:
    cte = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"
    file = _planted_backup(tmp_path, f"CREATE VIEW everything AS {cte}")
    database = restore_target(tmp_path / "db")
    started = time.monotonic()

    line = one_line_refusal(run_cli(database, "restore", str(file)))

    assert "it holds a view ('everything')" in line
    assert time.monotonic() - started < 10


def test_a_backup_with_a_trigger_is_refused(tmp_path: Path) -> None:
    trigger = "CREATE TRIGGER wipe AFTER INSERT ON accounts BEGIN DELETE FROM walkers; END"
    database = restore_target(tmp_path / "db")

    line = one_line_refusal(run_cli(database, "restore", str(_planted_backup(tmp_path, trigger))))

    assert "it holds a trigger ('wipe')" in line


def test_a_backup_whose_schema_text_is_damaged_is_refused_in_one_line(tmp_path: Path) -> None:
    """SQLite's own message then quotes bytes that are not UTF-8; still one line, no traceback."""
    file = tmp_path / "backup.sqlite3"
    whole = valid_backup()
    at = whole.index(b"UNIQUE")
    file.write_bytes(whole[:at] + b"\x80" + whole[at + 1 :])
    database = restore_target(tmp_path / "db")

    line = one_line_refusal(run_cli(database, "restore", str(file)))

    assert "the backup cannot be read" in line


def test_a_backup_that_takes_more_steps_than_its_size_allows_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_file, "STEPS_AT_LEAST", 0)
    monkeypatch.setattr(backup_file, "STEPS_PER_KIB", 1)
    monkeypatch.setattr(backup_file, "STEPS_PER_CALL", 10)
    file = tmp_path / "backup.sqlite3"
    file.write_bytes(valid_backup())
    database = restore_target(tmp_path / "db")
    before = contents(database)

    line = one_line_refusal(run_cli(database, "restore", str(file)))

    assert "too large or malformed" in line
    assert contents(database) == before


def test_an_older_backup_is_upgraded_on_a_copy_and_restored(tmp_path: Path) -> None:
    file = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{file}")
    upgrade(engine, target="0001")
    _fill(engine, _seed("0001"))
    engine.dispose()
    original = file.read_bytes()
    database = restore_target(tmp_path / "db")

    result = run_cli(database, "restore", str(file))

    assert result.exit_code == 0, result.output
    restored = contents(database)
    assert [a["name"] for a in restored["accounts"]] == ["ann", "bob", "cy"]
    assert {row["mph_quirk"] for row in restored["equipment"]} == {None}
    assert file.read_bytes() == original


@pytest.mark.parametrize(
    ("command", "cap", "said"),
    [("import", IMPORT_MOST_BYTES, "64.0 MiB"), ("restore", RESTORE_MOST_BYTES, "1024.0 MiB")],
)
def test_a_file_over_the_cap_is_refused_before_it_is_read(
    tmp_path: Path, command: str, cap: int, said: str
) -> None:
    file = tmp_path / "huge.json"
    with file.open("wb") as sparse:
        sparse.truncate(cap + 1)  # no disk used: the size alone must refuse it
    database = restore_target(tmp_path / "db")

    line = one_line_refusal(run_cli(database, command, str(file)))

    assert f"give one of at most {said}" in line and "the file is" in line


@pytest.mark.parametrize("command", ["import", "restore"])
def test_a_pipe_or_a_folder_is_refused_without_waiting(tmp_path: Path, command: str) -> None:
    # Named as exports, so `import` (which picks the reader by the suffix) reaches the file.
    pipe, folder = tmp_path / "pipe.json", tmp_path / "folder.json"
    os.mkfifo(pipe)
    folder.mkdir()
    database = restore_target(tmp_path / "db")

    piped = one_line_refusal(run_cli(database, command, str(pipe)))
    named_folder = one_line_refusal(run_cli(database, command, str(folder)))

    assert "not a regular file" in piped and "folder" in named_folder


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"[" * 100_000, "nested too deeply"),
        (b'{"n": ' + b"9" * 5000 + b"}", "thousands of digits"),
        (b'{"format": 1, "format": 2}', "a key is given twice"),
        (b"walker_id,log_id\n1,2\n", "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[]", "got a JSON array; an export is a JSON object"),
    ],
)
def test_text_that_is_no_export_is_refused_in_one_line(
    tmp_path: Path, content: bytes, said: str
) -> None:
    file = tmp_path / "export.json"
    file.write_bytes(content)
    database = empty_database(tmp_path / "db")

    line = one_line_refusal(run_cli(database, "import", str(file)))

    assert said in line


def test_rows_the_database_itself_refuses_change_nothing(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SqlDataStore(engine)
    import_json(json.dumps(valid_snapshot()), store)
    before = read_snapshot(engine)
    monkeypatch.setattr(snapshot, "checked_tables", lambda data: data["tables"])
    broken = valid_snapshot()
    broken["tables"]["walkers"][-1]["age"] = 500  # past ck_walkers_age_range

    with pytest.raises(InputError) as refused:
        store.load(broken, replace=True)

    assert refused.value.field == "tables" and "age_range" in str(refused.value)
    assert read_snapshot(engine) == before


def test_a_refused_import_leaves_either_database_empty(engine: Engine) -> None:
    store = SqlDataStore(engine)
    changed = _with("session_logs", "notes", "sore\x00")

    with pytest.raises(InputError) as refused:
        interchange.import_json(json.dumps(changed), store)

    assert refused.value.field == 'session_logs row 1, field "notes"'
    assert not any(read_snapshot(engine)["tables"].values())


def test_a_backup_whose_walker_lacks_a_prescription_is_refused_and_nothing_replaced(
    tmp_path: Path,
) -> None:
    file = _planted_backup(tmp_path, "DELETE FROM prescriptions WHERE walker_id = ?", 1)
    database = restore_target(tmp_path / "db")
    before = contents(database)

    line = one_line_refusal(run_cli(database, "restore", str(file)))

    assert "every walker needs a prescriptions row with walker_id 1" in line, line
    assert contents(database) == before
