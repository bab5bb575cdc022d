"""Pause and stop on a treadmill that sets itself: the belt is told to stop at that moment, is
never told to move while paused or after the stop, and moves again only on going on."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.clock import SimulatedClock
from retrowalk.coach.inbox import WalkerCommand
from retrowalk.coach.record import WalkRecord
from retrowalk.coach.runner import Runner
from retrowalk.coach.session import runner_for
from retrowalk.domain.units import Speed
from tests.coach.builders import ObedientWalker, walk


@dataclass
class TimedBelt:
    """A treadmill that sets itself and notes when each setting came."""

    clock: SimulatedClock
    settings: list[tuple[float, BeltSetting]] = field(default_factory=list)
    walker_confirms: bool = False

    def apply(self, setting: BeltSetting) -> bool:
        self.settings.append((self.clock.now(), setting))
        return True

    def moving_at(self, moment: float) -> bool:
        """Whether the last setting at or before `moment` left the belt moving."""
        before = [s for at, s in self.settings if at <= moment + 1e-9]
        return bool(before) and before[-1].moving

    def moves_between(self, start: float, end: float) -> list[BeltSetting]:
        return [s for at, s in self.settings if start < at < end and s.moving]


class Walk:
    def __init__(self) -> None:
        self.clock = SimulatedClock()
        self.belt = TimedBelt(self.clock)
        walker = ObedientWalker()
        self.runner: Runner = runner_for(walk(speed=0.7), self.clock, walker, self.belt)
        walker.inbox = self.runner.inbox

    def press(self, at: float, command: WalkerCommand) -> None:
        self.clock.call_at(at, lambda: self.runner.inbox.post(command))

    def run(self) -> WalkRecord:
        return self.runner.run()


def test_pausing_stops_the_belt_and_going_on_starts_it_at_the_walks_speed() -> None:
    session = Walk()
    session.press(100, WalkerCommand.TOGGLE_PAUSE)
    session.press(200, WalkerCommand.TOGGLE_PAUSE)

    session.run()

    assert session.belt.moving_at(99)
    assert not session.belt.moving_at(100)
    assert session.belt.moves_between(100, 200) == []
    assert session.belt.moving_at(200)
    resumed = [s for at, s in session.belt.settings if at == pytest.approx(200)]
    assert resumed[-1] == BeltSetting(Speed.mph(0.7), 0.0)


def test_stopping_stops_the_belt_and_nothing_moves_it_afterwards() -> None:
    session = Walk()
    session.press(150, WalkerCommand.STOP)

    record = session.run()

    assert record.stopped_early
    assert session.belt.moving_at(149)
    assert not session.belt.moving_at(150)
    assert session.belt.settings[-1][1].moving is False
    assert session.belt.moves_between(150, float("inf")) == []


def test_stopping_during_a_pause_leaves_the_belt_stopped() -> None:
    session = Walk()
    session.press(90, WalkerCommand.TOGGLE_PAUSE)
    session.press(150, WalkerCommand.STOP)

    session.run()

    assert not session.belt.moving_at(90)
    assert session.belt.moves_between(90, float("inf")) == []
    assert session.belt.settings[-1][1].moving is False


def test_an_interrupt_from_the_keyboard_stops_the_belt() -> None:
    session = Walk()

    def interrupt() -> None:
        raise KeyboardInterrupt

    session.clock.call_at(75, interrupt)

    record = session.run()

    assert record.stopped_early
    assert session.belt.settings[-1][1].moving is False
    assert session.belt.moves_between(75, float("inf")) == []
