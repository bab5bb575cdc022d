"""`retrowalk log` with options, and changing the record afterwards: the next-morning pain,
edit, delete and undo. Each shows the next decision; each refusal leaves the database as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli.support import (
    ALL_WELL,
    ROOT,
    as_json,
    data_dir_fixture,
    days_ago,
    exported,
    invoke,
    onboard,
)

__all__ = ["data_dir_fixture"]


def _history() -> list[dict[str, Any]]:
    sessions: list[dict[str, Any]] = as_json(invoke("history", "--json"))
    return sessions


def test_log_with_yes_takes_the_prescription_and_shows_the_next_decision(data_dir: Path):
    onboard()

    result = invoke("log", "--yes", "--pain-during", "2", "--rpe", "5")

    assert result.exit_code == 0, result.output
    assert "Logged session 1" in result.stdout
    assert "Next session, " in result.stdout and "Same dose" in result.stdout
    [logged] = _history()
    entry = logged["entry"]
    assert entry["minutes_done"] is None and entry["pain_during"] == 2 and entry["rpe"] == 5


def test_answers_left_out_with_yes_are_unknown_and_never_count_as_good(data_dir: Path):
    """Sharp pain, form and the knee symptoms not given are stored as unknown, shown so, and the
    sessions they belong to hold the dose however well the rest went; given, the dose moves."""
    onboard(start=days_ago(8))
    for days in (8, 6, 4):
        good = ("--pain-during", "0", "--rpe", "4", "--pain-next-morning", "0")
        result = invoke("log", "--yes", "--date", days_ago(days), *good)
        assert result.exit_code == 0, result.output

    sessions = _history()

    assert {s["entry"]["sharp_pain"] for s in sessions} == {None}
    assert {s["entry"]["form_ok"] for s in sessions} == {None}
    assert {s["entry"]["swelling"] for s in sessions} == {None}
    said = " ".join(result.stdout.split())  # as read, whatever the terminal's width
    assert "form, sharp pain, swelling, locking and giving way were not reported" in said
    assert all(s["prescribed"]["dose"] == sessions[0]["prescribed"]["dose"] for s in sessions)
    answered = invoke("log", "--yes", "--date", days_ago(2), *good, *ALL_WELL)
    assert "were not reported" not in answered.stdout


def test_log_json_gives_the_log_and_the_next_session(data_dir):
    onboard(start=days_ago(3))

    shown = as_json(invoke("log", "--yes", "--date", days_ago(3), "--minutes", "2", "--json"))

    assert shown["session"]["entry"]["minutes_done"] == 2 and shown["session"]["on"] == days_ago(3)
    assert shown["next"]["decision"]["kind"] == "hold"
    assert shown["next"]["on"] == days_ago(1)


def test_a_speed_is_read_in_the_walkers_units(data_dir):
    invoke("init", "--from-file", str(ROOT / "examples" / "knee_oa_kmh.json"), "--start",
           days_ago(0))  # fmt: skip

    shown = as_json(invoke("log", "--yes", "--speed", "0.8", "--json"))

    assert shown["session"]["entry"]["speed_done"] == {"mph": 0.5, "kmh": 0.8}


def test_the_next_morning_pain_goes_on_the_last_session(data_dir):
    onboard(start=days_ago(1))
    invoke("log", "--yes", "--date", days_ago(1))

    result = invoke("log", "morning", "1")

    assert result.exit_code == 0, result.output
    assert "next morning 1/10" in result.stdout
    assert _history()[0]["entry"]["pain_next_morning"] == 1


def test_edit_changes_only_what_is_given(data_dir):
    onboard()
    invoke("log", "--yes", "--rpe", "5", "--notes", "fine")

    result = invoke("log", "edit", "1", "--pain-during", "4")

    assert result.exit_code == 0, result.output
    [logged] = _history()
    entry = logged["entry"]
    assert (entry["pain_during"], entry["rpe"], entry["notes"]) == (4, 5, "fine")


def test_delete_then_undo_brings_the_session_back(data_dir):
    onboard()
    invoke("log", "--yes")
    before = exported()

    deleted = invoke("log", "delete", "1", "--yes")
    gone = _history()
    undone = invoke("log", "undo")

    assert deleted.exit_code == 0 and "Deleted session 1" in deleted.stdout
    assert gone == []
    assert undone.exit_code == 0 and "Undid the last change" in undone.stdout
    assert [s["id"] for s in _history()] == [1]
    assert exported() != before  # the delete and its undo stay on the record


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        (["log", "--yes", "--pain-during", "11"], "--pain-during"),
        (["log", "--yes", "--date", "2999-01-01"], "--date"),
        (["log", "--yes", "--date", "yesterday-ish"], "--date"),
        (["log", "--yes", "--hands", "three"], "--hands"),
        (["log", "--yes", "--minutes", "-1"], "--minutes"),
        (["log", "--pain-during", "2"], "--yes"),
        (["log", "edit", "1"], "at least one change"),
        (["log", "edit", "99", "--rpe", "3"], "no logged session"),
        (["log", "delete", "1"], "--yes"),
        (["log", "morning", "12"], "PAIN"),
        (["log", "--rpe", "3", "undo"], "after `log undo`"),
    ],
)
def test_bad_input_is_refused_by_name_and_changes_nothing(data_dir, arguments, named):
    onboard(start=days_ago(1))
    invoke("log", "--yes", "--date", days_ago(1))
    before = exported()

    result = invoke(*arguments)

    assert result.exit_code == 2, result.output
    assert named in result.output
    assert "Traceback" not in result.output
    assert exported() == before


def test_a_walker_with_a_red_flag_cannot_log_and_gets_exit_status_3(data_dir):
    onboard("--swelling")
    before = exported()

    result = invoke("log", "--yes")

    assert result.exit_code == 3
    assert "No plan" in result.stderr
    assert exported() == before


def test_log_before_init_says_to_run_init(data_dir):
    result = invoke("log", "--yes")

    assert result.exit_code == 2
    assert "retrowalk init" in result.stderr


def test_every_answer_has_an_option_and_an_edit_changes_a_knee_symptom(data_dir):
    onboard()

    shown = as_json(invoke("log", "--yes", "--poor-form", "--locking", "--no-swelling", "--json"))
    entry = shown["session"]["entry"]
    edited = as_json(invoke("log", "edit", "1", "--no-locking", "--giving-way", "--json"))

    assert (entry["form_ok"], entry["locking"], entry["swelling"]) == (False, True, False)
    assert "locking" in " ".join(shown["next"]["decision"]["reasons"]).lower()
    assert (edited["session"]["entry"]["locking"], edited["session"]["entry"]["giving_way"]) == (
        False,
        True,
    )


def test_missed_logs_a_session_not_walked(data_dir):
    onboard()

    shown = as_json(invoke("log", "--yes", "--missed", "--json"))

    assert shown["session"]["entry"]["done"] is False
