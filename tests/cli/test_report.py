"""`retrowalk report`: a PDF for the therapist written whole, its one-line summary, and refusals
that name the option, exit 2 and leave no file behind."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from retrowalk.services.answer_words import day_words
from tests.cli.support import ALL_WELL, data_dir_fixture, days_ago, invoke, onboard

__all__ = ["data_dir_fixture"]


def _three_walks() -> None:
    onboard(start=days_ago(6))
    for days in (6, 4, 2):
        given = ("--pain-during", "1", "--rpe", "4", "--notes", "Steady on the belt.", *ALL_WELL)
        result = invoke("log", "--yes", "--date", days_ago(days), *given)
        assert result.exit_code == 0, result.output


def test_the_report_is_written_as_a_pdf_with_a_one_line_summary(
    data_dir: Path, tmp_path: Path
) -> None:
    _three_walks()
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "report.pdf"

    result = invoke("report", "--output", str(target))

    assert result.exit_code == 0, result.output
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True)
    pages = int(re.findall(r"^Pages:\s+(\d+)$", info.stdout, re.MULTILINE)[0])
    first, today = day_words(date.fromisoformat(days_ago(6))), day_words(date.today())
    summary = f"{pages} page{'s' if pages > 1 else ''}, 3 sessions from {first} to {today}"
    assert result.stdout == f"Wrote {target}: {summary}\n"
    assert pages in (1, 2) and "(letter)" in info.stdout  # an mph walker's default paper
    assert [p.name for p in target.parent.iterdir()] == ["report.pdf"]  # no temporary file


def test_without_output_the_file_is_named_for_the_day(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _three_walks()
    monkeypatch.chdir(tmp_path)

    result = invoke("report", "--from", days_ago(4), "--paper", "a4")

    name = f"retrowalk-report-{date.today().isoformat()}.pdf"
    assert result.exit_code == 0, result.output
    assert re.match(rf"Wrote {name}: \d pages?, 2 sessions from ", result.stdout)
    assert (tmp_path / name).is_file()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--from", "2027-02-30"), "--from: got '2027-02-30'; it should be a valid date"),
        (("--to", "yesterday"), "--to: got 'yesterday'; give a date as YYYY-MM-DD"),
        (
            ("--from", "2027-02-01", "--to", "2027-01-01"),
            "--from: got '2027-02-01'; must not be after --to (2027-01-01)",
        ),
        (("--paper", "a3"), "--paper: got 'a3'; give one of a4, letter"),
        (
            ("--output", "{missing}/report.pdf"),
            "--output: got '{missing}/report.pdf'; it cannot be written (No such file",
        ),
        (("--output", "{folder}"), "--output: got '{folder}'; it cannot be written"),
    ],
)
def test_a_report_that_cannot_be_made_is_refused_by_name_and_writes_nothing(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    arguments: tuple[str, ...],
    message: str,
) -> None:
    _three_walks()
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    places = {"missing": "missing", "folder": "out"}
    given = [a.format(**places) for a in arguments]
    if "--output" not in given:
        given += ["--output", "out/report.pdf"]

    result = invoke("report", *given)

    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: " + message.format(**places))
    assert result.stderr.count("\n") == 1
    assert list(folder.iterdir()) == []
    assert not (tmp_path / "missing").exists()
