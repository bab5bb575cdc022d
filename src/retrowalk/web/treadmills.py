"""Treadmills connected on the server side (`retrowalk serve --device`): the live page's belt,
one walk's treadmill per walker, as a thin adapter over the device layer's walk.

The treadmill is opened when the walker's live session starts (`setup`), by the opener the
composition root gives (`bootstrap.treadmill_opener`), and held between the page's calls
(`devices/held_walk.py`: one call at a time, stopped and let go on an error, its record kept when
the walk ends). A STOP stops the belt but holds the treadmill, so going on (`setup` with
`going_on`) carries on with the same treadmill and one record of the whole walk; it is let go
once the walk is logged. Only `start`, called for the walker's own tap, starts a belt; nothing
here starts one on a timer. What is the web's own: one walk per walker, and the watch that
stops a running belt whose page has gone silent (and lets go of a stopped one).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from retrowalk.coach.belt import BeltSetting
from retrowalk.devices.choice import DeviceChoice
from retrowalk.devices.held_walk import HeldWalk, Opener
from retrowalk.devices.walk_treadmill import ENDS_THE_WALK, WalkTreadmill
from retrowalk.domain.errors import InputError
from retrowalk.domain.treadmill_record import DeviceTrace
from retrowalk.web.belt import BeltMode, BeltNews, BeltSetup, Told, WalkOn

# The live page asks for news about once a second. A running belt that hears nothing from it for
# this long (the browser closed, the phone died) is stopped: a stopped belt with nobody coaching
# is safer than a running one.
SILENCE_SECONDS = 20.0
SILENT_PAGE = "the live page went silent, so retrowalk stopped the belt"
A_TREADMILL = BeltSetup(BeltMode.WALKER_STARTS, "the treadmill")  # with control, name unknown
_log = logging.getLogger(__name__)


def intended_for(choice: DeviceChoice) -> BeltSetup:
    """How the chosen treadmill is meant to take part, before it is opened (its own name comes
    when it is)."""
    mode = BeltMode.WALKER_STARTS if choice.control else BeltMode.BY_HAND
    name = "Virtual treadmill" if choice.device == "virtual" else f"Treadmill {choice.device}"
    return BeltSetup(mode, name)


class TreadmillBelts:
    """The `LiveBelt` on a treadmill opened for each walker's walk by `opener`."""

    def __init__(
        self,
        opener: Opener,
        now: Callable[[], float] = time.monotonic,
        watch_every: float | None = 1.0,
        intended: BeltSetup = A_TREADMILL,
    ) -> None:
        self._opener, self._now, self._intended = opener, now, intended
        self._walks: dict[int, HeldWalk] = {}
        self._heard: dict[int, float] = {}  # when each walker's page last spoke
        self._lock = threading.Lock()
        self._closing = threading.Event()
        if watch_every is not None:
            threading.Thread(target=self._watch, args=(watch_every,), daemon=True).start()

    def stop_silent_belts(self) -> list[int]:
        """Stop every running belt whose live page has been silent too long; their walkers."""
        silent = []
        for walker_id, on in list(self._walks.items()):
            if self._now() - self._heard.get(walker_id, 0.0) <= SILENCE_SECONDS:
                continue
            if on.ended and not on.stop_owed:  # stopped, and nobody left to go on: free it
                on.let_go()
            elif on.treadmill.running and not on.ended and on.stop():
                on.treadmill.partial(SILENT_PAGE)
                silent.append(walker_id)
        return silent

    def _watch(self, every: float) -> None:
        while not self._closing.wait(every):
            try:
                self.stop_silent_belts()
            except Exception:  # the watch must outlive one treadmill's failure
                _log.exception("watching for silent live pages")

    def intended(self) -> BeltSetup:
        return self._intended

    def setup(self, walk: WalkOn, going_on: bool = False) -> BeltSetup:
        with self._lock:
            on = self._walks.get(walk.walker_id)
            held = going_on and on is not None and on.seq == walk.seq and on.go_on()
        if on is not None and held:
            self.heartbeat(walk.walker_id)
            return _setup(on.treadmill)
        return _setup(self._walk(walk, again=True).treadmill)

    def apply(self, walk: WalkOn, setting: BeltSetting) -> bool:
        return self._walk(walk).call(lambda treadmill: treadmill.apply(setting).applied)

    def start(self, walk: WalkOn, setting: BeltSetting) -> bool:
        def walker_start(treadmill: WalkTreadmill) -> bool:
            treadmill.apply(setting)  # a stopped belt: only made ready
            return treadmill.start()  # the walker's tap sends Start

        return self._walk(walk).call(walker_start)

    def stop(self, walker_id: int) -> bool:
        on = self._walks.get(walker_id)
        return on is not None and on.stop()

    def end(self, walker_id: int) -> None:
        on = self._walks.get(walker_id)
        if on is not None:
            on.end()

    def heartbeat(self, walker_id: int) -> None:
        if walker_id in self._walks:
            self._heard[walker_id] = self._now()

    def news(self, walker_id: int, since: int) -> BeltNews:
        on = self._walks.get(walker_id)
        if on is None:
            return BeltNews(BeltSetup(BeltMode.BY_HAND))
        treadmill = on.treadmill
        told = tuple(
            Told(number, given.alert.value, given.text, given.alert in ENDS_THE_WALK)
            for number, given in treadmill.alerts_after(since)
        )
        up = not on.closed and treadmill.link_up
        urgent = treadmill.urgent()
        speed = treadmill.speed_kmh() if up else None
        running = up and treadmill.running
        pulse = treadmill.pulse()
        heart_rate = None if pulse is None else pulse.bpm
        return BeltNews(
            _setup(treadmill),
            up,
            running,
            speed,
            told,
            None if urgent is None else urgent.text,
            pulse is not None,
            heart_rate,
        )

    def running(self) -> frozenset[int]:
        walks = list(self._walks.items())
        return frozenset(
            walker_id
            for walker_id, on in walks
            if not on.ended and on.treadmill.link_up and on.treadmill.running
        )

    def trace(self, walker_id: int, seq: int) -> DeviceTrace | None:
        on = self._walks.get(walker_id)
        return None if on is None or on.seq != seq else on.record()

    def logged(self, walker_id: int) -> None:
        with self._lock:
            on = self._walks.pop(walker_id, None)
        if on is not None:
            on.let_go()

    def close(self) -> None:
        self._closing.set()
        with self._lock:
            walks, self._walks = list(self._walks.values()), {}
        for on in walks:
            on.let_go()

    def _walk(self, walk: WalkOn, again: bool = False) -> HeldWalk:
        """The walk's treadmill, opened if it is not open for this walk. A live session that
        starts (again) opens it afresh: the belt of an earlier start is stopped and let go."""
        with self._lock:
            on = self._walks.get(walk.walker_id)
            if on is not None and on.seq == walk.seq and not again:
                if on.trace is not None:
                    allowed = "this walk has ended; open the live session again to walk it"
                    raise InputError("seq", walk.seq, allowed)
            else:
                if on is not None:
                    on.let_go()
                self._walks[walk.walker_id] = on = HeldWalk.open(self._opener, walk.walk, walk.seq)
            self._heard[walk.walker_id] = self._now()
            return on


def _setup(treadmill: WalkTreadmill) -> BeltSetup:
    mode = BeltMode.WALKER_STARTS if treadmill.under_control() else BeltMode.BY_HAND
    return BeltSetup(mode, treadmill.name)
