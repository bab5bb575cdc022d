"""`retrowalk init` without questions: options, a profile file, what screening says (red: no
plan and exit 3; yellow: the cautious start), and refusals that leave the database as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.support import (
    ROOT,
    TREADMILL,
    as_json,
    data_dir_fixture,
    days_ago,
    exported,
    invoke,
    onboard,
)

__all__ = ["data_dir_fixture"]


def test_init_with_options_sets_up_the_walker_and_shows_the_first_session(data_dir: Path):
    result = onboard()

    assert result.exit_code == 0, result.output
    assert "First session" in result.stdout
    assert "3 minutes at 0.5 mph, flat, both hands on the rails" in result.stdout
    assert (data_dir / "retrowalk.sqlite3").exists()


def test_init_json_gives_the_walker_and_the_first_dose(data_dir):
    result = onboard("--json")

    shown = as_json(result)
    assert shown["cleared_to_start"] is True
    dose = shown["first_session"]["decision"]["dose"]
    assert dose["minutes"] == 3
    assert dose["speed"] == {"mph": 0.5, "kmh": 0.8}


def test_init_reads_a_scenario_file_as_a_profile(data_dir):
    profile = ROOT / "examples" / "knee_oa_kmh.json"

    result = invoke("init", "--from-file", str(profile), "--start", days_ago(0), "--json")

    shown = as_json(result)
    assert shown["first_session"]["decision"]["dose"]["speed"]["kmh"] == 0.8
    assert "km/h" in invoke("today").stdout


def test_options_win_over_the_profile_file(data_dir, tmp_path):
    profile = json.loads((ROOT / "examples" / "knee_oa_mph.json").read_text(encoding="utf-8"))
    path = tmp_path / "profile.json"
    path.write_text(json.dumps({"walker": profile["walker"], "equipment": profile["equipment"]}))

    result = invoke("init", "--from-file", str(path), "--units", "metric", "--json")

    assert as_json(result)["first_session"]["on"] == days_ago(0)
    assert "km/h" in invoke("today").stdout


def test_a_red_flag_plans_nothing_says_what_to_do_and_exits_3(data_dir):
    result = onboard("--rest-pain", "8")

    assert result.exit_code == 3
    assert "No plan yet" in result.stdout
    assert "8/10" in result.stdout and "doctor or physical therapist" in result.stdout
    assert invoke("today").exit_code == 3


def test_a_yellow_flag_explains_the_cautious_start(data_dir):
    result = onboard("--rest-pain", "5")

    assert result.exit_code == 0, result.output
    assert "Go gently" in result.stdout
    assert "A cautious start" in result.stdout


def test_a_second_walker_is_refused_and_the_first_kept(data_dir):
    onboard()
    before = exported()

    result = invoke("init", "--yes", "--age", "40", "--condition", "general", *TREADMILL)

    assert result.exit_code == 2
    assert "already set up" in result.stderr
    assert exported() == before


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        (["--condition", "knee_oa", *TREADMILL], "--age"),
        (["--age", "200", "--condition", "knee_oa", *TREADMILL], "--age"),
        (["--age", "67", "--condition", "knee_oa", "--equipment", "motorized_treadmill"],
         "--handrails"),
        (["--age", "67", "--condition", "knee_oa", *TREADMILL, "--min-speed", "12"],
         "min_speed_mph (12.0) must be below max_speed_mph"),
        (["--age", "67", "--condition", "knee_oa", *TREADMILL, "--start", "soon"], "--start"),
        (["--age", "67", "--condition", "knee_oa", *TREADMILL, "--surgery", "tkr",
          "--surgery-date", "2999-01-01"], "--surgery-date"),
    ],
)  # fmt: skip
def test_bad_answers_are_refused_by_name_without_a_traceback_or_a_walker(
    data_dir, arguments, named
):
    before = exported()

    result = invoke("init", "--yes", *arguments)

    assert result.exit_code == 2, result.output
    assert named in result.stderr
    assert "Traceback" not in result.output
    assert exported() == before


def test_a_profile_file_with_unknown_fields_is_refused_naming_them(data_dir, tmp_path):
    path = tmp_path / "profile.json"
    path.write_text('{"walker": {"age": 60, "condition": "general"}, "pets": 2}')

    result = invoke("init", "--from-file", str(path))

    assert result.exit_code == 2
    assert "pets" in result.stderr


def test_without_a_terminal_init_asks_for_yes_instead_of_waiting(data_dir):
    result = invoke("init", "--age", "67")

    assert result.exit_code == 2
    assert "--yes" in result.stderr
