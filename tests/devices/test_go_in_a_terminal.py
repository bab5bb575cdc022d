"""`retrowalk go --device virtual --control` in a real terminal (a pseudo-terminal, through
pexpect) at sixty times real speed: the walker's own Enter starts the belt, the belt follows the
plan's step up, and `s` stops it; after a STOP by mistake, going on asks for the Enter that
starts the belt again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pexpect

from tests.coach.test_go_in_a_terminal import _completed_session, spawn_go

# Exact by definition (1 mile = 1609.344 m); written out, never imported from the code under test.
METRES_PER_SECOND_IN_ONE_MPH = 0.44704
ANSWERS = {"pain_during": 1, "sharp_pain": False, "rpe": 4}
STEP_UP_SESSION = "16"  # knee_oa_mph: 2 × 5 minutes, opening at 0.5 mph, 0.6 from 2:00


def _on_the_virtual_treadmill(answers: Path, given: dict[str, Any], *options: str) -> pexpect.spawn:
    """`retrowalk go --device virtual --control`, the check-in answered from `given`."""
    answers.write_text(json.dumps(given), encoding="utf-8")
    return spawn_go("--check-in-from", str(answers), "--device", "virtual", "--control", *options)


def test_the_walkers_enter_starts_the_belt_and_the_belt_follows_the_plan(tmp_path: Path):
    answers = tmp_path / "answers.json"
    child = _on_the_virtual_treadmill(answers, ANSWERS, "--session", STEP_UP_SESSION)

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

    session = _completed_session(child.before)
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
    # Why the walk stopped, and going on, are answered from the file too.
    going_on = ANSWERS | {"stop_reason": "mistake", "go_on": True}
    child = _on_the_virtual_treadmill(tmp_path / "answers.json", going_on)

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

    session = _completed_session(child.before)
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
