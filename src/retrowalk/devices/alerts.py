"""What the device layer tells the walker and the record: alerts to speak and show at once, and
changes made at the console.

The sentences live here, in one place, until they join the cue catalogue (`domain/cues.py`);
`as_message` gives each the catalogue's delivery (an alert cuts in; a prompt waits for Enter).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from retrowalk.domain.cues import Cue, Message


class Alert(StrEnum):
    LINK_LOST = "link_lost"
    RECONNECTED = "reconnected"
    SAFETY_KEY = "safety_key"
    CONTROL_REFUSED = "control_refused"
    CONTROL_LOST = "control_lost"
    NOT_FOLLOWING = "not_following"
    START_AT_CONSOLE = "start_at_console"
    MPH_QUIRK = "mph_quirk"
    CONSOLE_STOP = "console_stop"
    ABOVE_CEILING = "above_ceiling"
    ABOVE_DOSE = "above_dose"
    DEVICE_ERROR = "device_error"
    PRESS_ENTER_TO_START = "press_enter_to_start"
    TAP_TO_START = "tap_to_start"


SENTENCES: dict[Alert, str] = {
    Alert.LINK_LOST: (
        "The treadmill's Bluetooth link is lost and the belt may still be moving. "
        "Use the safety key to stop it."
    ),
    Alert.RECONNECTED: "The treadmill is connected again, and it has been told to stop.",
    Alert.SAFETY_KEY: "Safety key pulled: the belt has stopped, and this set ends here.",
    Alert.CONTROL_REFUSED: (
        "The treadmill did not give retrowalk control. Set the belt on the console when asked."
    ),
    Alert.CONTROL_LOST: "The treadmill took control back. Set the belt on the console when asked.",
    Alert.NOT_FOLLOWING: (
        "The treadmill is not following retrowalk. Set the belt on the console to {setting}."
    ),
    Alert.START_AT_CONSOLE: (
        "This treadmill starts only from its console. Press Start there, then press Enter."
    ),
    Alert.MPH_QUIRK: (
        "This treadmill reads speeds as miles per hour. retrowalk has corrected the speed."
    ),
    Alert.CONSOLE_STOP: "The belt was stopped on the console.",
    Alert.ABOVE_CEILING: (
        "The belt is faster than today's top speed of {ceiling}. Slow it down on the console."
    ),
    Alert.ABOVE_DOSE: (
        "This treadmill's slowest speed is {slowest}, faster than today's dose. "
        "Stop if that is too fast, and tell your clinician."
    ),
    Alert.DEVICE_ERROR: (
        "Something went wrong with the treadmill, so retrowalk told it to stop. "
        "Use the safety key if the belt still moves."
    ),
    Alert.PRESS_ENTER_TO_START: "Press Enter to start the belt at {setting}.",
    Alert.TAP_TO_START: "Tap Start the belt to start it at {setting}.",
}

# The catalogue entry whose delivery each alert shares until it has a cue of its own.
_DELIVERY = {Alert.PRESS_ENTER_TO_START: Cue.BELT_START, Alert.TAP_TO_START: Cue.BELT_START}


@dataclass(frozen=True, slots=True)
class DeviceAlert:
    alert: Alert
    text: str
    at: float


def alert(kind: Alert, at: float, **blanks: str) -> DeviceAlert:
    return DeviceAlert(kind, SENTENCES[kind].format(**blanks), at)


def as_message(device_alert: DeviceAlert) -> Message:
    return Message(_DELIVERY.get(device_alert.alert, Cue.STOPPED), device_alert.text)


@dataclass(frozen=True, slots=True)
class ConsoleChange:
    """A change someone made at the console (or another app), seen in Fitness Machine Status."""

    at: float
    change: str
    value: float | None = None
