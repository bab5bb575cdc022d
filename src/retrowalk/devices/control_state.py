"""Who sets the belt, what the coach wants of it, and what the controller knows of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from retrowalk.devices.follow import FollowCheck
from retrowalk.devices.safety import Sent


class Control(StrEnum):
    OFF = "off"  # read-only, until the walker turns control on
    ON = "on"
    BY_HAND = "by_hand"  # refused, taken back or not followed: the walker sets the console


@dataclass(frozen=True, slots=True)
class Target:
    speed_kmh: float
    incline_percent: float = 0.0


@dataclass
class BeltState:
    """`armed` is a setting waiting for the walker's start; `check` the speed being read back;
    `stop_owed` a Stop still to be sent (the link dropped, or the treadmill did not answer)."""

    control: Control = Control.OFF
    had_control: bool = False
    link_up: bool = False
    running: bool = False
    stop_owed: bool = False
    sent: Sent = field(default_factory=Sent)
    wanted: Target | None = None
    armed: Target | None = None
    check: FollowCheck | None = None

    @property
    def commanding(self) -> bool:
        """Speeds may be sent: never while a Stop is owed (the belt's state is unknown)."""
        return self.control is Control.ON and self.link_up and self.running and not self.stop_owed

    def forget_plans(self) -> None:
        self.wanted = self.armed = self.check = None

    def belt_stopped(self) -> None:
        # A stopped belt keeps its incline: the next start raises it only by whole steps.
        sent = self.sent
        self.running = False
        self.sent = Sent(None, sent.incline, None, claimed_incline=sent.claimed_incline)

    def started(self, reported_incline: float | None, now: float) -> None:
        sent = self.sent
        incline = sent.incline if sent.incline is not None else reported_incline
        self.running = True
        self.sent = Sent(None, incline, now, claimed_incline=sent.claimed_incline)
