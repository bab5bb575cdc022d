"""`retrowalk go` driven in a real terminal (a pseudo-terminal, through pexpect) at sixty times
real speed: set-up, the belt by hand, pause, go on, stop, the check-in from a file, and the
completed session printed as JSON; on the stored walker (the default), the walk logged in the
database and the next decision shown."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import pexpect

ROOT = Path(__file__).resolve().parents[2]
RETROWALK = Path(sys.executable).with_name("retrowalk")
ANSWERS = {"pain_during": 2, "sharp_pain": False, "rpe": 5, "notes": "a little stiff"}
STEP_UP_SESSION = "16"  # knee_oa_mph: 2 × 5 minutes, opening at 0.5 mph and stepping up to 0.6


def spawn_go(*options: str) -> pexpect.spawn:
    """`retrowalk go` on the knee_oa_mph scenario at sixty times real speed, silent, printing the
    completed session as JSON, in a 110 × 40 pseudo-terminal, with `options` added."""
    arguments = [
        "go",
        "--scenario", str(ROOT / "examples" / "knee_oa_mph.json"),
        "--time-scale", "60",
        "--no-voice", "--json",
        *options,
    ]  # fmt: skip
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "110", "LINES": "40"}
    return pexpect.spawn(
        str(RETROWALK), arguments, env=env, dimensions=(40, 110), encoding="utf-8", timeout=20
    )


def _spawn(tmp_path: Path) -> pexpect.spawn:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    return spawn_go("--session", STEP_UP_SESSION, "--check-in-from", str(answers))


def _completed_session(output: str) -> dict[str, Any]:
    """The JSON printed after the full-screen display has gone."""
    text = output.replace("\r\n", "\n")
    session: dict[str, Any] = json.loads(text[text.index("\n{\n") :])
    return session


def test_go_in_a_terminal_pauses_resumes_stops_and_prints_what_was_walked(tmp_path: Path):
    child = _spawn(tmp_path)

    child.expect("When all of that is done, press Enter")
    child.send("\r")
    child.expect("Start the belt at 0.5 mph, then press Enter once you are walking")
    child.send("\r")
    child.expect("WALK · SET 1 OF 2")
    child.send(" ")
    child.expect("PAUSED · SET 1 OF 2")
    time.sleep(0.5)  # thirty seconds of session time, paused
    child.send(" ")
    child.expect("Walking again")
    child.send("s")
    child.expect(pexpect.EOF)
    child.close()

    session = _completed_session(child.before)
    assert child.exitstatus == 0, child.before
    assert session["stopped_early"] is True and session["completed"] is False
    assert 0 < session["minutes_walked"] < 2  # the step up comes at minute two; we stopped first
    assert session["sets_walked"][1] == 0
    assert len(session["pauses"]) == 1 and session["pauses"][0]["seconds"] >= 25
    assert session["planned"]["speed"] == {"mph": 0.6, "kmh": 0.97}
    assert session["planned"]["previous_speed"] == {"mph": 0.5, "kmh": 0.8}
    unknown = dict.fromkeys(("form_ok", "swelling", "locking", "giving_way", "stop_reason"))
    assert session["check_in"] == {
        **ANSWERS, **unknown, "hands_used": "both", "stable_without_hands": False
    }  # fmt: skip
    assert session["log_entry"]["minutes_done"] == session["minutes_walked"]
    assert session["log_entry"]["speed_done_mph"] == 0.5
    assert session["next"].startswith("Next session, 2027-02-12:")


def test_go_names_the_field_when_the_check_in_file_is_wrong(tmp_path: Path):
    bad = tmp_path / "answers.json"
    bad.write_text('{"pain_during": 12, "sharp_pain": false, "rpe": 5}', encoding="utf-8")
    scenario = str(ROOT / "examples" / "knee_oa_mph.json")

    output, status = pexpect.run(
        f"{RETROWALK} go --scenario {scenario} --check-in-from {bad} --no-voice",
        withexitstatus=True,
        encoding="utf-8",
        timeout=20,
    )

    assert status == 2, output
    assert "check-in.pain_during" in output


def _stored_walker(tmp_path: Path) -> dict[str, str]:
    """A data directory with a walker whose first session is today, set up by the real CLI."""
    env = {
        **os.environ,
        "RETROWALK_DATA_DIR": str(tmp_path / "data"),
        "RETROWALK_CONFIG_FILE": str(tmp_path / "config.toml"),
    }
    output, status = pexpect.run(
        f"{RETROWALK} init --yes --age 67 --condition knee_oa --equipment motorized_treadmill "
        "--min-speed 0.5 --max-speed 10 --speed-step 0.1 --handrails --safety-clip",
        env=env,
        withexitstatus=True,
        encoding="utf-8",
        timeout=30,
    )
    assert status == 0, output
    return env


def _read(env: dict[str, str], command: str) -> Any:
    output, status = pexpect.run(
        f"{RETROWALK} {command} --json", env=env, withexitstatus=True, encoding="utf-8"
    )
    assert status == 0, output
    return json.loads(output)


def test_go_walks_the_stored_session_and_logs_what_was_walked_in_the_database(tmp_path: Path):
    env = _stored_walker(tmp_path)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    arguments = ["go", "--time-scale", "60", "--check-in-from", str(answers)]
    arguments += ["--no-voice", "--json"]
    child = pexpect.spawn(
        str(RETROWALK), arguments, env={**env, "TERM": "xterm-256color"},
        dimensions=(40, 110), encoding="utf-8", timeout=20,
    )  # fmt: skip

    child.expect("When all of that is done, press Enter")
    child.send("\r")
    child.expect("Start the belt at 0.5 mph, then press Enter once you are walking")
    child.send("\r")
    child.expect("WALK · SET 1 OF 1")
    time.sleep(0.5)  # half a minute of walking, at sixty times real speed
    child.send("s")
    child.expect(pexpect.EOF)
    child.close()

    session = _completed_session(child.before)
    assert child.exitstatus == 0, child.before
    assert session["stopped_early"] is True and 0 < session["minutes_walked"] < 3
    [item] = _read(env, "history")
    logged = item["entry"]
    assert logged["source"] == "live" and logged["done"] is True
    assert logged["minutes_done"] == session["minutes_walked"]
    assert (logged["pain_during"], logged["rpe"]) == (ANSWERS["pain_during"], ANSWERS["rpe"])
    following = _read(env, "today")["session"]
    assert following["seq"] == 1 and not following["is_today"]
    assert session["next"].startswith(f"Next session, {following['on']}:")
    screen = child.before.replace("\r\n", "\n")
    assert "Next session, " in screen[: screen.index("\n{\n")]  # shown, before the JSON
