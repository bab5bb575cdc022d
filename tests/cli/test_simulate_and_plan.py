"""`retrowalk simulate` and `retrowalk plan` through Typer's runner: the contract, exit statuses
and messages that name the field, the value and what is allowed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from retrowalk.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "knee_oa_mph.json"
SESSION_KEYS = {
    "index", "date", "missed", "minutes", "sets", "speed_mph", "speed_kmh", "incline_percent",
    "hand_support", "decision", "changed", "reasons", "energy_kcal", "met",
}  # fmt: skip
runner = CliRunner()


def _scenario(**changes: Any) -> dict[str, Any]:
    scenario: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for dotted, value in changes.items():
        target = scenario
        *path, last = dotted.split("__")
        for key in path:
            target = target[key]
        target[last] = value
    return scenario


def _run(tmp_path: Path, scenario: dict[str, Any] | str, command: str = "simulate"):
    path = tmp_path / "scenario.json"
    text = scenario if isinstance(scenario, str) else json.dumps(scenario)
    path.write_text(text, encoding="utf-8")
    return runner.invoke(app, [command, str(path)])


def test_simulate_prints_every_session_with_the_contract_fields():
    result = runner.invoke(app, ["simulate", str(EXAMPLE)])

    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    weeks = json.loads(EXAMPLE.read_text(encoding="utf-8"))["weeks"]
    assert len(plan["sessions"]) == weeks * 3
    assert set(plan["sessions"][0]) >= SESSION_KEYS
    assert plan["sessions"][0]["decision"] == "start"
    assert plan["flags"] == []


def test_simulate_gives_speeds_in_both_units():
    first = json.loads(runner.invoke(app, ["simulate", str(EXAMPLE)]).stdout)["sessions"][0]

    assert (first["speed_mph"], first["speed_kmh"]) == (0.5, 0.8)


def test_missed_sessions_are_listed_and_marked(tmp_path):
    outcomes = [{"done": True}, {"done": False}]

    result = _run(tmp_path, _scenario(outcomes=outcomes))

    sessions = json.loads(result.stdout)["sessions"]
    assert [s["missed"] for s in sessions[:3]] == [False, True, False]


def test_a_red_flag_exits_3_with_no_sessions_and_the_reason_on_standard_error(tmp_path):
    result = _run(tmp_path, _scenario(walker__rest_pain=8))

    assert result.exit_code == 3
    plan = json.loads(result.stdout)
    assert plan["sessions"] == []
    assert plan["flags"][0]["level"] == "red"
    assert "clinician" in result.stderr


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"walker__age": "old"}, ["walker.age", "'old'", "valid integer"]),
        ({"walker__condition": "bad_knee"}, ["walker.condition", "'bad_knee'", "knee_oa"]),
        ({"equipment__min_speed_mph": -1}, ["min_speed_mph", "-1", "greater than 0"]),
        ({"equipment__min_speed_mph": 12}, ["min_speed_mph", "12", "below max_speed_mph"]),
        ({"equipment__max_incline_percent": 99}, ["max_incline_percent", "99", "less than"]),
        ({"equipment__kind": "rowing"}, ["equipment", "rowing", "motorized_treadmill"]),
        ({"walker__rest_pain": 11}, ["walker.rest_pain", "11", "less than or equal to 10"]),
        ({"weeks": 0}, ["weeks", "0", "greater than or equal to 1"]),
        ({"outcomes": "most_days"}, ["outcomes", "most_days", "as_prescribed"]),
        ({"outcomes": [{"pain_during": 12}]}, ["outcomes[0].pain_during", "12", "10"]),
        ({"walker__shoe": "left"}, ["walker.shoe", "left", "unknown"]),
        ({"start": "2027-02-30"}, ["start", "2027-02-30", "valid date"]),
        ({"walker__cleared_by_clinician": "yes"}, ["cleared_by_clinician", "yes", "boolean"]),
    ],
)
def test_a_bad_scenario_exits_2_naming_the_field_the_value_and_what_is_allowed(
    tmp_path, changes, named
):
    result = _run(tmp_path, _scenario(**changes))

    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    message = result.stderr
    assert "Traceback" not in message
    for part in named:
        assert part in message, message


def test_a_missing_field_is_named(tmp_path):
    scenario = _scenario()
    del scenario["walker"]["condition"]

    result = _run(tmp_path, scenario)

    assert result.exit_code == 2
    assert "walker.condition: missing" in result.stderr


def test_more_outcomes_than_sessions_is_refused(tmp_path):
    result = _run(tmp_path, _scenario(weeks=1, outcomes=[{}] * 5))

    assert result.exit_code == 2
    assert "the plan has 3 sessions" in result.stderr


def test_malformed_json_exits_2_and_says_so(tmp_path):
    result = _run(tmp_path, '{"walker": {')

    assert result.exit_code == 2
    assert "not valid JSON" in result.stderr


def test_a_missing_file_exits_2_naming_the_path(tmp_path):
    result = runner.invoke(app, ["simulate", str(tmp_path / "nowhere.json")])

    assert result.exit_code == 2
    assert "nowhere.json" in result.stderr and "no such file" in result.stderr


def test_the_same_scenario_always_prints_the_same_plan():
    first = runner.invoke(app, ["simulate", str(EXAMPLE)]).stdout
    second = runner.invoke(app, ["simulate", str(EXAMPLE)]).stdout

    assert first == second


def test_plan_shows_the_same_sessions_as_a_table(tmp_path):
    result = runner.invoke(app, ["plan", str(EXAMPLE)])

    assert result.exit_code == 0, result.output
    assert "2027-01-04" in result.stdout
    assert "progress: minutes" in result.stdout
    assert "48 sessions (0 missed)" in result.stdout


def test_plan_with_a_red_flag_shows_the_flag_and_exits_3(tmp_path):
    result = _run(tmp_path, _scenario(equipment__safety_clip=False), command="plan")

    assert result.exit_code == 3
    assert "Red flag" in result.stdout and "clip" in result.stdout
    assert "no_safety_clip" not in result.stdout  # a code, not words


def test_an_outcome_date_moves_that_session(tmp_path):
    outcomes = [{}, {"date": "2027-01-07"}]

    result = _run(tmp_path, _scenario(outcomes=outcomes))

    assert result.exit_code == 0, result.output
    dates = [s["date"] for s in json.loads(result.stdout)["sessions"][:3]]
    assert dates == ["2027-01-04", "2027-01-07", "2027-01-08"]


def test_a_moved_session_must_keep_its_place_in_the_order(tmp_path):
    result = _run(tmp_path, _scenario(outcomes=[{}, {"date": "2027-01-03"}]))

    assert result.exit_code == 2
    assert "outcomes[1].date" in result.stderr and "2027-01-03" in result.stderr


def test_a_scenario_can_keep_a_hand_on_the_rail_for_good(tmp_path: Path) -> None:
    """walker.limits.hands_free_allowed = false: a long run of steady sessions never lets go."""
    steady = {
        "done": True, "pain_during": 1, "pain_after": 1, "pain_next_morning": 1, "rpe": 3,
        "stable_without_hands": True,
    }  # fmt: skip
    free = _scenario(weeks=40, outcomes=[steady] * 100)
    kept = _scenario(
        weeks=40, outcomes=[steady] * 100, walker__limits={"hands_free_allowed": False}
    )

    hands = [
        {s["hand_support"] for s in json.loads(_run(tmp_path, case).stdout)["sessions"]}
        for case in (free, kept)
    ]

    assert "none" in hands[0]
    assert hands[1] == {"both", "one"}
