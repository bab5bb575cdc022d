"""The terminal face: what the screen shows, and the keys that reach the runner."""

from __future__ import annotations

import os
import termios
import time

from rich.console import Console

from retrowalk.coach.inbox import Inbox, WalkerCommand
from retrowalk.coach.terminal.digits import big, clock_face
from retrowalk.coach.terminal.keys import KeyReader
from retrowalk.coach.terminal.screen import render
from retrowalk.coach.view import RunnerView, RunState
from retrowalk.domain.cues import Cue, say
from retrowalk.domain.dose import HandSupport
from retrowalk.domain.units import Speed, SpeedUnit


def _view(**changes) -> RunnerView:
    fields = {
        "state": RunState.WALKING,
        "set_number": 1,
        "set_count": 2,
        "remaining": 245.0,
        "walked": 55.0,
        "speed": Speed.mph(0.6),
        "pending_speed": None,
        "incline_percent": 0.0,
        "has_belt": True,
        "hands": HandSupport.BOTH,
        "unit": SpeedUnit.KMH,
        "said": say(Cue.TOES_FIRST),
        "prompt": None,
        "coming_up": say(Cue.NEXT_CHECK_IN),
    }
    return RunnerView(**{**fields, **changes})


def _screen_text(view: RunnerView) -> str:
    console = Console(record=True, width=110, color_system=None)
    console.print(render(view))
    return console.export_text()


def test_the_countdown_is_drawn_in_the_block_font_five_rows_tall():
    text = _screen_text(_view())

    rows = big("4:05").splitlines()

    assert len(rows) == 5
    assert all(row in text for row in rows)


def test_the_screen_shows_the_set_the_speed_in_the_walkers_unit_the_hands_and_what_comes_next():
    text = _screen_text(_view())

    assert "WALK · SET 1 OF 2" in text
    assert "0.97 km/h" in text
    assert "both hands on the rails" in text
    assert "Let your toes meet the belt first." in text
    assert "Next: a few questions about how it went." in text


def test_stop_is_on_screen_in_every_state():
    for state in RunState:
        assert "s STOP" in _screen_text(_view(state=state))


def test_a_pending_change_and_its_prompt_are_shown_until_confirmed():
    prompt = say(Cue.BELT_CHANGE_CONFIRM, setting="1.13 km/h")

    text = _screen_text(_view(pending_speed=Speed.mph(0.7), prompt=prompt))

    assert "0.97 km/h → 1.13 km/h" in text
    assert "Change the belt to 1.13 km/h, then press Enter." in text


def test_the_countdown_rounds_up_and_the_time_walked_rounds_down():
    assert clock_face(299.2) == "5:00"
    assert clock_face(0.0) == "0:00"
    assert clock_face(61.9, count_down=False) == "1:01"


def test_keys_typed_at_the_terminal_become_the_runners_commands():
    leader, follower = os.openpty()
    inbox = Inbox()

    with KeyReader(inbox, fd=follower):
        os.write(leader, b" s+-\rx=")
        deadline = time.monotonic() + 2
        commands: list[WalkerCommand] = []
        while len(commands) < 6 and time.monotonic() < deadline:
            inbox.signal.wait(0.1)
            commands += inbox.take_all()
    os.close(leader)
    os.close(follower)

    assert commands == [
        WalkerCommand.TOGGLE_PAUSE,
        WalkerCommand.STOP,
        WalkerCommand.FASTER,
        WalkerCommand.SLOWER,
        WalkerCommand.CONFIRM,
        WalkerCommand.FASTER,
    ]


def test_the_terminal_is_given_back_as_it_was():
    leader, follower = os.openpty()
    before = termios.tcgetattr(follower)

    with KeyReader(Inbox(), fd=follower):
        during = termios.tcgetattr(follower)
    after = termios.tcgetattr(follower)
    os.close(leader)
    os.close(follower)

    assert during != before
    assert after == before
