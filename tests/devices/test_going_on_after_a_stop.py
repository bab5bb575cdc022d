"""Going on after a STOP on a treadmill the app controls, as `retrowalk go --device virtual
--control` walks it: the real runner, the belt desk and the virtual treadmill on a simulated
clock. Going on is started the way a set is: the belt is armed first, the walker is asked for
the Enter that starts it (in the treadmill's words), that Enter sends the FTMS Start, the belt
climbs to the dose's speed and no higher, and the walk's time runs only while the belt moves."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import pytest

from retrowalk.coach.inbox import WalkerCommand
from retrowalk.devices.ftms_control import OpCode, SetTargetSpeed
from retrowalk.devices.report import DeviceReport
from retrowalk.domain.cues import Cue, MessageKind
from retrowalk.domain.stop_reason import StopReason
from tests.coach.builders import ScriptedCheckIn, walk
from tests.devices.harness import DeviceWalk

# Exact by definition; written out, never imported from the code under test.
KM_PER_MILE = 1.609344
METRES_PER_SECOND_IN_ONE_MPH = 0.44704
DOSE_MPH = 0.7
# The treadmill's grid is 0.1 mph written in km/h (0.16 steps): 0.7 mph is 1.12 km/h on it.
DOSE_ON_THE_GRID_KMH = 1.12

# Two 2-minute sets at 0.7 mph with a minute's rest; set 2 begins at 180 s of session time.
TWO_SETS = walk(minutes=4, sets=(2.0, 2.0), speed=DOSE_MPH)
STOP_AT, AWAY = 60.0, 20.0
GOES_ON_AT = STOP_AT + AWAY  # on the clock: the walker answered and chose to go on
DEVICE_WORDING = f"Press Enter to start the belt at {DOSE_MPH} mph."
BY_HAND_WORDING = "Start the belt at"
GOING_ON_REASONS = [StopReason.MISTAKE, StopReason.INTERRUPTED]


@dataclass(frozen=True, slots=True)
class Moment:
    """One look, each second: the clock, the walk's walking time, whether the treadmill runs
    its belt (from the moment it takes a Start) and the belt's speed as the treadmill moved it
    at its last beat."""

    clock: float
    walked: float
    running: bool
    belt_kmh: float


def _watch(session: DeviceWalk, until: float) -> list[Moment]:
    """A look each second, just after the treadmill's beat has moved the belt."""
    seen: list[Moment] = []

    def look() -> None:
        console = session.treadmill.console
        walked = session.runner.view().walked
        seen.append(Moment(session.clock.now(), walked, console.running, console.motion.speed_kmh))

    for second in range(int(until)):
        session.clock.call_at(second + 0.75, look)
    return seen


def _walked_while_the_belt_stood(seen: list[Moment]) -> list[float]:
    """The clock times at which walking time had run on since the last look while the treadmill
    ran its belt at neither look (a look a second apart sees a start or a stop between them)."""
    return [
        now.clock
        for before, now in pairwise(seen)
        if now.walked > before.walked and not (before.running or now.running)
    ]


def _starts(session: DeviceWalk) -> list[float]:
    return [at for at, _ in session.sent(OpCode.START_OR_RESUME)]


def _said_after_going_on(session: DeviceWalk) -> list[str]:
    said = session.said()
    going_on = max(i for i, message in enumerate(said) if message.cue is Cue.GOING_ON)
    return [m.text for m in said[going_on:] if m.kind is MessageKind.PROMPT]


def _mph(report: DeviceReport, second: int) -> float | None:
    sample = next(s for s in report.samples if s.second == second)
    speed = sample.speed_mps
    return None if speed is None else round(speed / METRES_PER_SECOND_IN_ONE_MPH, 2)


def _never_above_the_dose(session: DeviceWalk) -> None:
    for _, command in session.sent(OpCode.SET_TARGET_SPEED):
        assert isinstance(command, SetTargetSpeed)
        assert command.speed_kmh <= DOSE_ON_THE_GRID_KMH + 1e-9
    assert session.treadmill.console.motion.speed_kmh <= DOSE_MPH * KM_PER_MILE


