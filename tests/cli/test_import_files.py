"""`retrowalk import FILE.fit` and `FILE.csv`: a preview, then the sessions logged once the
walker confirms (--yes), nothing stored otherwise; `FILE.json` still loads an export."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from tests.cli.support import as_json, data_dir_fixture, days_ago, exported, invoke, onboard
from tests.formats.fit_files import WalkFile, fit_bytes

__all__ = ["data_dir_fixture"]


def _walk_today(folder: Path, **changes: Any) -> Path:
    """A ten-minute treadmill walk early this morning, as a watch writes it."""
    start = datetime.now().astimezone().replace(hour=0, minute=5, second=0, microsecond=0)
    path = folder / "walk.fit"
    path.write_bytes(fit_bytes(WalkFile(**({"start": start} | changes))))
    return path


def _history() -> list[dict[str, Any]]:
    sessions: list[dict[str, Any]] = as_json(invoke("history", "--json"))
    return sessions


def test_a_fit_walk_is_previewed_and_logged_with_yes(data_dir: Path, tmp_path: Path) -> None:
    onboard()
    walk = _walk_today(tmp_path)

    result = invoke("import", str(walk), "--yes", "--pain-during", "1", "--rpe", "4")

    assert result.exit_code == 0, result.output
    assert "Sessions to log" in result.stdout and "10 min, 1.45 mph, 1.5 %" in result.stdout
    assert "Imported 1 session from walk.fit." in result.stdout
    [logged] = _history()
    entry = logged["entry"]
    assert (entry["minutes_done"], entry["pain_during"], entry["rpe"]) == (10.0, 1, 4)
    assert entry["pain_after"] is None and entry["source"] == "import"


def test_without_a_terminal_or_yes_nothing_is_stored(data_dir: Path, tmp_path: Path) -> None:
    onboard()
    walk = _walk_today(tmp_path, sport="running", sub_sport="generic")
    before = exported()

    result = invoke("import", str(walk))

    assert result.exit_code == 2
    assert "Sessions to log" in result.stdout
    assert "The file does not say it was on a treadmill (running)" in result.stdout
    assert "Nothing stored" in result.stderr and "add --yes" in result.stderr
    assert exported() == before


def test_the_same_fit_file_is_refused_the_second_time(data_dir: Path, tmp_path: Path) -> None:
    onboard()
    walk = _walk_today(tmp_path)
    assert invoke("import", str(walk), "--yes").exit_code == 0
    before = exported()

    again = invoke("import", str(walk), "--yes")

    assert again.exit_code == 2
    assert again.stderr.startswith("Error: FILE: ") and "this file was imported on" in again.stderr
    assert exported() == before


def test_a_damaged_fit_file_is_one_line_and_stores_nothing(data_dir: Path, tmp_path: Path) -> None:
    onboard()
    walk = _walk_today(tmp_path)
    walk.write_bytes(walk.read_bytes()[:-40])
    before = exported()

    result = invoke("import", str(walk), "--yes")

    assert result.exit_code == 2
    assert result.stderr == (
        "Error: FILE: got '(the bytes)'; the FIT file is damaged or cut short; "
        "export it again from the watch's app\n"
    )
    assert exported() == before


def test_a_wrong_answer_is_named_by_its_option(data_dir: Path, tmp_path: Path) -> None:
    onboard()

    result = invoke("import", str(_walk_today(tmp_path)), "--yes", "--pain-during", "11")

    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --pain-during: got 11;")


def test_csv_rows_are_logged_and_refused_rows_left_out_with_yes(
    data_dir: Path, tmp_path: Path
) -> None:
    onboard(start=days_ago(0))
    sheet = tmp_path / "sessions.csv"
    today = days_ago(0)
    sheet.write_text(f"date,done,pain_during\n{today},true,1\n{today},yes,12\n", encoding="utf-8")

    result = invoke("import", str(sheet), "--yes")

    assert result.exit_code == 0, result.output
    assert "Rows that will not be logged" in result.stdout
    assert "pain_during" in result.stdout and "give a whole number from 0 to 10" in result.stdout
    assert "Imported 1 session from sessions.csv." in result.stdout
    [logged] = _history()
    assert logged["entry"]["pain_during"] == 1 and logged["entry"]["source"] == "import"


def test_a_csv_without_yes_and_without_a_terminal_stores_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    onboard()
    sheet = tmp_path / "sessions.csv"
    sheet.write_text(f"date,done\n{days_ago(0)},true\n", encoding="utf-8")
    before = exported()

    result = invoke("import", str(sheet))

    assert result.exit_code == 2 and "Nothing stored" in result.stderr
    assert exported() == before


def test_another_suffix_or_an_answer_with_a_csv_is_refused(data_dir: Path, tmp_path: Path) -> None:
    onboard()
    other = tmp_path / "walk.gpx"
    other.write_text("<gpx/>", encoding="utf-8")
    sheet = tmp_path / "s.csv"
    sheet.write_text("date,done\n", encoding="utf-8")

    wrong_kind = invoke("import", str(other))
    with_answer = invoke("import", str(sheet), "--rpe", "3")

    assert wrong_kind.exit_code == 2
    assert wrong_kind.stderr == (
        "Error: FILE: got 'walk.gpx'; give a .json export, a .fit activity or a .csv of sessions\n"
    )
    assert with_answer.stderr == "Error: --rpe: got 3; give it only with a .fit file\n"
