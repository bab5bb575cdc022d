"""The coach's `Belt` port on a connected treadmill, and what carries the walker's Enter and the
device layer's alerts between the runner and the treadmill.

The runner asks for settings; `TreadmillBelt.apply` hands them to the controller on the device
thread. A moving setting for a stopped belt is only armed: the runner then waits for Enter, and
`StartingInbox` (the inbox the keys post to) gives that Enter to the treadmill first, which is
the walker's explicit start. Alerts are spoken and shown at once; a pulled safety key or a lost
link also stops the walk.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.inbox import Command, Inbox
from retrowalk.coach.speech import Voice
from retrowalk.devices.alerts import Alert, DeviceAlert, alert, as_message
from retrowalk.devices.control_state import Target
from retrowalk.devices.loop import DeviceThread
from retrowalk.devices.session import TreadmillSession
from retrowalk.domain.cues import Cue, Kind, Message, belt_words
from retrowalk.domain.treadmill_record import MphVerdict
from retrowalk.domain.units import SpeedUnit

# Alerts after which the walk cannot go on: the set (and the walk) ends where it stands.
ENDS_THE_WALK = frozenset({Alert.SAFETY_KEY, Alert.LINK_LOST, Alert.DEVICE_ERROR})


class TreadmillBelt:
    def __init__(
        self,
        thread: DeviceThread,
        session: TreadmillSession,
        unit: SpeedUnit,
        desk: AlertDesk,
        verdict_of: Callable[[bool | None], MphVerdict | None] | None = None,
    ) -> None:
        self.thread, self.session, self.unit, self.desk = thread, session, unit, desk
        self._verdict_of = verdict_of
        self.resuming = False  # the runner has just said "walking again" after a pause
        self._armed_words: str | None = None

    def new_mph_verdict(self) -> MphVerdict | None:
        """What this walk found of the treadmill's speed unit, when the profile did not know."""
        found = self.session.controller.report.mph_quirk
        return None if self._verdict_of is None else self._verdict_of(found)

    @property
    def walker_confirms(self) -> bool:
        """Always: the set-up checklist and every belt start wait for the walker's Enter."""
        return True

    def apply(self, setting: BeltSetting) -> bool:
        target = None
        if setting.moving and setting.speed is not None:
            target = Target(setting.speed.in_unit(SpeedUnit.KMH), setting.incline_percent)
        taken = self.thread.run(self.session.controller.want(target))
        armed = target is not None and self.session.controller.armed is not None
        self._armed_words = None
        if armed and setting.speed is not None:
            self._armed_words = belt_words(setting.speed, self.unit, setting.incline_percent)
            if self.resuming:
                # The walker's own key ended the pause: that is their start.
                return self.walker_pressed_enter() and self.session.controller.running
        return taken

    def walker_pressed_enter(self) -> bool:
        """True when the Enter should reach the runner too."""
        if self._armed_words is None:
            return True
        passed_on = self.thread.run(self.session.controller.walker_start())
        if passed_on:
            self._armed_words = None
        return passed_on

    def start_prompt(self) -> Message | None:
        """What to ask while a start is armed, in place of "start the belt on the console"."""
        if self._armed_words is None:
            return None
        return as_message(alert(Alert.PRESS_ENTER_TO_START, 0.0, setting=self._armed_words))

    def beat(self) -> None:
        """One heartbeat, from the runner's thread (tests on a simulated clock)."""
        self.thread.run(self.session.beat())


class StartingInbox(Inbox):
    """The runner's inbox as the keys see it: an Enter goes to the treadmill first."""

    def __init__(self, runner_inbox: Inbox, belt: TreadmillBelt) -> None:
        super().__init__()
        self._runner_inbox, self._belt = runner_inbox, belt

    def post(self, command: Command) -> None:
        if command is Command.CONFIRM and not self._belt.walker_pressed_enter():
            return
        self._runner_inbox.post(command)


@dataclass
class Shown:
    """The alert on screen, and the runner's last message when it was given."""

    alert: DeviceAlert
    over: Message | None


class AlertDesk:
    """Takes the controller's alerts (on the device thread) to the voice, the screen and, for
    those that end the walk, the runner. A lost link stays `urgent` until the link is back."""

    def __init__(self) -> None:
        self.inbox: Inbox | None = None
        self.voice: Voice | None = None
        self.shown: Shown | None = None
        self.urgent: DeviceAlert | None = None
        self._said: Message | None = None
        self._lock = threading.Lock()

    def attach(self, inbox: Inbox, voice: Voice) -> None:
        self.inbox, self.voice = inbox, voice

    def take(self, told: DeviceAlert) -> None:
        with self._lock:
            self.shown = Shown(told, self._said)
            if told.alert is Alert.LINK_LOST:
                self.urgent = told
            elif told.alert is Alert.RECONNECTED:
                self.urgent = None
        if self.voice is not None:
            self.voice.say(as_message(told))
        if told.alert in ENDS_THE_WALK and self.inbox is not None:
            self.inbox.post(Command.STOP)

    def runner_said(self, message: Message) -> None:
        with self._lock:
            self._said = message


class DeviceVoice:
    """The walker's voice, with the device layer's words where a connected belt changes them:
    "press Enter to start the belt" for an armed start, and the lost-link warning said again
    after the runner's own alerts, so nothing cuts it short."""

    def __init__(self, inner: Voice, belt: TreadmillBelt) -> None:
        self._inner, self._belt = inner, belt

    def say(self, message: Message) -> None:
        prompt = self._belt.start_prompt()
        if message.cue is Cue.BELT_START and prompt is not None:
            message = prompt
        self._belt.resuming = message.cue is Cue.RESUMED
        desk = self._belt.desk
        desk.runner_said(message)
        self._inner.say(message)
        if message.kind is Kind.ALERT and desk.urgent is not None:
            self._inner.say(as_message(desk.urgent))

    def close(self) -> None:
        self._inner.close()
