"""One walk's treadmill, as both faces use it: the coach's connected-belt port (coach/connected.py)
on the device layer, shared by the terminal's walk and the web page's server side.

`apply` hands a setting to the controller on the device thread and answers what it did; a moving
setting for a stopped belt is only armed, and `start` (the walker's own Enter or tap) starts it.
The controller's alerts go to whoever listens; a lost link stays `urgent` until the link is
back. Nothing here knows a voice, an inbox or a screen.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.connected import BeltAlert, BeltAnswer, Pulse, Took
from retrowalk.devices.alerts import Alert, DeviceAlert, alert, as_message
from retrowalk.devices.control_state import Control, Target
from retrowalk.devices.loop import DeviceThread
from retrowalk.devices.report import DeviceReport
from retrowalk.devices.session import TreadmillSession
from retrowalk.domain.cues import Message, belt_words
from retrowalk.domain.treadmill_record import DeviceTrace, MphVerdict
from retrowalk.domain.units import SpeedUnit

# Alerts after which the walk cannot go on: the set (and the walk) ends where it stands.
ENDS_THE_WALK = frozenset({Alert.SAFETY_KEY, Alert.LINK_LOST, Alert.DEVICE_ERROR})
_NOT_IN_CONTROL = "retrowalk does not control this treadmill: set the belt on the console"
_LINK_DOWN = "the link to the treadmill is down: set the belt on the console"


class WalkTreadmill:
    def __init__(
        self,
        thread: DeviceThread,
        session: TreadmillSession,
        unit: SpeedUnit,
        verdict_of: Callable[[bool | None], MphVerdict | None] | None = None,
    ) -> None:
        self.thread, self.session, self.unit = thread, session, unit
        self._verdict_of = verdict_of
        self.urgent_alert: DeviceAlert | None = None
        self.walked: DeviceReport | None = None  # the record as `trace` last took it
        self._listener: Callable[[BeltAlert], None] | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self.session.controller.running

    def apply(self, setting: BeltSetting) -> BeltAnswer:
        target = None
        if setting.moving and setting.speed is not None:
            target = Target(setting.speed.in_unit(SpeedUnit.KMH), setting.incline_percent)
        taken = self.thread.run(self.session.controller.want(target))
        armed = target is not None and self.session.controller.armed is not None
        if armed and setting.speed is not None:
            words = belt_words(setting.speed, self.unit, setting.incline_percent)
            prompt = as_message(alert(Alert.PRESS_ENTER_TO_START, 0.0, setting=words))
            return BeltAnswer(Took.ARMED, prompt=prompt)
        if taken:
            return BeltAnswer(Took.APPLIED)
        reason = _NOT_IN_CONTROL if self.link_up else _LINK_DOWN
        return BeltAnswer(Took.BY_HAND, reason=reason)

    def start(self) -> bool:
        return self.thread.run(self.session.controller.walker_start())

    def listen(self, on_alert: Callable[[BeltAlert], None]) -> None:
        self._listener = on_alert

    def take(self, told: DeviceAlert) -> None:
        """The controller's alert (on the device thread), to whoever listens."""
        with self._lock:
            if told.alert is Alert.LINK_LOST:
                self.urgent_alert = told
            elif told.alert is Alert.RECONNECTED:
                self.urgent_alert = None
        if self._listener is not None:
            self._listener(BeltAlert(as_message(told), told.alert in ENDS_THE_WALK))

    def urgent(self) -> Message | None:
        told = self.urgent_alert
        return None if told is None else as_message(told)

    def pulse(self) -> Pulse | None:
        heart_rate = self.session.heart_rate()
        if self.session.strap is None and heart_rate is None:
            return None
        return Pulse(heart_rate)

    def under_control(self) -> bool:
        return self.session.controller.state.control is Control.ON

    @property
    def name(self) -> str:
        return self.session.controller.report.treadmill

    @property
    def link_up(self) -> bool:
        return self.session.controller.state.link_up

    def speed_kmh(self) -> float | None:
        """The belt's speed as the treadmill last reported it (None while unknown)."""
        return self.session.controller.totals.latest.speed_kmh

    def alerts_after(self, seen: int) -> list[tuple[int, DeviceAlert]]:
        """The alerts of this walk numbered from 1, after the first `seen`."""
        told = list(self.session.controller.report.alerts)
        return [(number, given) for number, given in enumerate(told, start=1) if number > seen]

    def partial(self, reason: str) -> None:
        """The record has a gap or an end that is not the walker's, for `reason`."""
        self.session.controller.report.partial_reasons.append(reason)

    def begin(self) -> None:
        self.session.begin()

    def new_mph_verdict(self) -> MphVerdict | None:
        """What this walk found of the treadmill's speed unit, when the profile did not know."""
        found = self.session.controller.report.mph_quirk
        return None if self._verdict_of is None else self._verdict_of(found)

    def trace(self) -> DeviceTrace:
        report = self.walked = self.session.report()
        samples, partial = tuple(report.samples), tuple(report.partial_reasons)
        return DeviceTrace(samples, partial, self.new_mph_verdict())

    def beat(self) -> None:
        """One heartbeat, from the runner's thread (tests on a simulated clock)."""
        self.thread.run(self.session.beat())
