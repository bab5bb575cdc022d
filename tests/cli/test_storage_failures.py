"""A full disk, another retrowalk writing, and an export onto a disk that cannot take it are one
`Error:` line and exit status 2, never a traceback; nothing half-written is kept and what was
logged before stays. The failures are real (tests/store/failing.py and RLIMIT_FSIZE)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from retrowalk.store.failures import BUSY, DISK_FULL
from tests.cli.support import (  # noqa: F401 - the fixture, known to pytest by its name
    RETROWALK,
    data_dir_fixture,
    exported,
    invoke,
    onboard,
    retrowalk,
)
from tests.store.failing import no_room_left, write_lock_held

LONG_NOTE = "n" * 4000  # more than any page's free room: the file must grow to take it
# Set a file-size limit, then become `retrowalk`: a write past the limit fails (EFBIG), as on a
# full disk. SIGXFSZ is ignored so that the write fails rather than the process being killed.
LIMITED = """
import os, resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), resource.RLIM_INFINITY))
os.execv(sys.argv[2], sys.argv[2:])
"""
FILE_SIZE_LIMIT = 1024
READING_COMMANDS = ("today", "history", "progress")


def _database(data_dir: Path) -> Path:
    return data_dir / "retrowalk.sqlite3"


def _one_error_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    return lines[0]


def _limited(*arguments: str) -> subprocess.CompletedProcess[str]:
    assert RETROWALK is not None
    command = [sys.executable, "-c", LIMITED, str(FILE_SIZE_LIMIT), RETROWALK, *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def _temporary_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_log_onto_a_full_disk_is_one_line_and_the_logged_session_stays(data_dir: Path):
    onboard()
    assert invoke("log", "--yes").exit_code == 0
    before = exported()

    with no_room_left(_database(data_dir)):
        result = invoke("log", "--yes", "--confirm", "--notes", LONG_NOTE)

    assert result.exit_code == 2
    assert _one_error_line(result.stderr) == f"Error: {DISK_FULL}"
    assert exported() == before


def test_log_while_another_retrowalk_writes_is_one_line_and_reading_goes_on(data_dir: Path):
    onboard()
    before = exported()
    impatient = {"RETROWALK_DATABASE_TIMEOUT": "0.5"}

    with write_lock_held(f"sqlite:///{_database(data_dir)}", walker_id=1):
        logged = retrowalk("log", "--yes", env=impatient)
        reads = [retrowalk(name, "--json", env=impatient) for name in READING_COMMANDS]
        export = retrowalk("export", env=impatient)

    assert logged.returncode == 2
    assert _one_error_line(logged.stderr) == f"Error: {BUSY}"
    assert [(r.returncode, r.stderr) for r in reads] == [(0, "")] * len(READING_COMMANDS)
    assert all(json.loads(r.stdout) is not None for r in reads)
    assert export.returncode == 0 and export.stdout == before, export.stderr
    assert exported() == before


def test_an_export_that_cannot_be_written_leaves_the_old_file_and_no_part(
    data_dir: Path, tmp_path: Path
):
    onboard()
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "retrowalk.json"
    target.write_text("the old export\n")

    with _kept_open(_database(data_dir)):  # its -wal and -shm files stay: no need to grow them
        refused = _limited("export", "--output", str(target))
        done = retrowalk("export", "--output", str(target))

    assert refused.returncode == 2, refused.stderr
    line = _one_error_line(refused.stderr)
    assert "--output" in line and "nothing was changed" in line
    assert done.returncode == 0 and json.loads(target.read_text())["tables"]
    assert _temporary_files(folder) == []


def test_a_backup_that_cannot_be_written_leaves_no_file(data_dir: Path, tmp_path: Path):
    onboard()
    folder = tmp_path / "backups"
    folder.mkdir()
    target = folder / "retrowalk-backup.sqlite3"

    with _kept_open(_database(data_dir)):
        refused = _limited("backup", str(target))

    assert refused.returncode == 2, refused.stderr
    assert "FILE: got" in _one_error_line(refused.stderr)
    assert list(folder.iterdir()) == []
    assert retrowalk("backup", str(target)).returncode == 0 and target.exists()


def _kept_open(database: Path) -> closing[sqlite3.Connection]:
    """Another retrowalk with the database open (the web app, say)."""
    connection = sqlite3.connect(database)
    connection.execute("SELECT count(*) FROM walkers").fetchone()
    return closing(connection)
