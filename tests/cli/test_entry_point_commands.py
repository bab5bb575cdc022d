"""The installed `retrowalk` in real processes: a walker's day from set-up to history, shell
completion, `go` refusing a day without a walk, and mistakes that never show a traceback."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.cli.support import ROOT, TREADMILL, data_dir_fixture, exported, retrowalk

__all__ = ["data_dir_fixture"]
SET_UP = ["init", "--yes", "--age", "67", "--condition", "knee_oa", "--weight-kg", "72", *TREADMILL]


def test_a_day_from_set_up_to_history_in_real_processes(data_dir: Path):
    set_up = retrowalk(*SET_UP)
    today = retrowalk("today")
    logged = retrowalk("log", "--yes", "--pain-during", "1", "--json")
    history = retrowalk("history", "--json")

    assert set_up.returncode == 0, set_up.stderr
    assert today.returncode == 0 and "3 minutes at 0.5 mph" in today.stdout
    assert "\x1b[" not in today.stdout  # piped: no colour
    assert json.loads(logged.stdout)["next"]["decision"]["kind"] == "hold"
    assert [s["entry"]["pain_during"] for s in json.loads(history.stdout)] == [1]


def test_help_lists_the_walkers_commands():
    result = retrowalk("--help")

    assert result.returncode == 0
    for command in ("init", "today", "go", "log", "history", "progress", "plan", "config"):
        assert f" {command} " in result.stdout, command


def test_shell_completion_completes_commands_and_options():
    env = {"_RETROWALK_COMPLETE": "complete_bash", "COMP_CWORD": "2"}

    script = retrowalk("--show-completion", "bash")
    commands = retrowalk(env={**env, "COMP_WORDS": "retrowalk hist", "COMP_CWORD": "1"})
    options = retrowalk(env={**env, "COMP_WORDS": "retrowalk log --pain-d"})

    assert "complete -o default -F _retrowalk_completion retrowalk" in script.stdout
    assert commands.stdout.split() == ["history"]
    assert options.stdout.split() == ["--pain-during"]


def test_go_on_a_rest_day_says_when_the_next_session_is(data_dir, tmp_path):
    retrowalk(*SET_UP, "--start", "2099-01-04")
    answers = tmp_path / "answers.json"
    answers.write_text('{"pain_during": 0, "sharp_pain": false, "rpe": 4}')

    result = retrowalk("go", "--auto-confirm", "--check-in-from", str(answers), "--no-voice")

    assert result.returncode == 2, result.stderr
    assert "today is a rest day; the next session is on 2099-01-04" in result.stderr


def test_go_refuses_equipment_the_live_coach_cannot_coach_yet(data_dir, tmp_path):
    retrowalk("init", "--from-file", str(ROOT / "examples" / "sled_mph.json"), "--start",
              date.today().isoformat())  # fmt: skip
    answers = tmp_path / "answers.json"
    answers.write_text('{"pain_during": 0, "sharp_pain": false, "rpe": 4}')

    result = retrowalk("go", "--auto-confirm", "--check-in-from", str(answers), "--no-voice")

    assert result.returncode == 2
    assert "equipment.kind: got 'sled'; the live coach runs on a treadmill" in result.stderr


def test_go_for_a_walker_screening_stopped_exits_3(data_dir, tmp_path):
    retrowalk(*SET_UP, "--rest-pain", "9")
    answers = tmp_path / "answers.json"
    answers.write_text('{"pain_during": 0, "sharp_pain": false, "rpe": 4}')

    result = retrowalk("go", "--auto-confirm", "--check-in-from", str(answers), "--no-voice")

    assert result.returncode == 3
    assert "9/10" in result.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ["log", "--yes", "--pain-during", "11"],
        ["log", "--yes", "--hands", "both-feet"],
        ["log", "edit", "7", "--rpe", "2"],
        ["history", "--since", "last-week"],
        ["init", "--yes", "--age", "eighty"],
        ["config", "set", "database_url", "mysql://x/y"],
        ["go", "--session", "3", "--auto-confirm", "--check-in-from", "/nonexistent.json"],
    ],
)
def test_a_mistake_gets_one_line_and_status_2_and_changes_nothing(data_dir, arguments):
    assert retrowalk(*SET_UP).returncode == 0
    retrowalk("log", "--yes")
    before = exported()

    result = retrowalk(*arguments)

    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert exported() == before


def test_a_broken_config_file_is_named_not_a_traceback(data_dir, tmp_path):
    (tmp_path / "config.toml").write_text("units = metric\n")

    result = retrowalk("today", env={"RETROWALK_CONFIG_FILE": str(tmp_path / "config.toml")})

    assert result.returncode == 2
    assert "config_file" in result.stderr and "Traceback" not in result.stderr
