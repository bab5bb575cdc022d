"""What the treadmill tells the controller, acted on: its data read back against the speed last
sent (the belt follows, ignores us, or shows the mph quirk), its status sorted by the status
watch, bytes nobody can read, and a dropped link.

The controller commands the belt and this side listens. It reaches the controller only through
`Commanding`, so this module does not import the controller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from retrowalk.devices.alerts import Alert, ConsoleChange
from retrowalk.devices.control_state import BeltState, Control
from retrowalk.devices.follow import Outcome
from retrowalk.devices.ftms_data import TreadmillData
from retrowalk.devices.ftms_status import MachineStatus
from retrowalk.devices.report import DeviceReport
from retrowalk.devices.safety import Envelope
from retrowalk.devices.status_watch import (
    Actions,
    ConsoleStarted,
    ConsoleStopped,
    ControlTakenBack,
    Ignored,
    InclineClaimed,
    Noted,
    SafetyKeyPulled,
    SpeedClaimed,
    StatusWatch,
)
from retrowalk.devices.totals import Totals
from retrowalk.domain.errors import DeviceError


class Commanding(Protocol):
    """What the listening side needs of the controller."""

    state: BeltState
    report: DeviceReport
    totals: Totals
    envelope: Envelope | None

    def say(self, kind: Alert, **blanks: str) -> None: ...

    def by_hand(self, reason: Alert, **blanks: str) -> None: ...

    def describe(self, kmh: float) -> str: ...

    def not_following(self) -> None: ...

    def console_started(self, now: float) -> None: ...

    def step_soon(self) -> None: ...


class TreadmillNews:
    """`kmh_per_unit` is what one unit of the speed parameter means on this belt (1, 1.609344
    for the mph quirk), None until the read-back finds it out."""

    def __init__(
        self, controller: Commanding, now: Callable[[], float], kmh_per_unit: float | None
    ) -> None:
        self._controller, self._now = controller, now
        self.kmh_per_unit = kmh_per_unit
        self.watch = StatusWatch()

    def on_data(self, record: TreadmillData) -> None:
        now, controller = self._now(), self._controller
        state = controller.state
        controller.totals.add(record, now)
        controller.report.distance_m = controller.totals.distance_m
        speed, check = record.instantaneous_speed_kmh, state.check
        if speed is None or check is None:
            return
        verdict = check.observe(speed, now, self.kmh_per_unit)
        if verdict.outcome is Outcome.WATCHING:
            return
        state.check = None
        if verdict.outcome is Outcome.NOT_FOLLOWED:
            controller.not_following()
        elif verdict.kmh_per_unit is not None and self.kmh_per_unit is None:
            self._learn_unit(verdict.kmh_per_unit)

    def on_status(self, status: MachineStatus) -> None:
        self.act(self.watch.classify(status, self._now(), self._controller.state.sent))

    def on_unreadable(self, error: DeviceError) -> None:
        self._controller.report.problems.append(str(error))

    def on_lost(self) -> None:
        controller = self._controller
        state = controller.state
        state.link_up = False
        state.stop_owed = state.stop_owed or state.had_control
        state.forget_plans()
        controller.totals.link_lost()
        controller.report.partial_reasons.append("the link to the treadmill dropped")
        controller.say(Alert.LINK_LOST)

    def act(self, actions: Actions) -> None:
        """Carry out what the status watch decided."""
        controller = self._controller
        state, report = controller.state, controller.report
        for action in actions:
            match action:
                case Noted(at, change, value):
                    report.console_changes.append(ConsoleChange(at, change, value))
                case Ignored(problem):
                    report.problems.append(problem)
                case SafetyKeyPulled():
                    state.belt_stopped()
                    state.forget_plans()
                    controller.say(Alert.SAFETY_KEY)
                case ConsoleStarted(at):
                    controller.console_started(at)
                case ConsoleStopped():
                    state.belt_stopped()
                    state.wanted = state.check = None
                    controller.say(Alert.CONSOLE_STOP)
                case SpeedClaimed(speed):
                    state.check, state.sent = None, replace(state.sent, claimed_speed=speed)
                    self._warn_if_above_ceiling(speed)
                case InclineClaimed(incline):
                    state.check, state.sent = None, replace(state.sent, claimed_incline=incline)
                case ControlTakenBack():
                    if state.control is Control.ON:
                        controller.by_hand(Alert.CONTROL_LOST)

    def _warn_if_above_ceiling(self, speed_parameter: float) -> None:
        controller = self._controller
        envelope = controller.envelope
        belt_kmh = speed_parameter * (self.kmh_per_unit or 1.0)
        if envelope is not None and belt_kmh > envelope.ceiling.kmh:
            controller.say(Alert.ABOVE_CEILING, ceiling=controller.describe(envelope.ceiling.kmh))

    def _learn_unit(self, kmh_per_unit: float) -> None:
        controller = self._controller
        self.kmh_per_unit = kmh_per_unit
        controller.report.mph_quirk = kmh_per_unit != 1.0
        if not controller.report.mph_quirk:
            return
        controller.say(Alert.MPH_QUIRK)
        envelope, wanted = controller.envelope, controller.state.wanted
        if envelope is not None and wanted is not None:
            slowest = envelope.speeds.minimum * kmh_per_unit
            if wanted.speed_kmh < slowest - envelope.speeds.step * kmh_per_unit / 2:
                controller.say(Alert.ABOVE_DOSE, slowest=controller.describe(slowest))
        controller.step_soon()
