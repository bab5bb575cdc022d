"""Opening a treadmill for today's walk: connect, read what it can do, check it can give the
dose, and take control if the walker turned it on; and the walker's heart-rate strap, if any.
Then `connected_belt` keeps them for the walk, beating about once a second of the session's
clock, and always closes with Stop."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from retrowalk.coach.clock import SessionClock
from retrowalk.coach.walk import TodaysWalk
from retrowalk.devices.alerts import DeviceAlert
from retrowalk.devices.choice import VIRTUAL, DeviceChoice
from retrowalk.devices.controller import TreadmillController
from retrowalk.devices.dose_check import check_dose
from retrowalk.devices.link import BleakLink, Link
from retrowalk.devices.loop import DeviceThread
from retrowalk.devices.session import Ticking, TreadmillSession
from retrowalk.devices.strap_watch import StrapWatch
from retrowalk.devices.virtual.backend import VirtualClientBackend, virtual_device
from retrowalk.devices.virtual.console import heart_rate_of
from retrowalk.devices.virtual.spec import VirtualSpec
from retrowalk.devices.virtual.strap import VirtualStrap
from retrowalk.devices.virtual.treadmill import VirtualTreadmill
from retrowalk.devices.walk_treadmill import WalkTreadmill
from retrowalk.domain.errors import DeviceError

__all__ = ["VIRTUAL", "DeviceChoice", "connected_belt", "open_belt"]


def open_belt(
    thread: DeviceThread,
    link: Link,
    walk: TodaysWalk,
    now: Callable[[], float],
    choice: DeviceChoice,
    virtual: Sequence[Ticking] = (),
    strap: Link | None = None,
) -> WalkTreadmill:
    """The treadmill (and the strap on `strap`, opened first) ready for the walk."""
    limits = [("today's top speed", walk.speed_ceiling)]

    def tell(told: DeviceAlert) -> None:  # the controller's alerts, to the walk's treadmill
        belt.take(told)

    controller = TreadmillController(link, now, limits, walk.unit, tell, choice.mph_quirk)
    watch = None if strap is None else StrapWatch(strap, now)
    session = TreadmillSession(controller, now, watch, virtual)
    belt = WalkTreadmill(thread, session, walk.unit, choice.verdict)
    try:
        if watch is not None:
            thread.run(watch.open())
        capabilities = thread.run(controller.open())
        planned = [s for s in (walk.previous_speed, walk.dose.speed) if s is not None]
        ceiling = None if controller.envelope is None else controller.envelope.ceiling
        check_dose(capabilities, ceiling, planned, walk.dose.incline_percent, walk.unit)
        if choice.control:
            thread.run(controller.take_control())
    except BaseException:
        thread.run(session.close())
        raise
    return belt


@contextmanager
def connected_belt(
    choice: DeviceChoice, walk: TodaysWalk, clock: SessionClock
) -> Iterator[WalkTreadmill]:
    """The treadmill for one walk, opened knowing what the equipment profile knows of it. However
    the walk ends (finished, stopped, an error, the app leaving), the belt is told to stop
    before the link is let go."""
    choice = choice.knowing(walk.mph_verdict)
    with DeviceThread() as thread:
        link, treadmill = _link(choice, walk, clock)
        strap, virtual_strap = _strap(choice, treadmill)
        virtual = [p for p in (treadmill, virtual_strap) if p is not None]
        belt = open_belt(thread, link, walk, clock.now, choice, virtual, strap)
        try:
            thread.pace(belt.session.beat, wall_seconds=_wall_seconds_per_second(clock))
            yield belt
        finally:
            _close(thread, belt)


def _link(
    choice: DeviceChoice, walk: TodaysWalk, clock: SessionClock
) -> tuple[Link, VirtualTreadmill | None]:
    if not choice.virtual:
        return BleakLink(choice.device), None
    faults, own = choice.faults, walk.treadmill
    spec = VirtualSpec(faults=faults) if own is None else VirtualSpec.like(own, faults)
    treadmill = VirtualTreadmill(clock.now, spec)
    return BleakLink(virtual_device(treadmill), backend=VirtualClientBackend), treadmill


def _strap(
    choice: DeviceChoice, treadmill: VirtualTreadmill | None
) -> tuple[Link | None, VirtualStrap | None]:
    if choice.strap is None:
        return None, None
    if not choice.virtual_strap:
        return BleakLink(choice.strap), None
    if treadmill is None:
        strap = VirtualStrap()
    else:  # on the virtual treadmill, the virtual strap's pulse follows the walking
        console = treadmill.console
        strap = VirtualStrap(lambda: heart_rate_of(console))
    return BleakLink(virtual_device(strap), backend=VirtualClientBackend), strap


def _wall_seconds_per_second(clock: SessionClock) -> float:
    scale = getattr(clock, "scale", 1.0)
    return 1.0 / scale if isinstance(scale, int | float) and scale > 0 else 1.0


def _close(thread: DeviceThread, belt: WalkTreadmill) -> None:
    try:
        thread.run(belt.session.close())
    except DeviceError as error:
        belt.session.controller.report.problems.append(f"closing: {error}")
