"""Fitness Machine Status, sorted and acted on: what the app's own commands caused, and what
somebody did at the console (or another app did), which the record keeps as console changes.

FTMS notifies a change made by one client to the others, and some machines echo it to the
client that made it too; an echo of our own last command is not a console change.

A Start or Stop status is the echo of ours only when it answers our last Start or Stop: the
same command (and, for a stop, the same action), within `ECHO_SECONDS` of sending it, the first
status to answer it, and not refused by the treadmill ("operation failed" to our Stop means the
belt was stopped already, so the stop it reports was somebody else's). Anything that happened
to the belt since (a Start of ours, the console's start, the safety key) ends the wait. A
status that arrives before the treadmill's answer is taken as the echo until the answer says
otherwise; then it is recorded as the console's, at the moment it arrived.

A status claiming a new speed or incline target is kept as a claim: it may lower the base a
raise is measured from (`safety.Sent`), never lift it. A claim that is not a finite number is
recorded as a problem and otherwise ignored.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from retrowalk.devices.alerts import Alert, ConsoleChange
from retrowalk.devices.control_state import Control
from retrowalk.devices.ftms_control import (
    ControlCommand,
    ControlResponse,
    StartOrResume,
    StopAction,
    StopOrPause,
)
from retrowalk.devices.ftms_status import (
    ControlPermissionLost,
    MachineReset,
    MachineStatus,
    StartedOrResumedByUser,
    StoppedBySafetyKey,
    StoppedOrPausedByUser,
    TargetInclinationChanged,
    TargetSpeedChanged,
)

if TYPE_CHECKING:
    from retrowalk.devices.controller import TreadmillController

# An echo of our own Start or Stop arrives at once; later ones were pressed at the console.
ECHO_SECONDS = 2.0
_SAME = 0.005
_STOPPED = {StopAction.STOP: "belt stopped", StopAction.PAUSE: "belt paused"}

RunStatus = StartedOrResumedByUser | StoppedOrPausedByUser


@dataclass
class _LastRunCommand:
    """Our last Start or Stop, the status taken as its echo (and when), and whether the
    treadmill refused it (None until answered)."""

    command: StartOrResume | StopOrPause
    sent_at: float
    refused: bool | None = None
    echo: tuple[RunStatus, float] | None = None

    def echoed_by(self, status: RunStatus, now: float) -> bool:
        """True, and remembered, when `status` is this command's echo."""
        match status, self.command:
            case StoppedOrPausedByUser(action=heard), StopOrPause(action=sent):
                same = heard is sent
            case StartedOrResumedByUser(), StartOrResume():
                same = True
            case _:
                same = False
        timely = now - self.sent_at <= ECHO_SECONDS
        if not same or not timely or self.echo is not None or self.refused:
            return False
        self.echo = (status, now)
        return True


class StatusWatch:
    def __init__(self, controller: TreadmillController) -> None:
        self._controller = controller
        self._last: _LastRunCommand | None = None

    def sent(self, command: ControlCommand, now: float) -> None:
        if isinstance(command, StartOrResume | StopOrPause):
            self._last = _LastRunCommand(command, now)

    def answered(self, command: ControlCommand, response: ControlResponse) -> None:
        """The treadmill's answer to `command`: a refused Start or Stop had no echo, so a
        status taken as its echo was the console's after all."""
        last = self._last
        if last is None or last.command is not command or last.refused is not None:
            return
        last.refused = not response.succeeded
        if last.refused and last.echo is not None:
            status, at = last.echo
            self._last = None
            self._console(status, at)

    def handle(self, status: MachineStatus, now: float) -> None:
        state, sent = self._controller.state, self._controller.state.sent
        match status:
            case StoppedBySafetyKey():
                self._last = None
                self._note(now, "safety key pulled")
                state.belt_stopped()
                state.forget_plans()
                self._controller.say(Alert.SAFETY_KEY)
            case StoppedOrPausedByUser() | StartedOrResumedByUser():
                if self._last is None or not self._last.echoed_by(status, now):
                    self._last = None
                    self._console(status, now)
            case TargetSpeedChanged(speed_kmh=value) if not _same(value, sent.target_speed):
                if self._refused_claim("speed", value):
                    return
                self._note(now, "speed", value)
                state.check, state.sent = None, replace(sent, claimed_speed=value)
                self._controller.warn_if_above_ceiling(value)
            case TargetInclinationChanged(inclination_percent=value) if not _same(
                value, sent.target_incline
            ):
                if self._refused_claim("incline", value):
                    return
                self._note(now, "incline", value)
                state.check, state.sent = None, replace(sent, claimed_incline=value)
            case ControlPermissionLost() | MachineReset():
                self._note(now, "control taken back")
                if state.control is Control.ON:
                    self._controller.by_hand(Alert.CONTROL_LOST)

    def _console(self, status: RunStatus, now: float) -> None:
        """A start or stop somebody else made: recorded, and acted on."""
        state = self._controller.state
        if isinstance(status, StartedOrResumedByUser):
            self._note(now, "belt started")
            self._controller.console_started(now)
            return
        self._note(now, _STOPPED[status.action])
        state.belt_stopped()
        state.wanted = state.check = None
        self._controller.say(Alert.CONSOLE_STOP)

    def _refused_claim(self, what: str, value: float) -> bool:
        if math.isfinite(value):
            return False
        problem = f"a status claimed a target {what} of {value}: not a number, ignored"
        self._controller.report.problems.append(problem)
        return True

    def _note(self, now: float, change: str, value: float | None = None) -> None:
        self._controller.report.console_changes.append(ConsoleChange(now, change, value))


def _same(value: float, target: float | None) -> bool:
    return target is not None and abs(value - target) < _SAME
