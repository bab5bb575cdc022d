"""The runner on the simulated clock: pauses, stops, speed changes and the console by hand."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrowalk.coach.belt import Belt, HandSetBelt
from retrowalk.coach.clock import SimulatedClock
from retrowalk.coach.inbox import WalkerCommand
from retrowalk.coach.record import ChangedBy, WalkRecord
from retrowalk.coach.runner import Runner
from retrowalk.coach.session import runner_for
from retrowalk.coach.timeline import ANNOUNCEMENTS, EventKind
from retrowalk.coach.view import RunnerView, RunState
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.cues import Cue, MessageKind
from retrowalk.domain.units import Speed
from tests.coach.builders import ObedientWalker, SelfSettingBelt, walk
from tests.strategies import walks


class Session:
    """A runner on a simulated clock with a walker who confirms every prompt."""

    def __init__(self, today: TodaysWalk, belt: Belt | None = None) -> None:
        self.clock = SimulatedClock()
        self.walker = ObedientWalker()
        self.runner: Runner = runner_for(today, self.clock, self.walker, belt or HandSetBelt())
        self.walker.inbox = self.runner.inbox
        self.views: dict[float, RunnerView] = {}

    def press(self, at: float, command: WalkerCommand) -> None:
        self.clock.call_at(at, lambda: self.runner.inbox.post(command))

    def look(self, at: float) -> None:
        self.clock.call_at(at, lambda: self.views.__setitem__(at, self.runner.view()))

    def at(self, at: float, action: Callable[[], None]) -> None:
        self.clock.call_at(at, action)

    def run(self) -> WalkRecord:
        return self.runner.run()

    def said(self) -> list[Cue]:
        return [m.cue for m in self.walker.messages]


def test_a_twenty_minute_session_runs_to_the_end_on_the_simulated_clock():
    session = Session(walk(minutes=20, sets=(5.0, 5.0, 5.0, 5.0)))

    record = session.run()

    assert record.minutes_walked == 20
    assert not record.stopped_early
    assert session.clock.now() == pytest.approx(20 * 60 + 3 * 60)
    assert session.said()[-1] is Cue.CHECK_IN


@given(walks())
def test_the_runner_says_every_timeline_announcement_in_the_timelines_order(today: TodaysWalk):
    session = Session(today)

    session.run()

    heard = [m for m in session.walker.messages if m.kind is MessageKind.ANNOUNCEMENT]
    events = session.runner.timeline.events
    planned = [e.message for e in events if e.kind in ANNOUNCEMENTS | {EventKind.CHECK_IN}]
    assert heard == planned


def test_pausing_freezes_the_countdown_until_the_walker_goes_on():
    session = Session(walk())
    session.press(100, WalkerCommand.TOGGLE_PAUSE)
    for moment in (99, 101, 150, 199, 201):
        session.look(moment)
    session.press(200, WalkerCommand.TOGGLE_PAUSE)

    record = session.run()

    frozen = {session.views[m].remaining for m in (101, 150, 199)}
    assert frozen == {200.0}
    assert session.views[150].state is RunState.PAUSED
    assert session.views[201].remaining == pytest.approx(199.0)
    assert [(p.at, p.seconds) for p in record.pauses] == [(100.0, 100.0)]
    assert record.minutes_walked == 10


def test_time_spent_paused_counts_toward_no_set():
    session = Session(walk(minutes=3, sets=(3.0,)))
    session.press(60, WalkerCommand.TOGGLE_PAUSE)
    session.press(60 + 600, WalkerCommand.TOGGLE_PAUSE)

    record = session.run()

    assert record.minutes_walked == 3
    assert session.clock.now() == pytest.approx(180 + 600)


@given(today=walks(), fraction=st.floats(min_value=0, max_value=1.2))
def test_stopping_at_any_moment_records_honestly_the_minutes_walked(
    today: TodaysWalk, fraction: float
):
    session = Session(today)
    timeline = session.runner.timeline
    moment = fraction * timeline.end
    session.press(moment, WalkerCommand.STOP)

    record = session.run()

    walked = sum(max(0.0, min(w.end, moment) - w.start) for w in timeline.sets)
    assert record.walked_seconds == pytest.approx(min(walked, timeline.walking_seconds))
    assert record.stopped_early == (moment < timeline.end)
    if record.stopped_early:
        assert session.said()[-1] is Cue.STOPPED


def test_stopping_during_a_pause_ends_the_pause_and_keeps_the_minutes_before_it():
    session = Session(walk())
    session.press(90, WalkerCommand.TOGGLE_PAUSE)
    session.press(150, WalkerCommand.STOP)

    record = session.run()

    assert record.walked_seconds == pytest.approx(90)
    assert [(p.at, p.seconds) for p in record.pauses] == [(90.0, 60.0)]


def test_a_set_waits_for_the_walker_to_say_the_belt_is_set():
    session = Session(walk(minutes=3, sets=(3.0,)))
    session.walker.inbox = None  # this walker says nothing until the test presses Enter
    session.press(5, WalkerCommand.CONFIRM)  # the checklist
    session.look(50)
    session.press(100, WalkerCommand.CONFIRM)  # the belt is running at the set's speed

    record = session.run()

    assert session.views[50].state is RunState.WAITING
    assert session.views[50].prompt is not None
    assert session.views[50].prompt.cue is Cue.BELT_START
    assert session.views[50].remaining == 180
    assert session.clock.now() == pytest.approx(100 + 180)
    assert record.belt == ((0.0, Speed.mph(0.7)),)


def test_a_speed_step_counts_from_the_walkers_confirmation_while_the_countdown_runs_on():
    session = Session(walk(speed=0.7, previous=0.6))
    session.walker.inbox = None
    session.press(0, WalkerCommand.CONFIRM)
    session.press(0, WalkerCommand.CONFIRM)
    session.look(125)
    session.press(130, WalkerCommand.CONFIRM)  # ten seconds after the step was asked for
    session.press(361, WalkerCommand.CONFIRM)  # set 2, a second after it asked

    record = session.run()

    assert session.views[125].pending_speed == Speed.mph(0.7)
    assert session.views[125].remaining == pytest.approx(175)
    assert [(c.at, c.old, c.new, c.by) for c in record.speed_changes] == [
        (130.0, Speed.mph(0.6), Speed.mph(0.7), ChangedBy.PLAN)
    ]
    assert record.seconds_at_each_speed() == pytest.approx(
        {Speed.mph(0.6): 130.0, Speed.mph(0.7): 470.0}  # the wait at set 2 is no walking
    )
    assert record.main_speed == Speed.mph(0.7)


def test_a_connected_treadmill_sets_itself_and_only_the_set_up_waits_for_the_walker():
    belt = SelfSettingBelt()
    session = Session(walk(speed=0.7, previous=0.6), belt)

    record = session.run()

    prompts = [m.cue for m in session.walker.messages if m.kind is MessageKind.PROMPT]
    assert prompts == [Cue.CHECKLIST_CONFIRM]
    moving = [s.speed for s in belt.settings if s.moving]
    assert moving == [Speed.mph(0.6), Speed.mph(0.7), Speed.mph(0.7)]
    assert sum(not s.moving for s in belt.settings) == 2  # the rest and the end
    assert Cue.BELT_CHANGED in session.said()
    assert record.minutes_walked == 10


def test_the_belt_never_starts_before_the_walker_confirms_the_set_up():
    belt = SelfSettingBelt()
    session = Session(walk(), belt)
    session.walker.inbox = None
    session.at(30, lambda: session.views.__setitem__(30, session.runner.view()))
    session.at(30, lambda: session.runner.inbox.post(WalkerCommand.CONFIRM))
    settings_before: list[int] = []
    session.at(29, lambda: settings_before.append(len(belt.settings)))

    session.run()

    assert settings_before == [0]
    assert session.views[30].state is RunState.SETTING_UP
    assert session.clock.now() == pytest.approx(30 + 11 * 60)


def test_a_manual_speed_change_moves_one_step_of_the_treadmills_grid_and_is_recorded():
    session = Session(walk(speed=0.7))
    session.press(30, WalkerCommand.FASTER)
    session.press(200, WalkerCommand.SLOWER)
    session.press(210, WalkerCommand.SLOWER)

    record = session.run()

    changes = [(c.at, c.new.value, c.by) for c in record.speed_changes]
    assert changes == [
        (30.0, 0.8, ChangedBy.WALKER),
        (200.0, 0.7, ChangedBy.WALKER),
        (210.0, 0.6, ChangedBy.WALKER),
    ]


@given(presses=st.integers(min_value=1, max_value=30), ceiling=st.sampled_from([0.8, 1.3, 2.0]))
def test_manual_speed_changes_never_pass_the_ceiling_and_stay_on_the_grid(
    presses: int, ceiling: float
):
    session = Session(walk(speed=0.7, ceiling=ceiling))
    for n in range(presses):
        session.press(10 + n, WalkerCommand.FASTER)

    record = session.run()

    for _, speed in record.belt:
        assert speed <= Speed.mph(ceiling)
        assert round(speed.value * 10) == pytest.approx(speed.value * 10)
    if presses > round((ceiling - 0.7) * 10):
        assert Cue.SPEED_AT_CEILING in session.said()


def test_the_walkers_own_speed_carries_into_the_next_set_and_the_set_says_so():
    session = Session(walk(speed=0.7))
    session.press(30, WalkerCommand.SLOWER)

    session.run()

    starts = [m.text for m in session.walker.messages if m.cue is Cue.SET_START]
    assert starts == [
        "Set 1 of 2: 5 minutes at 0.7 mph, both hands on the rails.",
        "Set 2 of 2: 5 minutes at 0.6 mph, both hands on the rails.",
    ]


def test_speed_changes_are_refused_during_a_rest_and_without_a_belt_speed():
    resting = Session(walk())
    resting.press(320, WalkerCommand.FASTER)
    own_pace = Session(walk(speed=None))
    own_pace.press(30, WalkerCommand.FASTER)

    rested, paced = resting.run(), own_pace.run()

    assert Cue.CHANGE_WHILE_WALKING in resting.said() and rested.speed_changes == ()
    assert Cue.NO_BELT_SPEED in own_pace.said() and paced.belt == ()


def test_an_interrupt_from_the_keyboard_stops_the_session_and_keeps_the_minutes():
    session = Session(walk())

    def interrupt() -> None:
        raise KeyboardInterrupt

    session.at(75, interrupt)

    record = session.run()

    assert record.stopped_early and record.walked_seconds == pytest.approx(75)
