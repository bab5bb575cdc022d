"""A whole live session on a connected treadmill, in the terminal (`retrowalk go --device`):
`walk_in_terminal` with the device layer in the loop. The keys' Enter reaches the treadmill first
(the walker's start), the screen shows the device's alerts, an armed start's "press Enter" and
the pulse, and the voice speaks them. A mph-for-km/h verdict found on the way goes to the
equipment profile, and the next walk on that treadmill opens knowing it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from rich.console import Console

from retrowalk.coach.checkin import CheckInPort
from retrowalk.coach.clock import Clock
from retrowalk.coach.inbox import Command, Inbox
from retrowalk.coach.logger import SessionLogger
from retrowalk.coach.record import WalkRecord
from retrowalk.coach.session import Finished, finish, runner_for, walk_through
from retrowalk.coach.speech import Voice
from retrowalk.coach.view import Pulse, RunnerView
from retrowalk.coach.walk import WalkSource
from retrowalk.devices.alerts import as_message
from retrowalk.devices.coach_belt import DeviceVoice, StartingInbox, TreadmillBelt
from retrowalk.devices.opening import DeviceChoice, connected_belt
from retrowalk.devices.report import DeviceReport
from retrowalk.domain.cues import Cue, Kind, Message
from retrowalk.domain.errors import InputError
from retrowalk.domain.treadmill_record import DeviceTrace

# The display needs no more than four redraws a second, however fast the clock runs.
REDRAWS_PER_SECOND = 4


@dataclass(frozen=True, slots=True)
class WalkParts:
    """What `retrowalk go` has ready for the walk, whatever the belt."""

    source: WalkSource
    logger: SessionLogger
    clock: Clock
    voice: Voice
    console: Console
    time_scale: float = 1.0
    check_in: CheckInPort | None = None


def walk_on_device(
    choice: DeviceChoice, auto_confirm: bool, parts: WalkParts
) -> tuple[Finished, dict[str, object]]:
    """`retrowalk go --device [--strap]`: the walk, and the devices' record for the JSON.

    `--auto-confirm` stands in for the walker at every prompt, and so for the Enter that starts
    the belt: allowed on the virtual treadmill and without control, refused for a real belt
    under control, where only the walker may start it.
    """
    if auto_confirm and choice.control and not choice.virtual:
        allowed = "a real treadmill's belt starts only on the walker's own Enter: leave it out"
        raise InputError("--auto-confirm", True, allowed)
    finished, report = walk_with_device(choice, parts, auto_confirm)
    return finished, {"device": report.to_json()}


def walk_with_device(
    choice: DeviceChoice, parts: WalkParts, presses_enter: bool = False
) -> tuple[Finished, DeviceReport]:
    from retrowalk.coach.terminal.keys import KeyReader
    from retrowalk.coach.terminal.prompts import TerminalCheckIn
    from retrowalk.coach.terminal.screen import LiveScreen

    walk, clock, voice = parts.source.todays_walk(), parts.clock, parts.voice
    with connected_belt(choice, walk, clock) as belt:
        screen = LiveScreen(parts.console)
        walker = PressesEnter(voice) if presses_enter else None
        tick = max(1.0, parts.time_scale / REDRAWS_PER_SECOND)
        show = overlay(screen.show, belt)
        runner = runner_for(walk, clock, DeviceVoice(walker or voice, belt), belt, show, tick)
        keys = StartingInbox(runner.inbox, belt)
        if walker is not None:
            walker.keys = keys
        belt.desk.attach(runner.inbox, voice)
        belt.session.begin()
        check_in = parts.check_in or TerminalCheckIn(parts.console, voice)

        def play() -> WalkRecord:
            with screen, KeyReader.on_standard_input(keys):
                return runner.run()

        record, reason = walk_through(runner, check_in, play)
        report = belt.session.report()
        # The verdict is logged with the walk, in its transaction (services/live_walk.py).
        verdict = belt.new_mph_verdict()
        trace = DeviceTrace(tuple(report.samples), tuple(report.partial_reasons), verdict)
        finished = finish(walk, record, check_in, parts.logger, voice, trace, reason)
        return finished, report


class PressesEnter:
    """A voice with a scripted walker behind it, who presses Enter at every prompt."""

    def __init__(self, inner: Voice, keys: Inbox | None = None) -> None:
        self._inner, self.keys = inner, keys

    def say(self, message: Message) -> None:
        self._inner.say(message)
        if message.kind is Kind.PROMPT and self.keys is not None:
            self.keys.post(Command.CONFIRM)

    def close(self) -> None:
        self._inner.close()


def overlay(
    show: Callable[[RunnerView], None], belt: TreadmillBelt
) -> Callable[[RunnerView], None]:
    """The runner's view with the device layer's words laid over it."""

    def show_with_device(view: RunnerView) -> None:
        show(with_device(view, belt))

    return show_with_device


def with_device(view: RunnerView, belt: TreadmillBelt) -> RunnerView:
    session, heart_rate = belt.session, belt.session.heart_rate()
    if session.strap is not None or heart_rate is not None:
        view = replace(view, pulse=Pulse(heart_rate))
    desk, prompt = belt.desk, belt.start_prompt()
    if view.prompt is not None and view.prompt.cue is Cue.BELT_START and prompt is not None:
        view = replace(view, prompt=prompt)
    if desk.urgent is not None:
        return replace(view, prompt=as_message(desk.urgent))
    shown = desk.shown
    if shown is not None and view.said == shown.over:
        return replace(view, said=as_message(shown.alert))
    return view
