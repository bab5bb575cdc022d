"""The belt port as a connected treadmill implements it: the device answers what a setting did
and tells its alerts through a callback; it never sees the coach's voice, inbox or screen.

`apply` answers applied (the treadmill set it), armed (a stopped belt made ready: it starts on
the walker's own start, asked for with `prompt`) or by hand (the walker sets the console, for
`reason`). The coach's side of it, which speaks, shows and posts to the runner, is
coach/belt_desk.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from retrowalk.coach.belt import BeltSetting
from retrowalk.domain.cues import Message
from retrowalk.domain.treadmill_record import DeviceTrace


class Took(StrEnum):
    APPLIED = "applied"
    ARMED = "armed"
    BY_HAND = "by_hand"


@dataclass(frozen=True, slots=True)
class BeltAnswer:
    """What a setting did: `prompt` asks for the walker's start of an armed belt; `reason` says
    why the walker sets the console by hand."""

    took: Took
    prompt: Message | None = None
    reason: str = ""

    @property
    def applied(self) -> bool:
        return self.took is Took.APPLIED


@dataclass(frozen=True, slots=True)
class BeltAlert:
    """Something the treadmill says at once; `ends_walk` when the walk cannot go on (a pulled
    safety key, a lost link), so the runner stops where it stands."""

    message: Message
    ends_walk: bool = False


@dataclass(frozen=True, slots=True)
class Pulse:
    """A heart rate to show; `bpm` None while the strap is away or has no reading."""

    bpm: int | None


class ConnectedBelt(Protocol):
    @property
    def running(self) -> bool:
        """True while the belt moves."""
        ...

    def apply(self, setting: BeltSetting) -> BeltAnswer: ...

    def start(self) -> bool:
        """The walker's own start of an armed belt (their Enter, their tap). False keeps the
        coach waiting (the treadmill wants its own Start pressed first)."""
        ...

    def listen(self, on_alert: Callable[[BeltAlert], None]) -> None:
        """Tell every alert from now on to `on_alert` (from the device's thread)."""
        ...

    def urgent(self) -> Message | None:
        """An alert that stays until it is over (a lost link, until the link is back)."""
        ...

    def pulse(self) -> Pulse | None:
        """The pulse to show, when a strap is worn or the treadmill relays one."""
        ...

    def begin(self) -> None:
        """The walk starts: the treadmill's samples count their seconds from now."""
        ...

    def trace(self) -> DeviceTrace:
        """What the treadmill recorded of the walk so far, for its log."""
        ...
