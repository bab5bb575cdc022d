"""Opening a treadmill for today's walk: connect, read what it can do, check it can give the
dose, and take control if the walker turned it on. Then `connected_belt` keeps it for the walk,
beating about once a second of the session's clock, and always closes with Stop."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from retrowalk.coach.clock import Clock
from retrowalk.coach.walk import TodaysWalk
from retrowalk.devices.coach_belt import AlertDesk, TreadmillBelt
from retrowalk.devices.controller import TreadmillController
from retrowalk.devices.dose_check import check_dose
from retrowalk.devices.link import BleakLink, Link
from retrowalk.devices.loop import DeviceThread
from retrowalk.devices.session import Ticking, TreadmillSession
from retrowalk.devices.virtual.backend import VirtualClientBackend, virtual_device
from retrowalk.devices.virtual.spec import VirtualSpec
from retrowalk.devices.virtual.treadmill import VirtualTreadmill
from retrowalk.domain.errors import DeviceError

VIRTUAL = "virtual"


@dataclass(frozen=True, slots=True)
class DeviceChoice:
    """`device` is "virtual" or a Bluetooth address; `control` is the walker's own choice to let
    retrowalk set the belt; `mph_quirk` is what the equipment profile knows (None: unknown)."""

    device: str
    control: bool = False
    mph_quirk: bool | None = None


def open_belt(
    thread: DeviceThread,
    link: Link,
    walk: TodaysWalk,
    now: Callable[[], float],
    choice: DeviceChoice,
    virtual: Sequence[Ticking] = (),
) -> TreadmillBelt:
    desk = AlertDesk()
    limits = [("today's top speed", walk.speed_ceiling)]
    controller = TreadmillController(link, now, limits, walk.unit, desk.take, choice.mph_quirk)
    session = TreadmillSession(controller, now, virtual=virtual)
    belt = TreadmillBelt(thread, session, walk.unit, desk)
    capabilities = thread.run(controller.open())
    try:
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
def connected_belt(choice: DeviceChoice, walk: TodaysWalk, clock: Clock) -> Iterator[TreadmillBelt]:
    """The treadmill for one walk. However the walk ends (finished, stopped, an error, the app
    leaving), the belt is told to stop before the link is let go."""
    with DeviceThread() as thread:
        link, virtual = _link(choice.device, walk, clock)
        belt = open_belt(thread, link, walk, clock.now, choice, virtual)
        try:
            thread.pace(belt.session.beat, wall_seconds=_wall_seconds_per_second(clock))
            yield belt
        finally:
            _close(thread, belt)


def _link(device: str, walk: TodaysWalk, clock: Clock) -> tuple[Link, list[Ticking]]:
    if device != VIRTUAL:
        return BleakLink(device), []
    spec = VirtualSpec() if walk.treadmill is None else VirtualSpec.like(walk.treadmill)
    treadmill = VirtualTreadmill(clock.now, spec)
    return BleakLink(virtual_device(treadmill), backend=VirtualClientBackend), [treadmill]


def _wall_seconds_per_second(clock: Clock) -> float:
    scale = getattr(clock, "scale", 1.0)
    return 1.0 / scale if isinstance(scale, int | float) and scale > 0 else 1.0


def _close(thread: DeviceThread, belt: TreadmillBelt) -> None:
    try:
        thread.run(belt.session.close())
    except DeviceError as error:
        belt.session.controller.report.problems.append(f"closing: {error}")
