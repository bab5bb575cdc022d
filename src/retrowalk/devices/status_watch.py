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

The watch only sorts: it answers each status with the actions it calls for (as the envelope in
`safety.py` answers with a command), and the controller carries them out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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
from retrowalk.devices.safety import Sent

# An echo of our own Start or Stop arrives at once; later ones were pressed at the console.
ECHO_SECONDS = 2.0
_SAME = 0.005
_STOPPED = {StopAction.STOP: "belt stopped", StopAction.PAUSE: "belt paused"}

RunStatus = StartedOrResumedByUser | StoppedOrPausedByUser


@dataclass(frozen=True, slots=True)
class Noted:
    """A change made at the console (or by another app), for the record."""

    at: float
    change: str
    value: float | None = None


@dataclass(frozen=True, slots=True)
class Ignored:
    """A status that cannot be acted on, for the record's problems."""

    problem: str


@dataclass(frozen=True, slots=True)
class SafetyKeyPulled:
    """The belt stopped on the safety key: forget every plan and say so."""


@dataclass(frozen=True, slots=True)
class ConsoleStarted:
    """Start pressed at the console: the walker's own start."""

    at: float


@dataclass(frozen=True, slots=True)
class ConsoleStopped:
    """Stop or pause pressed at the console: the belt stopped, the coach wants nothing."""


@dataclass(frozen=True, slots=True)
class SpeedClaimed:
    """The treadmill's speed target became `speed` (its speed parameter), not by our command."""

    speed: float


@dataclass(frozen=True, slots=True)
class InclineClaimed:
    incline: float


@dataclass(frozen=True, slots=True)
class ControlTakenBack:
    """The treadmill took control back (or reset): the walker sets the belt by hand."""


StatusAction = (
    Noted
    | Ignored
    | SafetyKeyPulled
    | ConsoleStarted
    | ConsoleStopped
    | SpeedClaimed
    | InclineClaimed
    | ControlTakenBack
)
Actions = tuple[StatusAction, ...]


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
    """Remembers our last Start or Stop, to tell its echo from the console's."""

    def __init__(self) -> None:
        self._last: _LastRunCommand | None = None

    def sent(self, command: ControlCommand, now: float) -> None:
        if isinstance(command, StartOrResume | StopOrPause):
            self._last = _LastRunCommand(command, now)

    def answered(self, command: ControlCommand, response: ControlResponse) -> Actions:
        """The treadmill's answer to `command`: a refused Start or Stop had no echo, so a
        status taken as its echo was the console's after all."""
        last = self._last
        if last is None or last.command is not command or last.refused is not None:
            return ()
        last.refused = not response.succeeded
        if last.refused and last.echo is not None:
            status, at = last.echo
            self._last = None
            return _console(status, at)
        return ()

    def classify(self, status: MachineStatus, now: float, sent: Sent) -> Actions:
        """What `status`, arriving at `now`, calls for, given what the treadmill was told."""
        match status:
            case StoppedBySafetyKey():
                self._last = None
                return Noted(now, "safety key pulled"), SafetyKeyPulled()
            case StoppedOrPausedByUser() | StartedOrResumedByUser():
                if self._last is None or not self._last.echoed_by(status, now):
                    self._last = None
                    return _console(status, now)
            case TargetSpeedChanged(speed_kmh=value) if not _same(value, sent.target_speed):
                return _claim("speed", value) or (
                    Noted(now, "speed", value),
                    SpeedClaimed(value),
                )
            case TargetInclinationChanged(inclination_percent=value) if not _same(
                value, sent.target_incline
            ):
                return _claim("incline", value) or (
                    Noted(now, "incline", value),
                    InclineClaimed(value),
                )
            case ControlPermissionLost() | MachineReset():
                return Noted(now, "control taken back"), ControlTakenBack()
        return ()


def _console(status: RunStatus, now: float) -> Actions:
    """A start or stop somebody else made: recorded, and acted on."""
    if isinstance(status, StartedOrResumedByUser):
        return Noted(now, "belt started"), ConsoleStarted(now)
    return Noted(now, _STOPPED[status.action]), ConsoleStopped()


def _claim(what: str, value: float) -> Actions:
    """Nothing to do when the claimed `value` is a number; a problem for the record if not."""
    if math.isfinite(value):
        return ()
    return (Ignored(f"a status claimed a target {what} of {value}: not a number, ignored"),)


def _same(value: float, target: float | None) -> bool:
    return target is not None and abs(value - target) < _SAME
