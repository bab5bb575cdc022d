"""`retrowalk calendar`: the walks ahead as an .ics file on standard output or, with -o, written
whole; weeks from 1 to 26, anything else refused in one line naming --weeks; the same UIDs from
one run to the next."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from tests.cli.support import (
    ALL_WELL,
    data_dir_fixture,
    days_ago,
    exported,
    invoke,
    onboard,
)

__all__ = ["data_dir_fixture"]


def _events(document: bytes) -> list[Event]:
    return Calendar.from_ical(document).events


def test_the_calendar_goes_to_standard_output_and_round_trips(data_dir: Path) -> None:
    onboard()

    result = invoke("calendar", "--weeks", "2")

    assert result.exit_code == 0, result.output
    document = result.stdout_bytes
    assert document.startswith(b"BEGIN:VCALENDAR\r\n")
    assert Calendar.from_ical(document).to_ical() == document
    events = _events(document)
    assert len(events) == 6  # three a week
    today = date.today()
    assert all(today <= e.start < today + timedelta(weeks=2) for e in events)
    assert events[0].summary == "Backward walk: 3 min at 0.5 mph, flat, both hands on the rails"


def test_four_weeks_by_default(data_dir: Path) -> None:
    onboard()

    assert len(_events(invoke("calendar").stdout_bytes)) == 12


def test_two_runs_give_the_same_uids_and_a_log_keeps_them_with_a_higher_sequence(
    data_dir: Path,
) -> None:
    onboard()
    first = _events(invoke("calendar").stdout_bytes)
    again = _events(invoke("calendar").stdout_bytes)
    logged = invoke("log", "--yes", "--date", days_ago(0), "--pain-during", "0", *ALL_WELL)
    assert logged.exit_code == 0, logged.output

    after = _events(invoke("calendar").stdout_bytes)

    assert [e.uid for e in again] == [e.uid for e in first]
    assert [e.sequence for e in again] == [e.sequence for e in first]
    kept = {e.uid for e in first} & {e.uid for e in after}
    assert len(kept) == len(first) - 1  # the walked session left; the rest kept their UIDs
    assert min(e.sequence for e in after) > max(e.sequence for e in first)


def test_the_units_setting_words_the_doses(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    onboard()
    monkeypatch.setenv("RETROWALK_UNITS", "metric")
    from retrowalk.settings import get_settings

    get_settings.cache_clear()

    summary = _events(invoke("calendar", "--weeks", "1").stdout_bytes)[0].summary

    assert "0.8 km/h" in summary


@pytest.mark.parametrize("weeks", ["0", "27", "-3"])
def test_weeks_outside_1_to_26_are_refused_naming_the_option(data_dir: Path, weeks: str) -> None:
    onboard()
    before = exported()

    result = invoke("calendar", "--weeks", weeks)

    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"--weeks: got {weeks}; give a whole number of weeks from 1 to 26" in result.stderr
    assert "Traceback" not in result.output
    assert exported() == before


@pytest.mark.parametrize(("weeks", "walks"), [("1", 3), ("26", 78)])
def test_1_and_26_weeks_are_allowed(data_dir: Path, weeks: str, walks: int) -> None:
    onboard()

    result = invoke("calendar", "--weeks", weeks)

    assert result.exit_code == 0, result.output
    assert len(_events(result.stdout_bytes)) == walks


def test_output_writes_the_file_whole(data_dir: Path, tmp_path: Path) -> None:
    onboard()
    target = tmp_path / "plan.ics"
    target.write_text("an old file")

    result = invoke("calendar", "--weeks", "2", "-o", str(target))

    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote 6 walks over 2 weeks to {target}.\n"
    assert target.read_bytes() == invoke("calendar", "--weeks", "2").stdout_bytes
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_an_output_that_cannot_be_written_is_said_in_one_line(
    data_dir: Path, tmp_path: Path
) -> None:
    onboard()
    target = tmp_path / "no such folder" / "plan.ics"

    result = invoke("calendar", "-o", str(target))

    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --output:") and "cannot be written" in result.stderr
    assert not target.exists()


def test_without_a_walker_it_says_how_to_start(data_dir: Path) -> None:
    result = invoke("calendar")

    assert result.exit_code == 2
    assert "retrowalk init" in result.stderr and result.stdout == ""


def test_a_red_flag_exits_3_with_no_calendar(data_dir: Path) -> None:
    onboard("--locking")

    result = invoke("calendar")

    assert result.exit_code == 3
    assert result.stdout == "" and "No plan" in result.stderr
