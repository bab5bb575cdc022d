"""Fitness Machine Status, sorted and acted on: what the app's own commands caused, and what
somebody did at the console (or another app did), which the record keeps as console changes.

FTMS notifies a change made by one client to the others, and some machines echo it to the
client that made it too; an echo of our own last command is not a console change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrowalk.devices.alerts import Alert, ConsoleChange
from retrowalk.devices.control_state import Control
from retrowalk.devices.ftms_control import ControlCommand, OpCode, StopAction
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
from retrowalk.devices.safety import Sent

if TYPE_CHECKING:
    from retrowalk.devices.controller import TreadmillController

# An echo of our own Start or Stop arrives at once; later ones were pressed at the console.
ECHO_SECONDS = 2.0
_SAME = 0.005
_STOPPED = {StopAction.STOP: "belt stopped", StopAction.PAUSE: "belt paused"}


class StatusWatch:
    def __init__(self, controller: TreadmillController) -> None:
        self._controller = controller
        self._sent_at: dict[OpCode, float] = {}

    def sent(self, command: ControlCommand, now: float) -> None:
        self._sent_at[command.op_code] = now

    def handle(self, status: MachineStatus, now: float) -> None:
        state, sent = self._controller.state, self._controller.state.sent
        match status:
            case StoppedBySafetyKey():
                self._note(now, "safety key pulled")
                state.belt_stopped()
                state.forget_plans()
                self._controller.say(Alert.SAFETY_KEY)
            case StoppedOrPausedByUser(action=action) if not self._ours(OpCode.STOP_OR_PAUSE, now):
                self._note(now, _STOPPED[action])
                state.belt_stopped()
                state.wanted = state.check = None
                self._controller.say(Alert.CONSOLE_STOP)
            case StartedOrResumedByUser() if not self._ours(OpCode.START_OR_RESUME, now):
                self._note(now, "belt started")
                self._controller.console_started(now)
            case TargetSpeedChanged(speed_kmh=value) if not _same(value, sent.speed):
                self._note(now, "speed", value)
                state.check, state.sent = None, Sent(value, sent.incline, sent.raised_at)
                self._controller.warn_if_above_ceiling(value)
            case TargetInclinationChanged(inclination_percent=value) if not _same(
                value, sent.incline
            ):
                self._note(now, "incline", value)
                state.check, state.sent = None, Sent(sent.speed, value, sent.raised_at)
            case ControlPermissionLost() | MachineReset():
                self._note(now, "control taken back")
                if state.control is Control.ON:
                    self._controller.by_hand(Alert.CONTROL_LOST)

    def _note(self, now: float, change: str, value: float | None = None) -> None:
        self._controller.report.console_changes.append(ConsoleChange(now, change, value))

    def _ours(self, op_code: OpCode, now: float) -> bool:
        sent = self._sent_at.get(op_code)
        return sent is not None and now - sent <= ECHO_SECONDS


def _same(value: float, sent: float | None) -> bool:
    return sent is not None and abs(value - sent) < _SAME
