"""`retrowalk export --format fit|tcx SESSION_ID`: one walked session as an activity file, to
a file (written whole) or to a pipe; a FIT file is never printed on a terminal. A wrong or
missing id, a missed session, or an id given to json or csv: one line, exit status 2."""

from __future__ import annotations

import os
from pathlib import Path

import pexpect

from tests.cli.support import (
    ALL_WELL,
    RETROWALK,
    as_json,
    data_dir_fixture,
    days_ago,
    exported,
    invoke,
    onboard,
)
from tests.formats.activities import garmin_messages
from tests.formats.tcx_schema import NAMES, valid_tcx

__all__ = ["data_dir_fixture"]


def _walked(days: int = 1) -> int:
    """A session walked `days` ago as prescribed (3 minutes at 0.5 mph), logged by hand."""
    logged = as_json(
        invoke("log", "--yes", "--date", days_ago(days), "--pain-during", "1", *ALL_WELL, "--json")
    )
    session_id: int = logged["session"]["id"]
    return session_id


def _refused(*arguments: str) -> str:
    result = invoke("export", *arguments)
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_walked_session_exports_to_a_fit_file(data_dir: Path, tmp_path: Path) -> None:
    onboard(start=days_ago(1))
    session_id = _walked()
    target = tmp_path / "walk.fit"

    result = invoke("export", "--format", "fit", str(session_id), "-o", str(target))

    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote the session of {days_ago(1)} to {target}.\n"
    [session] = garmin_messages(target.read_bytes())["session_mesgs"]
    assert (session["sport"], session["sub_sport"]) == ("walking", "treadmill")
    assert session["total_timer_time"] == 180 and session["total_distance"] == 40.2
    assert session["total_calories"] == 7
    assert session["start_time"].isoformat() == f"{days_ago(1)}T12:00:00+00:00"


def test_a_fit_file_goes_to_a_pipe_but_never_to_a_terminal(data_dir: Path) -> None:
    onboard(start=days_ago(1))
    session_id = _walked()

    piped = invoke("export", "--format", "fit", str(session_id))
    assert RETROWALK is not None
    terminal = pexpect.spawn(
        RETROWALK, ["export", "--format", "fit", str(session_id)], env=dict(os.environ)
    )
    terminal.expect(pexpect.EOF)
    terminal.close()

    assert piped.exit_code == 0
    assert len(garmin_messages(piped.stdout_bytes)["lap_mesgs"]) == 1
    assert terminal.exitstatus == 2
    assert b"a FIT file is binary" in terminal.before and b"-o" in terminal.before


def test_a_walked_session_exports_as_valid_tcx_to_the_screen_or_a_file(
    data_dir: Path, tmp_path: Path
) -> None:
    onboard(start=days_ago(1))
    session_id = _walked()
    target = tmp_path / "walk.tcx"

    shown = invoke("export", "--format", "tcx", str(session_id))
    written = invoke("export", "--format", "tcx", str(session_id), "--output", str(target))

    assert shown.exit_code == 0 and written.exit_code == 0, written.output
    assert target.read_text(encoding="utf-8") == shown.stdout
    document = valid_tcx(shown.stdout)
    [lap] = document.findall("t:Activities/t:Activity/t:Lap", NAMES)
    assert lap.findtext("t:TotalTimeSeconds", namespaces=NAMES) == "180"
    assert lap.findtext("t:Calories", namespaces=NAMES) == "7"


def test_refusals_are_one_line_and_exit_status_2(data_dir: Path) -> None:
    onboard(start=days_ago(2))
    walked = _walked(2)
    missed = as_json(invoke("log", "--yes", "--missed", "--date", days_ago(1), "--json"))
    before = exported()

    assert _refused("--format", "fit", "999") == (
        "Error: SESSION_ID: got 999; you have no logged session with this id"
    )
    assert "was not walked" in _refused("--format", "tcx", str(missed["session"]["id"]))
    assert _refused("--format", "fit") == (
        "Error: SESSION_ID: missing; --format fit exports one walked session: give its id "
        "(the id column of `retrowalk history`)"
    )
    assert _refused("--format", "json", str(walked)).startswith(
        f"Error: SESSION_ID: got {walked}; --format json exports every session"
    )
    assert "--format csv exports every session" in _refused("--format", "csv", str(walked))
    assert exported() == before  # nothing changed


def test_a_file_that_cannot_be_written_is_refused(data_dir: Path, tmp_path: Path) -> None:
    onboard(start=days_ago(1))
    session_id = _walked()
    target = tmp_path / "no such folder" / "walk.fit"

    line = _refused("--format", "fit", str(session_id), "-o", str(target))

    assert line.startswith("Error: --output: got '/")
    assert line.endswith("; it cannot be written (No such file or directory); nothing was changed")
    assert not target.parent.exists()
