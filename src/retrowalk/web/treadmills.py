"""Treadmills connected on the server side (`retrowalk serve --device`): the live page's belt,
one walk's treadmill per walker.

The treadmill is opened when the walker's live session starts (`setup`), with the device layer's
`connected_belt`: the safety controller on its own thread, beating about once a second, its 1 Hz
samples counted from the opening. Only `start`, called for the walker's own tap, starts a belt;
nothing here starts one on a timer. `end` (the walk finished, or STOP) stops the belt first, then
lets the treadmill go, keeping its record for the log; with a Stop still owed (the link dropped)
it stays open, so the controller keeps trying to reconnect and stop it, until the walk is logged
or the app leaves. An error on a call stops and lets go of that walk's treadmill.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from typing import TypeVar

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.clock import Clock
from retrowalk.coach.walk import TodaysWalk
from retrowalk.devices.control_state import Control
from retrowalk.devices.opening import DeviceChoice, connected_belt
from retrowalk.devices.walk_treadmill import ENDS_THE_WALK, WalkTreadmill
from retrowalk.domain.errors import DeviceError, InputError
from retrowalk.domain.treadmill_record import DeviceTrace
from retrowalk.web.belt import STOPPED, BeltMode, BeltNews, BeltSetup, Told, WalkOn

Opener = Callable[[TodaysWalk], AbstractContextManager[WalkTreadmill]]
# The live page asks for news about once a second. A running belt that hears nothing from it for
# this long (the browser closed, the phone died) is stopped: a stopped belt with nobody coaching
# is safer than a running one.
SILENCE_SECONDS = 20.0
SILENT_PAGE = "the live page went silent, so retrowalk stopped the belt"
Answer = TypeVar("Answer")
A_TREADMILL = BeltSetup(BeltMode.WALKER_STARTS, "the treadmill")  # with control, name unknown
_log = logging.getLogger(__name__)


def intended_for(choice: DeviceChoice) -> BeltSetup:
    """How the chosen treadmill is meant to take part, before it is opened (its own name comes
    when it is)."""
    mode = BeltMode.WALKER_STARTS if choice.control else BeltMode.BY_HAND
    name = "Virtual treadmill" if choice.device == "virtual" else f"Treadmill {choice.device}"
    return BeltSetup(mode, name)


def opener_for(choice: DeviceChoice, clock: Clock) -> Opener:
    """Opens the chosen treadmill (`virtual` or an address) for a walk, on `clock`."""

    def open_for(walk: TodaysWalk) -> AbstractContextManager[WalkTreadmill]:
        return connected_belt(choice, walk, clock)

    return open_for


class _Walk:
    """One walker's walk on the treadmill; `trace` is kept from the moment the walk ended."""

    def __init__(self, seq: int, belt: WalkTreadmill, exits: ExitStack) -> None:
        self.seq, self.belt, self.exits = seq, belt, exits
        self.trace: DeviceTrace | None = None
        self.closed = False
        self.last_heard = 0.0
        # One call at a time: a STOP, or letting go, waits for a start under way, so the Stop is
        # always the treadmill's last command.
        self.lock = threading.RLock()

    def let_go(self) -> None:
        """Stop the belt (connected_belt always does, first) and let the treadmill go."""
        with self.lock:
            if self.closed:
                return
            self.closed = True
            try:
                self.exits.close()
            except Exception:  # the app must go on closing the others, and say what went wrong
                _log.exception("closing the treadmill of session %s", self.seq)


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
        self._walks: dict[int, _Walk] = {}
        self._lock = threading.Lock()
        self._closing = threading.Event()
        if watch_every is not None:
            threading.Thread(target=self._watch, args=(watch_every,), daemon=True).start()

    def stop_silent_belts(self) -> list[int]:
        """Stop every running belt whose live page has been silent too long; their walkers."""
        silent = []
        for walker_id, on in list(self._walks.items()):
            running = on.belt.session.controller.state.running
            quiet = self._now() - on.last_heard > SILENCE_SECONDS
            if running and quiet and not on.closed and on.trace is None and self.stop(walker_id):
                on.belt.session.controller.report.partial_reasons.append(SILENT_PAGE)
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

    def setup(self, walk: WalkOn) -> BeltSetup:
        return _setup(self._walk(walk, again=True).belt)

    def apply(self, walk: WalkOn, setting: BeltSetting) -> bool:
        on = self._walk(walk)
        return self._call(on, lambda: on.belt.apply(setting).applied)

    def start(self, walk: WalkOn, setting: BeltSetting) -> bool:
        on = self._walk(walk)

        def walker_start() -> bool:
            on.belt.apply(setting)  # a stopped belt: only made ready
            return on.belt.start()  # the walker's tap sends Start

        return self._call(on, walker_start)

    def stop(self, walker_id: int) -> bool:
        on = self._walks.get(walker_id)
        if on is None:
            return False
        with on.lock:
            if on.trace is not None or on.closed:
                return False  # the walk is over: its belt was stopped already
            return self._guard(on, lambda: on.belt.apply(STOPPED).applied)

    def end(self, walker_id: int) -> None:
        on = self._walks.get(walker_id)
        if on is None:
            return
        with on.lock:
            if on.trace is not None or on.closed:
                return
            try:
                self._guard(on, lambda: on.belt.apply(STOPPED))
            finally:
                on.trace = on.trace or _trace(on.belt)
                if not on.belt.session.controller.state.stop_owed:
                    on.let_go()

    def heartbeat(self, walker_id: int) -> None:
        on = self._walks.get(walker_id)
        if on is not None:
            on.last_heard = self._now()

    def news(self, walker_id: int, since: int) -> BeltNews:
        on = self._walks.get(walker_id)
        if on is None:
            return BeltNews(BeltSetup(BeltMode.BY_HAND))
        controller, urgent_alert = on.belt.session.controller, on.belt.urgent_alert
        told = tuple(
            Told(number, given.alert.value, given.text, given.alert in ENDS_THE_WALK)
            for number, given in enumerate(list(controller.report.alerts), start=1)
            if number > since
        )
        up = not on.closed and controller.state.link_up
        urgent = None if urgent_alert is None else urgent_alert.text
        speed = controller.totals.latest.speed_kmh if up else None
        running = up and controller.state.running
        session = on.belt.session
        heart_rate = session.heart_rate()
        pulse = session.strap is not None or heart_rate is not None
        return BeltNews(_setup(on.belt), up, running, speed, told, urgent, pulse, heart_rate)

    def trace(self, walker_id: int, seq: int) -> DeviceTrace | None:
        on = self._walks.get(walker_id)
        if on is None or on.seq != seq:
            return None
        return on.trace or _trace(on.belt)

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

    def _walk(self, walk: WalkOn, again: bool = False) -> _Walk:
        """The walk's treadmill, opened if it is not open for this walk. A live session that
        starts (again) opens it afresh: the belt of an earlier start is stopped and let go."""
        with self._lock:
            on = self._walks.get(walk.walker_id)
            if on is not None and on.seq == walk.seq and not again:
                if on.trace is not None:
                    allowed = "this walk has ended; open the live session again to walk it"
                    raise InputError("seq", walk.seq, allowed)
                on.last_heard = self._now()
                return on
            if on is not None:
                on.let_go()
            self._walks[walk.walker_id] = on = _open(self._opener, walk)
            on.last_heard = self._now()
            return on

    def _call(self, on: _Walk, action: Callable[[], Answer]) -> Answer:
        with on.lock:
            if on.trace is not None or on.closed:
                raise InputError("seq", on.seq, "this walk has ended; its treadmill was let go")
            return self._guard(on, action)

    @staticmethod
    def _guard(on: _Walk, action: Callable[[], Answer]) -> Answer:
        """Run `action` on the walk's belt; on an error, stop and let go of the treadmill."""
        try:
            return action()
        except Exception as error:
            on.trace = on.trace or _trace(on.belt)
            on.let_go()
            said = str(error) or type(error).__name__
            raise DeviceError(
                f"the treadmill failed ({said}); retrowalk told it to stop and let it go. "
                "Use the safety key if the belt still moves."
            ) from error


def _open(opener: Opener, walk: WalkOn) -> _Walk:
    exits = ExitStack()
    try:
        belt = exits.enter_context(opener(walk.walk))
        belt.session.begin()
    except BaseException:
        exits.close()
        raise
    return _Walk(walk.seq, belt, exits)


def _setup(belt: WalkTreadmill) -> BeltSetup:
    controller = belt.session.controller
    on = controller.state.control is Control.ON
    return BeltSetup(
        BeltMode.WALKER_STARTS if on else BeltMode.BY_HAND, controller.report.treadmill
    )


def _trace(belt: WalkTreadmill) -> DeviceTrace:
    return belt.trace()
