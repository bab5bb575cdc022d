"""The treadmill the live page drives, as the web sees it: the port (`LiveBelt`), and the plain
belt behind it when no treadmill is connected on the server side (`PlainBelt`).

One walk at a time per walker: `intended` says how the belt is meant to take part before
anything is opened (the page shows it), `setup` opens what the walk needs (when the walker starts
the live session, never on a read), `heartbeat` says the walker's live page is still there,
settings and the walker's own start go to that walk's belt, `end` stops the belt (the walk
may still go on after a STOP), `trace` gives the device's record to the log, and `logged` lets
the treadmill go. A treadmill connected
on the server side is `web/treadmills.py`; nothing here loads the device layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

from retrowalk.coach.belt import Belt, BeltSetting
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.treadmill_record import DeviceTrace

STOPPED = BeltSetting(None, moving=False)


class BeltMode(StrEnum):
    BY_HAND = "by_hand"  # the walker sets the console; the page sends nothing that moves
    FOLLOWS = "follows"  # the belt takes every setting itself, starts included
    WALKER_STARTS = "walker_starts"  # it takes every setting, but starts only on the walker's tap


@dataclass(frozen=True, slots=True)
class WalkOn:
    """Today's walk of a walker: the planned session it walks (`seq`) and the coach's walk."""

    walker_id: int
    seq: int
    walk: TodaysWalk


@dataclass(frozen=True, slots=True)
class BeltSetup:
    """How the belt takes part in a walk, and the connected treadmill's name (None: none)."""

    mode: BeltMode
    treadmill: str | None = None


@dataclass(frozen=True, slots=True)
class Told:
    """A device alert for the page: numbered from 1 in the walk, to be shown and spoken."""

    number: int
    alert: str
    text: str
    ends_walk: bool


@dataclass(frozen=True, slots=True)
class BeltNews:
    """What the treadmill says now: the belt as it reports it (`speed_kmh` None while unknown),
    the alerts after the number the page has seen, and the one that stays until it is over."""

    setup: BeltSetup
    connected: bool = False
    running: bool = False
    speed_kmh: float | None = None
    alerts: tuple[Told, ...] = ()
    urgent: str | None = None
    pulse: bool = False  # a strap is worn or the treadmill relays a pulse: show it
    heart_rate: int | None = None  # None while the strap is away or has no reading


@runtime_checkable
class LiveBelt(Protocol):
    def intended(self) -> BeltSetup:
        """How the belt is meant to take part, before anything is opened (opening may find
        less: a treadmill that refuses control leaves the walker to set it by hand)."""
        ...

    def setup(self, walk: WalkOn, going_on: bool = False) -> BeltSetup:
        """The live session starts: open what the walk needs, and say how the belt takes part.
        `going_on`: the walk goes on after a STOP, with what it held (and its record) if it can."""
        ...

    def apply(self, walk: WalkOn, setting: BeltSetting) -> bool:
        """True when the treadmill took the setting itself. A moving setting for a stopped belt
        that waits for the walker's start is only made ready (False)."""
        ...

    def start(self, walk: WalkOn, setting: BeltSetting) -> bool:
        """The walker's own start at `setting`. True when the walk may go on; False keeps the
        page waiting (the alerts say why, e.g. Start must be pressed on the console)."""
        ...

    def stop(self, walker_id: int) -> bool:
        """Stop the belt now (a pause or a rest). True when the treadmill stopped it."""
        ...

    def end(self, walker_id: int) -> None:
        """The walk is over (finished or STOP): stop the belt, keeping its record as it stands
        for the log. The treadmill is held till the walk is logged: after a STOP it may go on."""
        ...

    def heartbeat(self, walker_id: int) -> None:
        """The walker's live page is still there (it says so about once a second)."""
        ...

    def news(self, walker_id: int, since: int) -> BeltNews:
        """What the treadmill says now; a read, changing nothing."""
        ...

    def running(self) -> frozenset[int]:
        """The walkers whose belt retrowalk drives is running now (every page shows a STOP)."""
        ...

    def trace(self, walker_id: int, seq: int) -> DeviceTrace | None:
        """The device's record of walk `seq`, for the log (None without a treadmill)."""
        ...

    def logged(self, walker_id: int) -> None:
        """The walk is logged: forget it (closing the treadmill if it is still open)."""
        ...

    def close(self) -> None:
        """The app is leaving: every belt is stopped and every treadmill let go."""
        ...


@dataclass(frozen=True, slots=True)
class PlainBelt:
    """One coach `Belt` for every walk, with nothing to open: the hand-set belt (the walker sets
    the console), or a belt that follows every setting itself."""

    belt: Belt

    def intended(self) -> BeltSetup:
        return self._setup()

    def setup(self, walk: WalkOn, going_on: bool = False) -> BeltSetup:
        return self._setup()

    def apply(self, walk: WalkOn, setting: BeltSetting) -> bool:
        return self.belt.apply(setting)

    def start(self, walk: WalkOn, setting: BeltSetting) -> bool:
        self.belt.apply(setting)
        return True

    def stop(self, walker_id: int) -> bool:
        return self.belt.apply(STOPPED)

    def end(self, walker_id: int) -> None:
        self.belt.apply(STOPPED)

    def heartbeat(self, walker_id: int) -> None:
        return None

    def news(self, walker_id: int, since: int) -> BeltNews:
        return BeltNews(self._setup())

    def running(self) -> frozenset[int]:
        return frozenset()  # nothing reports a plain belt's state

    def trace(self, walker_id: int, seq: int) -> DeviceTrace | None:
        return None

    def logged(self, walker_id: int) -> None:
        return None

    def close(self) -> None:
        return None

    def _setup(self) -> BeltSetup:
        return BeltSetup(BeltMode.BY_HAND if self.belt.walker_confirms else BeltMode.FOLLOWS)


def live_belt(belt: Belt | LiveBelt | None) -> LiveBelt:
    """The app's belt: a `LiveBelt` as given, a coach `Belt` for every walk, or by default the
    hand-set belt that waits for the walker's confirmation."""
    if isinstance(belt, LiveBelt):
        return belt
    from retrowalk.coach.belt import HandSetBelt

    return PlainBelt(belt or HandSetBelt(confirm=True))