@pytest.mark.parametrize("reason", GOING_ON_REASONS)
def test_going_on_arms_the_belt_asks_for_enter_in_the_treadmills_words_and_enter_starts_it(
    reason: StopReason,
) -> None:
    session = DeviceWalk(TWO_SETS)  # the walker presses Enter at every prompt
    check_in = ScriptedCheckIn(session.clock, [reason], [True], away=AWAY)
    session.press(STOP_AT, WalkerCommand.STOP)
    seen = _watch(session, 400)

    record, report = session.run(check_in=check_in)

    assert _said_after_going_on(session)[0] == DEVICE_WORDING
    assert not any(BY_HAND_WORDING in text for text in _said_after_going_on(session))
    starts = _starts(session)
    assert len(starts) == 3  # set 1, going on, set 2
    assert starts[1] == pytest.approx(GOES_ON_AT)
    assert _mph(report, int(GOES_ON_AT) + 10) == DOSE_MPH  # climbed back to the dose's speed
    _never_above_the_dose(session)
    assert _walked_while_the_belt_stood(seen) == []
    assert [(p.at, p.seconds) for p in record.pauses] == [(STOP_AT, AWAY)]
    assert [w.reason for w in record.went_on] == [reason]
    assert record.minutes_walked == 4 and not record.stopped_early


@pytest.mark.parametrize("reason", GOING_ON_REASONS)
def test_walking_time_waits_for_the_walkers_enter_and_the_belt_it_starts(
    reason: StopReason,
) -> None:
    session = DeviceWalk(TWO_SETS, walker_presses_enter=False)
    check_in = ScriptedCheckIn(session.clock, [reason], [True], away=AWAY)
    # The set-up at 0, set 1's Enter at 1: session time is the clock less a second till STOP.
    stop_at, back_at = STOP_AT + 1, STOP_AT + 1 + AWAY
    enter_at = back_at + 15  # the walker takes a while to get set again
    for at in (0, 1, enter_at, enter_at + 60 + 60 + 5):  # set-up, set 1, going on, set 2
        session.press(at, WalkerCommand.CONFIRM)
    session.press(stop_at, WalkerCommand.STOP)
    seen = _watch(session, 400)

    record, report = session.run(check_in=check_in)

    waiting = [m for m in seen if back_at <= m.clock < enter_at]
    assert waiting and all(m.walked == STOP_AT and m.belt_kmh == 0.0 for m in waiting)
    assert _starts(session)[1] == pytest.approx(enter_at)
    assert _mph(report, int(enter_at) + 10) == DOSE_MPH
    _never_above_the_dose(session)
    assert _walked_while_the_belt_stood(seen) == []
    assert [(p.at, p.seconds) for p in record.pauses] == [(STOP_AT, AWAY)]  # till going on
    assert record.minutes_walked == 4


def test_a_stop_while_the_armed_belt_waits_for_enter_arms_it_again_on_going_on() -> None:
    session = DeviceWalk(TWO_SETS, walker_presses_enter=False)
    check_in = ScriptedCheckIn(session.clock, [StopReason.MISTAKE], [True], away=AWAY)
    session.press(0, WalkerCommand.CONFIRM)  # the set-up checklist; set 1's belt is armed
    session.press(5, WalkerCommand.STOP)  # before the walker's Enter started it
    for at in (5 + AWAY + 10, 5 + AWAY + 10 + 120 + 60 + 5):  # going on, then set 2
        session.press(at, WalkerCommand.CONFIRM)
    seen = _watch(session, 400)

    record, report = session.run(check_in=check_in)

    assert _said_after_going_on(session)[0] == DEVICE_WORDING
    starts = _starts(session)
    assert len(starts) == 2 and starts[0] == pytest.approx(5 + AWAY + 10)
    assert _mph(report, int(starts[0]) + 10) == DOSE_MPH
    _never_above_the_dose(session)
    assert _walked_while_the_belt_stood(seen) == []
    assert record.minutes_walked == 4
