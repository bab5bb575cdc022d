"""The coach's side of a connected belt: the runner's `Belt`, and what carries the walker's Enter
and the treadmill's alerts between the runner, the voice, the screen and the treadmill.

A moving setting for a stopped belt is only armed: the runner waits for Enter, asked for as the
treadmill's prompt ("press Enter to start the belt at …"), and the keys' Enter goes to the
treadmill first, which is the walker's explicit start. Alerts are spoken and shown at once; a
pulled safety key or a lost link also stops the walk, and a lost link stays on screen (and is
said again after the runner's own alerts) until the link is back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.connected import BeltAlert, ConnectedBelt, Took
from retrowalk.coach.inbox import Inbox, WalkerCommand
from retrowalk.coach.speech import Voice
from retrowalk.coach.view import RunnerView
from retrowalk.domain.cues import Cue, Message, MessageKind


@dataclass(frozen=True, slots=True)
class Shown:
    """The alert on screen, and the runner's last message when it was given."""

    alert: Message
    over: Message | None


class BeltDesk:
    def __init__(self, belt: ConnectedBelt) -> None:
        self.belt = belt
        self.resuming = False  # the runner has just said "walking again" after a pause
        self.inbox: Inbox | None = None
        self.voice: Voice | None = None
        self.shown: Shown | None = None
        self._armed: Message | None = None
        self._said: Message | None = None
        self._lock = threading.Lock()
        belt.listen(self.take)

    @property
    def walker_confirms(self) -> bool:
        """Always: the set-up checklist and every belt start wait for the walker's Enter."""
        return True

    def apply(self, setting: BeltSetting) -> bool:
        answer = self.belt.apply(setting)
        self._armed = answer.prompt if answer.took is Took.ARMED else None
        if self._armed is not None and self.resuming:
            # The walker's own key ended the pause: that is their start.
            return self.walker_pressed_enter() and self.belt.running
        return answer.applied

    def walker_pressed_enter(self) -> bool:
        """True when the Enter should reach the runner too."""
        if self._armed is None:
            return True
        passed_on = self.belt.start()
        if passed_on:
            self._armed = None
        return passed_on

    def start_prompt(self) -> Message | None:
        """What to ask while a start is armed, in place of "start the belt on the console"."""
        return self._armed

    def attach(self, inbox: Inbox, voice: Voice) -> None:
        """Where alerts go: said by `voice`; one that ends the walk posts STOP to `inbox`."""
        self.inbox, self.voice = inbox, voice

    def take(self, told: BeltAlert) -> None:
        with self._lock:
            self.shown = Shown(told.message, self._said)
        if self.voice is not None:
            self.voice.say(told.message)
        if told.ends_walk and self.inbox is not None:
            self.inbox.post(WalkerCommand.STOP)

    def runner_said(self, message: Message) -> None:
        with self._lock:
            self._said = message

    def speaking_for(self, inner: Voice) -> Voice:
        return BeltVoice(inner, self)

    def keys_for(self, runner_inbox: Inbox) -> Inbox:
        return StartingInbox(runner_inbox, self)

    def overlay(self, show: Callable[[RunnerView], None]) -> Callable[[RunnerView], None]:
        """The runner's view with the treadmill's words laid over it."""

        def show_with_belt(view: RunnerView) -> None:
            show(self.over(view))

        return show_with_belt

    def over(self, view: RunnerView) -> RunnerView:
        pulse = self.belt.pulse()
        if pulse is not None:
            view = replace(view, pulse=pulse)
        prompt = self.start_prompt()
        if view.prompt is not None and view.prompt.cue is Cue.BELT_START and prompt is not None:
            view = replace(view, prompt=prompt)
        urgent = self.belt.urgent()
        if urgent is not None:
            return replace(view, prompt=urgent)
        shown = self.shown
        if shown is not None and view.said == shown.over:
            return replace(view, said=shown.alert)
        return view


class StartingInbox(Inbox):
    """The runner's inbox as the keys see it: an Enter goes to the treadmill first."""

    def __init__(self, runner_inbox: Inbox, desk: BeltDesk) -> None:
        super().__init__()
        self._runner_inbox, self._desk = runner_inbox, desk

    def post(self, command: WalkerCommand) -> None:
        if command is WalkerCommand.CONFIRM and not self._desk.walker_pressed_enter():
            return
        self._runner_inbox.post(command)


class BeltVoice:
    """The walker's voice, with the treadmill's words where a connected belt changes them:
    "press Enter to start the belt" for an armed start, and the lost-link warning said again
    after the runner's own alerts, so nothing cuts it short."""

    def __init__(self, inner: Voice, desk: BeltDesk) -> None:
        self._inner, self._desk = inner, desk

    def say(self, message: Message) -> None:
        desk = self._desk
        prompt = desk.start_prompt()
        if message.cue is Cue.BELT_START and prompt is not None:
            message = prompt
        desk.resuming = message.cue is Cue.RESUMED
        desk.runner_said(message)
        self._inner.say(message)
        urgent = desk.belt.urgent()
        if message.kind is MessageKind.ALERT and urgent is not None:
            self._inner.say(urgent)

    def close(self) -> None:
        self._inner.close()
