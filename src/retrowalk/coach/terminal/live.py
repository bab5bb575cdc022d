"""A whole live session in the terminal, with or without a connected treadmill: the screen and
the keys while walking, then the check-in (asked, or read from answers given in advance) and the
logger. After an early STOP the check-in asks why; a stop by mistake or an interruption may go
back to the screen and go on.

With a treadmill (`retrowalk go --device`, opened by the CLI), the keys' Enter reaches it first
(the walker's start), the screen shows its alerts, an armed start's "press Enter" and the pulse,
and the voice speaks them; its samples and any mph verdict are logged with the walk.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console

from retrowalk.coach.belt import Belt, HandSetBelt
from retrowalk.coach.belt_desk import BeltDesk
from retrowalk.coach.checkin import CheckInPort
from retrowalk.coach.clock import SessionClock
from retrowalk.coach.connected import ConnectedBelt
from retrowalk.coach.inbox import Inbox, WalkerCommand
from retrowalk.coach.logger import SessionLogger
from retrowalk.coach.record import WalkRecord
from retrowalk.coach.runner import Runner
from retrowalk.coach.session import Finished, finish, runner_for, walk_through
from retrowalk.coach.speech import Voice
from retrowalk.coach.terminal.keys import KeyReader
from retrowalk.coach.terminal.prompts import TerminalCheckIn
from retrowalk.coach.terminal.screen import LiveScreen
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.cues import Message, MessageKind

# The display needs no more than four redraws a second, however fast the clock runs.
REDRAWS_PER_SECOND = 4


@dataclass(frozen=True, slots=True)
class WalkParts:
    """What `retrowalk go` has ready for the walk, whatever the belt."""

    logger: SessionLogger
    clock: SessionClock
    voice: Voice
    console: Console
    time_scale: float = 1.0
    check_in: CheckInPort | None = None


def walk_in_terminal(
    walk: TodaysWalk,
    parts: WalkParts,
    belt: Belt | None = None,
    treadmill: ConnectedBelt | None = None,
    presses_enter: bool = False,
) -> Finished:
    """Today's walk on `belt` (the walker sets the console, by default waiting for their Enter)
    or on a connected `treadmill`. With a treadmill, `presses_enter` stands in for the walker at
    every prompt, and so for the Enter that starts the belt (the CLI allows it where it may)."""
    screen = LiveScreen(parts.console)
    tick = max(1.0, parts.time_scale / REDRAWS_PER_SECOND)
    if treadmill is None:
        hand_set = belt or HandSetBelt()
        confirm = hand_set.walker_confirms
        runner = runner_for(
            walk, parts.clock, parts.voice, hand_set, screen.show, tick, confirm_set_up=confirm
        )
        keys = runner.inbox
    else:
        runner, keys = _on_treadmill(walk, parts, treadmill, screen, tick, presses_enter)
    check_in = parts.check_in or TerminalCheckIn(parts.console, parts.voice)

    def play() -> WalkRecord:
        with screen, KeyReader.on_standard_input(keys):
            return runner.run()

    record, reason = walk_through(runner, check_in, play)
    # Taken before the check-in: its seconds are not the walk's.
    trace = None if treadmill is None else treadmill.trace()
    return finish(walk, record, check_in, parts.logger, parts.voice, trace, reason)


def _on_treadmill(
    walk: TodaysWalk,
    parts: WalkParts,
    treadmill: ConnectedBelt,
    screen: LiveScreen,
    tick: float,
    presses_enter: bool,
) -> tuple[Runner, Inbox]:
    """The runner on the treadmill, and the inbox the keys post to (Enter reaches the treadmill
    first). Alerts are said by the walker's own voice, and the walk starts its samples."""
    voice, desk = parts.voice, BeltDesk(treadmill)
    walker = PressesEnter(voice) if presses_enter else None
    speaking = desk.speaking_for(walker or voice)
    runner = runner_for(walk, parts.clock, speaking, desk, desk.overlay(screen.show), tick)
    keys = desk.keys_for(runner.inbox)
    if walker is not None:
        walker.keys = keys
    desk.attach(runner.inbox, voice)
    treadmill.begin()
    return runner, keys


class PressesEnter:
    """A voice with a scripted walker behind it, who presses Enter at every prompt."""

    def __init__(self, inner: Voice, keys: Inbox | None = None) -> None:
        self._inner, self.keys = inner, keys

    def say(self, message: Message) -> None:
        self._inner.say(message)
        if message.kind is MessageKind.PROMPT and self.keys is not None:
            self.keys.post(WalkerCommand.CONFIRM)

    def close(self) -> None:
        self._inner.close()
