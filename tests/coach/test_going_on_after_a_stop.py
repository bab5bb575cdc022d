"""Going on after a STOP, on a connected treadmill that starts only on the walker's own start: the
runner arms the belt before it asks, so the walker is asked in the armed belt's words, their
Enter starts it, and session time runs only from that start, as at every set's start."""

from __future__ import annotations

import pytest

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.belt_desk import BeltDesk
from retrowalk.coach.clock import SimulatedClock
from retrowalk.coach.inbox import WalkerCommand
from retrowalk.coach.record import WalkRecord
from retrowalk.coach.session import runner_for, walk_through
from retrowalk.domain.cues import Cue, MessageKind
from retrowalk.domain.stop_reason import StopReason
from retrowalk.domain.units import Speed
from tests.coach.builders import ArmingTreadmill, ObedientWalker, ScriptedCheckIn, walk

GOING_ON_REASONS = [StopReason.MISTAKE, StopReason.INTERRUPTED]
ARMED_WORDING = "Enter starts the belt at 0.7 mph."  # ArmingTreadmill's own prompt


class Walk:
    """Two 3-minute sets at 0.7 mph with a minute's rest, on the arming treadmill through the
    belt desk, as the terminal wires it; the walker's keys reach the treadmill first."""

    def __init__(self, reason: StopReason, away: float, presses_enter: bool = True) -> None:
        self.clock = SimulatedClock()
        self.treadmill = ArmingTreadmill(self.clock)
        self.walker = ObedientWalker()
        desk = BeltDesk(self.treadmill)
        self.runner = runner_for(
            walk(minutes=6, sets=(3.0, 3.0)), self.clock, desk.speaking_for(self.walker), desk
        )
        self.keys = desk.keys_for(self.runner.inbox)
        self.walker.inbox = self.keys if presses_enter else None
        desk.attach(self.runner.inbox, self.walker)
        self.check_in = ScriptedCheckIn(self.clock, [reason], [True], away=away)

    def press(self, at: float, command: WalkerCommand) -> None:
        self.clock.call_at(at, lambda: self.keys.post(command))

    def look_at(self, at: float) -> list[tuple[float, bool]]:
        """At `at`: the walk's walking time, and whether the treadmill runs its belt."""
        seen: list[tuple[float, bool]] = []
        self.clock.call_at(
            at, lambda: seen.append((self.runner.view().walked, self.treadmill.running))
        )
        return seen

    def play(self) -> WalkRecord:
        record, _ = walk_through(self.runner, self.check_in, self.runner.run)
        return record

    def prompts_after_going_on(self) -> list[str]:
        said = self.walker.messages
        going_on = max(i for i, message in enumerate(said) if message.cue is Cue.GOING_ON)
        return [m.text for m in said[going_on:] if m.kind is MessageKind.PROMPT]

    def moving_settings(self) -> list[tuple[float, BeltSetting]]:
        return [(at, s) for at, s in self.treadmill.settings if s.moving]


@pytest.mark.parametrize("reason", GOING_ON_REASONS)
def test_going_on_arms_the_belt_first_and_the_walkers_enter_starts_it(reason: StopReason):
    session = Walk(reason, away=30)
    session.press(100, WalkerCommand.STOP)

    record = session.play()

    assert session.prompts_after_going_on()[0] == ARMED_WORDING
    # Set 1 at 0; going on at 130, armed before the walker was asked; set 2 at 130 + 80 + 60.
    assert session.treadmill.starts == [0, 130, 270]
    assert [at for at, _ in session.moving_settings()] == [0, 130, 270]
    assert {s.speed for _, s in session.moving_settings()} == {Speed.mph(0.7)}
    assert [(p.at, p.seconds) for p in record.pauses] == [(100, 30)]
    assert [w.reason for w in record.went_on] == [reason]
    assert record.minutes_walked == 6 and not record.stopped_early


@pytest.mark.parametrize("reason", GOING_ON_REASONS)
def test_session_time_stands_until_the_walkers_enter_starts_the_armed_belt(reason: StopReason):
    session = Walk(reason, away=30, presses_enter=False)
    for at in (0, 1):  # the set-up, then set 1's start: session time is the clock less 1 s
        session.press(at, WalkerCommand.CONFIRM)
    session.press(101, WalkerCommand.STOP)
    waiting = session.look_at(140)
    session.press(150, WalkerCommand.CONFIRM)  # going on
    walking = session.look_at(160)
    session.press(150 + 80 + 60 + 5, WalkerCommand.CONFIRM)  # set 2

    record = session.play()

    assert waiting == [(100, False)]  # armed, not started: time stood
    assert walking == [(110, True)]
    assert session.treadmill.starts[1] == 150
    assert [(p.at, p.seconds) for p in record.pauses] == [(100, 30)]  # till going on
    assert record.minutes_walked == 6


def test_a_stop_while_the_armed_belt_waited_for_enter_arms_it_again_on_going_on():
    session = Walk(StopReason.MISTAKE, away=30, presses_enter=False)
    session.press(0, WalkerCommand.CONFIRM)  # the set-up; set 1's belt is armed
    session.press(10, WalkerCommand.STOP)  # before the walker started it
    for at in (50, 50 + 180 + 60 + 5):  # going on, then set 2
        session.press(at, WalkerCommand.CONFIRM)

    record = session.play()

    assert session.prompts_after_going_on()[0] == ARMED_WORDING
    assert session.treadmill.starts[0] == 50
    assert record.minutes_walked == 6
