"""`retrowalk go` in a real terminal (a pseudo-terminal, through pexpect): STOP, "pressed by
mistake", go on, walk to the end, and a check-in typed answer by answer; the completed session
is one walk in full, with the stop it went on from."""

from __future__ import annotations

import pexpect

from tests.coach.test_go_in_a_terminal import _completed_session, spawn_go

ANSWERS = (
    ("How much did the knee hurt", "1"),
    ("Any sharp, sudden pain", "n"),
    ("How hard did it feel", "4"),
    ("Did your steps keep to the cues", "y"),
    ("Is the knee swollen", "skip"),
    ("Did the knee lock", "n"),
    ("Did the knee give way", "n"),
    ("Which hand support", ""),
    ("steady enough to let go", "n"),
    ("Anything to note", ""),
)


def test_a_stop_pressed_by_mistake_goes_on_at_the_terminal_and_the_walk_ends_in_full():
    child = spawn_go()

    child.expect("When all of that is done, press Enter")
    child.send("\r")
    child.expect("Start the belt at 0.5 mph, then press Enter")
    child.send("\r")
    child.expect("WALK")
    child.send("s")
    child.expect("Why did you stop")
    child.sendline("mistake")
    child.expect("Go on with this session")
    child.sendline("yes")
    child.expect("Start the belt at 0.5 mph, then press Enter")  # set again before time runs
    child.send("\r")
    for question, answer in ANSWERS:
        child.expect(question)
        child.sendline(answer)
    child.expect(pexpect.EOF)
    child.close()

    session = _completed_session(child.before)
    assert child.exitstatus == 0, child.before
    assert session["completed"] is True and session["minutes_walked"] == 3
    assert [stop["reason"] for stop in session["went_on"]] == ["mistake"]
    assert session["check_in"]["swelling"] is None and session["check_in"]["stop_reason"] is None
    assert "(pressed by mistake)" in session["log_entry"]["notes"]
