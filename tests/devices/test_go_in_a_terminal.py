"""`retrowalk go --device virtual --control` in a real terminal (a pseudo-terminal, through
pexpect) at sixty times real speed: the walker's own Enter starts the belt, the belt follows the
plan's step up, and `s` stops it."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pexpect

# Exact by definition (1 mile = 1609.344 m); written out, never imported from the code under test.
METRES_PER_SECOND_IN_ONE_MPH = 0.44704


ROOT = Path(__file__).resolve().parents[2]
RETROWALK = Path(sys.executable).with_name("retrowalk")
STEP_UP_SESSION = "16"  # knee_oa_mph: 2 × 5 minutes, opening at 0.5 mph, 0.6 from 2:00


def test_the_walkers_enter_starts_the_belt_and_the_belt_follows_the_plan(tmp_path: Path):
    answers = tmp_path / "answers.json"
    answers.write_text('{"pain_during": 1, "sharp_pain": false, "rpe": 4}', encoding="utf-8")
    arguments = [
        "go",
        "--scenario", str(ROOT / "examples" / "knee_oa_mph.json"),
        "--session", STEP_UP_SESSION,
        "--time-scale", "60",
        "--check-in-from", str(answers),
        "--no-voice", "--json",
        "--device", "virtual",
        "--control",
    ]  # fmt: skip
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "110", "LINES": "40"}
    child = pexpect.spawn(
        str(RETROWALK), arguments, env=env, dimensions=(40, 110), encoding="utf-8", timeout=20
    )

    child.expect("When all of that is done, press Enter")
    child.send("\r")
    child.expect("Press Enter to start the belt at 0.5 mph")
    child.send("\r")
    child.expect("WALK · SET 1 OF 2")
    child.expect("The belt is going to 0.6 mph")
    child.send("s")
    child.expect("Stopping now")
    child.expect(pexpect.EOF)
    child.close()

    text = child.before.replace("\r\n", "\n")
    session = json.loads(text[text.index("\n{\n") :])
    assert child.exitstatus == 0
    assert session["stopped_early"] is True and session["device"]["control"] == "on"
    mph = {
        round(s["speed_mps"] / METRES_PER_SECOND_IN_ONE_MPH, 1)
        for s in session["device"]["samples"]
        if s["speed_mps"]
    }
    assert {0.5, 0.6} <= mph and max(mph) == 0.6


def test_going_on_after_a_mistaken_stop_asks_for_enter_and_that_enter_starts_the_belt(
    tmp_path: Path,
):
    answers = tmp_path / "answers.json"
    # Why the walk stopped, and going on, are answered from the file too.
    given = {"pain_during": 1, "sharp_pain": False, "rpe": 4}
    answers.write_text(json.dumps(given | {"stop_reason": "mistake", "go_on": True}), "utf-8")
    arguments = [
        "go",
        "--scenario", str(ROOT / "examples" / "knee_oa_mph.json"),
        "--time-scale", "60",
        "--check-in-from", str(answers),
        "--no-voice", "--json",
        "--device", "virtual",
        "--control",
    ]  # fmt: skip
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "110", "LINES": "40"}
    child = pexpect.spawn(
        str(RETROWALK), arguments, env=env, dimensions=(40, 110), encoding="utf-8", timeout=20
    )

    child.expect("When all of that is done, press Enter")
    child.send("\r")
    child.expect("Press Enter to start the belt at 0.5 mph")
    child.send("\r")
    child.expect("WALK · SET 1 OF")
    child.send("s")
    child.expect("Press Enter to start the belt at 0.5 mph")  # going on: the treadmill's words
    child.send("\r")
    child.expect(pexpect.EOF)
    child.close()

    text = child.before.replace("\r\n", "\n")
    session = json.loads(text[text.index("\n{\n") :])
    assert child.exitstatus == 0, child.before
    assert session["completed"] is True and not session["stopped_early"]
    assert [stop["reason"] for stop in session["went_on"]] == ["mistake"]
    mph = [
        round((s["speed_mps"] or 0.0) / METRES_PER_SECOND_IN_ONE_MPH, 1)
        for s in session["device"]["samples"]
    ]
    started = next(i for i, speed in enumerate(mph) if speed > 0)
    stopped = next(i for i, speed in enumerate(mph) if i > started and speed == 0)
    # One 3-minute set: the belt ran again at the dose's speed (never above) for the rest of it.
    assert session["sets_walked"] == [3.0] and max(mph) == 0.5
    assert mph[stopped:].count(0.5) >= 180 - session["went_on"][0]["at_seconds"] - 10
