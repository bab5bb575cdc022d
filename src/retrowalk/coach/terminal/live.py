"""A whole live session in the terminal: the screen and the keys while walking, then the
check-in (asked, or read from answers given in advance) and the logger. After an early STOP the
check-in asks why; a stop by mistake or an interruption may go back to the screen and go on."""

from __future__ import annotations

from rich.console import Console

from retrowalk.coach.belt import Belt
from retrowalk.coach.checkin import CheckInPort
from retrowalk.coach.clock import Clock
from retrowalk.coach.logger import SessionLogger
from retrowalk.coach.record import WalkRecord
from retrowalk.coach.session import Finished, finish, runner_for, walk_through
from retrowalk.coach.speech import Voice
from retrowalk.coach.terminal.keys import KeyReader
from retrowalk.coach.terminal.prompts import TerminalCheckIn
from retrowalk.coach.terminal.screen import LiveScreen
from retrowalk.coach.walk import WalkSource

# The display needs no more than four redraws a second, however fast the clock runs.
REDRAWS_PER_SECOND = 4


def walk_in_terminal(
    source: WalkSource,
    logger: SessionLogger,
    clock: Clock,
    voice: Voice,
    belt: Belt,
    console: Console,
    time_scale: float = 1.0,
    check_in: CheckInPort | None = None,
) -> Finished:
    walk = source.todays_walk()
    screen = LiveScreen(console)
    tick = max(1.0, time_scale / REDRAWS_PER_SECOND)
    runner = runner_for(
        walk, clock, voice, belt, screen.show, tick, confirm_set_up=belt.walker_confirms
    )
    answers = check_in or TerminalCheckIn(console, voice)

    def play() -> WalkRecord:
        with screen, KeyReader.on_standard_input(runner.inbox):
            return runner.run()

    record, reason = walk_through(runner, answers, play)
    return finish(walk, record, answers, logger, voice, stop_reason=reason)
