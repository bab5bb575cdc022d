"""`retrowalk go` through Typer's runner, without a terminal: a scripted session, and the
mistakes it refuses before anyone walks."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from retrowalk.cli.go import register

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ANSWERS = '{"pain_during": 1, "sharp_pain": false, "rpe": 4, "stable_without_hands": true}'


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """A bare app with only `go`, as cli/app.py registers it."""

    register(app)
    return app


def _go(tmp_path: Path, *extra: str, scenario: str = "knee_oa_mph.json"):
    answers = tmp_path / "answers.json"
    answers.write_text(ANSWERS, encoding="utf-8")
    arguments = ["go", "--scenario", str(EXAMPLES / scenario), "--no-voice", "--json", *extra]
    return CliRunner().invoke(_app(), [*arguments, "--check-in-from", str(answers)])


def test_a_scripted_session_walks_the_whole_dose_and_prints_it_as_json(tmp_path: Path):
    result = _go(tmp_path, "--auto-confirm", "--time-scale", "1000")

    assert result.exit_code == 0, result.output
    session = json.loads(result.stdout)
    assert session["completed"] is True and session["minutes_walked"] == 3
    assert session["check_in"]["stable_without_hands"] is True
    assert session["next"].startswith("Next session, 2027-01-06:")


def test_without_a_keyboard_the_session_refuses_to_wait_for_an_enter_that_cannot_come(
    tmp_path: Path,
):
    result = _go(tmp_path, "--time-scale", "1000")

    assert result.exit_code == 2
    assert "--auto-confirm" in result.output


def test_a_speech_rate_out_of_range_is_refused_with_the_option_named(tmp_path: Path):
    result = _go(tmp_path, "--auto-confirm", "--rate", "20")

    assert result.exit_code == 2
    assert "rate: got 20" in result.output


def test_a_red_flag_plan_is_not_walked_and_exits_with_the_safety_status(tmp_path: Path):
    result = _go(tmp_path, "--auto-confirm", scenario="red_flag_no_safety_clip.json")

    assert result.exit_code == 3
    assert "no plan to walk" in result.output


def test_without_json_the_walk_ends_with_a_summary_for_people(tmp_path: Path):
    answers = tmp_path / "answers.json"
    answers.write_text(ANSWERS, encoding="utf-8")
    scenario = str(EXAMPLES / "knee_oa_mph.json")
    arguments = ["go", "--scenario", scenario, "--no-voice", "--check-in-from", str(answers)]

    result = CliRunner().invoke(_app(), [*arguments, "--auto-confirm", "--time-scale", "1000"])

    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "Walked 3 minutes of 3 minutes, in full."
    assert lines[1].startswith("Pain during the walk: ") and "Effort: " in lines[1]
    assert lines[2].startswith("Next session, 2027-01-06:")
    assert "{" not in result.stdout
