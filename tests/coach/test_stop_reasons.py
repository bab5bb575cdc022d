"""After an early STOP the check-in asks why first: a stop by mistake or an interruption goes on
with the same session and logs one session; pain, balance and tiredness reach the engine as
such; and no question has its answer chosen in advance."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from rich.console import Console

from retrowalk.coach.belt import Belt, HandSetBelt
from retrowalk.coach.checkin import CheckIn, questions_after
from retrowalk.coach.clock import SimulatedClock
from retrowalk.coach.inbox import WalkerCommand
from retrowalk.coach.logger import InMemoryLogger
from retrowalk.coach.session import Finished, finish, runner_for, walk_through
from retrowalk.coach.terminal.prompts import TerminalCheckIn
from retrowalk.coach.view import RunState
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.cues import Cue
from retrowalk.domain.dose import HandSupport
from retrowalk.domain.stop_reason import StopReason
from retrowalk.domain.units import Speed
from tests.coach.builders import ObedientWalker, ScriptedCheckIn, SelfSettingBelt, walk


@dataclass
class Walk:
    today: TodaysWalk
    clock: SimulatedClock
    walker: ObedientWalker
    check_in: ScriptedCheckIn
    logger: InMemoryLogger
    belt: Belt

    def stop_at(self, *seconds: float) -> None:
        for at in seconds:
            self.clock.call_at(at, lambda: self.runner.inbox.post(WalkerCommand.STOP))

    def __post_init__(self) -> None:
        self.runner = runner_for(self.today, self.clock, self.walker, self.belt)
        self.walker.inbox = self.runner.inbox

    def play(self) -> Finished:
        record, reason = walk_through(self.runner, self.check_in, self.runner.run)
        return finish(self.today, record, self.check_in, self.logger, self.walker, None, reason)


def _walk(
    reasons: list[StopReason | None] | None = None,
    going_on: list[bool] | None = None,
    belt: Belt | None = None,
    away: float = 0.0,
) -> Walk:
    clock = SimulatedClock()
    check_in = ScriptedCheckIn(clock, reasons or [], going_on or [], away=away)
    today = walk(minutes=6, sets=(3.0, 3.0))
    return Walk(today, clock, ObedientWalker(), check_in, InMemoryLogger(), belt or HandSetBelt())


def test_after_an_early_stop_the_check_in_asks_why_before_any_other_question():
    session = _walk([StopReason.TIRED])
    session.stop_at(100)

    session.play()

    assert session.check_in.asked == ["why", "check-in"]


def test_a_walk_that_ran_to_its_end_is_not_asked_why():
    session = _walk()

    finished = session.play()

    assert session.check_in.asked == ["check-in"]
    assert finished.completed.check_in.stop_reason is None


def test_a_stop_pressed_by_mistake_goes_on_where_it_stopped_and_logs_one_full_session():
    session = _walk([StopReason.MISTAKE], [True], away=45)
    session.stop_at(100)

    finished = session.play()

    completed = session.logger.sessions[0]
    assert len(session.logger.sessions) == 1
    assert session.check_in.asked == ["why", "go on", "check-in"]
    assert completed.record.minutes_walked == 6 and not completed.record.stopped_early
    assert completed.outcome.minutes_done == 6
    assert [(p.at, p.seconds) for p in completed.record.pauses] == [(100, 45)]
    assert completed.log_entry()["stop_reason"] is None
    assert "Went on after a STOP at 1:40 (pressed by mistake)." in completed.log_entry()["notes"]
    assert finished.completed.to_json()["went_on"] == [{"at_seconds": 100, "reason": "mistake"}]


def test_an_interruption_may_go_on_more_than_once():
    session = _walk([StopReason.INTERRUPTED, StopReason.MISTAKE], [True, True])
    session.stop_at(100, 250)

    session.play()

    record = session.logger.sessions[0].record
    assert [w.reason for w in record.went_on] == [StopReason.INTERRUPTED, StopReason.MISTAKE]
    assert record.minutes_walked == 6


def test_going_on_waits_for_the_walker_to_start_the_belt_again_before_time_runs():
    session = _walk([StopReason.INTERRUPTED], [True], away=30)
    session.walker.inbox = None  # this walker presses Enter only when the test says
    for at in (0, 0):
        session.clock.call_at(at, lambda: session.runner.inbox.post(WalkerCommand.CONFIRM))
    session.stop_at(100)
    views = []
    session.clock.call_at(150, lambda: views.append(session.runner.view()))
    session.clock.call_at(160, lambda: session.runner.inbox.post(WalkerCommand.CONFIRM))
    session.clock.call_at(341, lambda: session.runner.inbox.post(WalkerCommand.CONFIRM))  # set 2

    session.play()

    assert views[0].state is RunState.SETTING_UP
    assert views[0].prompt is not None and views[0].prompt.cue is Cue.BELT_START
    assert views[0].walked == 100  # session time stood still while stopped
    record = session.logger.sessions[0].record
    assert record.pauses[0].seconds == 30  # stopped, until the walker chose to go on
    assert record.minutes_walked == 6 and session.clock.now() == pytest.approx(341 + 180)


def test_a_treadmill_that_sets_itself_starts_again_only_once_the_walker_confirms():
    belt = SelfSettingBelt()
    session = _walk([StopReason.MISTAKE], [True], belt=belt)
    session.stop_at(100)
    moving_before_confirm: list[int] = []
    original_resume = session.runner.resume

    def resume(reason: StopReason) -> None:
        original_resume(reason)
        moving_before_confirm.append(sum(s.moving for s in belt.settings))

    session.runner.resume = resume  # type: ignore[method-assign]

    session.play()

    moving = [s.speed for s in belt.settings if s.moving]
    assert moving_before_confirm == [1]  # only the first set's start, before the STOP
    assert moving == [Speed.mph(0.7), Speed.mph(0.7), Speed.mph(0.7)]  # again, then set 2


def test_a_walker_who_ends_after_an_interruption_logs_what_was_walked_with_the_reason():
    session = _walk([StopReason.INTERRUPTED], [False])
    session.stop_at(90)

    session.play()

    completed = session.logger.sessions[0]
    assert completed.outcome.minutes_done == 1.5
    assert completed.log_entry()["stop_reason"] == "interrupted"


def test_a_stop_for_pain_is_sharp_pain_for_the_engine_and_is_not_asked_again():
    session = _walk([StopReason.PAIN])
    session.stop_at(90)

    session.play()

    completed = session.logger.sessions[0]
    assert "sharp_pain" not in {q.field for q in questions_after(StopReason.PAIN)}
    assert completed.outcome.sharp_pain is True
    assert completed.log_entry()["stop_reason"] == "pain"
    assert session.check_in.asked == ["why", "check-in"]  # no going on after pain


def test_a_stop_for_balance_never_counts_as_steady_without_hands():
    session = _walk([StopReason.BALANCE])
    session.check_in.answers = CheckIn(1, False, 4, HandSupport.ONE, True)
    session.stop_at(90)

    session.play()

    assert session.logger.sessions[0].outcome.stable_without_hands is False
    assert "stable_without_hands" not in {q.field for q in questions_after(StopReason.BALANCE)}


def test_a_stop_for_tiredness_is_a_partial_session_with_its_effort():
    session = _walk([StopReason.TIRED])
    session.check_in.answers = CheckIn(1, False, 8, HandSupport.BOTH, False)
    session.stop_at(120)

    session.play()

    outcome = session.logger.sessions[0].outcome
    assert (outcome.done, outcome.minutes_done, outcome.rpe) == (True, 2.0, 8)


def test_a_stop_while_the_coach_waits_for_the_belt_asks_for_the_belt_again_when_going_on():
    session = _walk([StopReason.MISTAKE], [True])
    session.walker.inbox = None
    session.clock.call_at(0, lambda: session.runner.inbox.post(WalkerCommand.CONFIRM))  # set-up
    session.stop_at(10)  # while set 1 waits for the belt
    views = []
    session.clock.call_at(20, lambda: views.append(session.runner.view()))
    for at in (30, 30 + 180 + 60 + 5):
        session.clock.call_at(at, lambda: session.runner.inbox.post(WalkerCommand.CONFIRM))

    session.play()

    assert views[0].state is RunState.WAITING
    assert views[0].prompt is not None and views[0].prompt.cue is Cue.BELT_START
    assert session.logger.sessions[0].record.minutes_walked == 6


def _typed(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> Iterator[str]:
    answers = iter(lines)
    monkeypatch.setattr("builtins.input", lambda *_: next(answers))
    return answers


def _terminal() -> TerminalCheckIn:
    return TerminalCheckIn(Console(file=io.StringIO()), ObedientWalker())


def test_the_terminal_check_in_chooses_no_answer_enter_alone_asks_again_and_skip_is_unknown(
    monkeypatch: pytest.MonkeyPatch,
):
    # pain (Enter, then skip), sharp pain (skip), effort (Enter, 11, then 6), form (y),
    # swelling (skip), locking (n), giving way (no), hands (two, then one), steady (skip), notes
    _typed(monkeypatch, ["", "skip", "skip", "", "11", "6", "y", "skip", "n", "no", "two", "one",
                         "skip", ""])  # fmt: skip

    answers = _terminal().ask(HandSupport.BOTH)

    assert answers == CheckIn(
        pain_during=None,
        sharp_pain=None,
        rpe=6,
        hands_used=HandSupport.ONE,
        stable_without_hands=False,
        notes="",
        form_ok=True,
        swelling=None,
        locking=False,
        giving_way=False,
    )


def test_the_terminal_asks_why_and_whether_to_go_on(monkeypatch: pytest.MonkeyPatch):
    _typed(monkeypatch, ["", "oops", "mistake", "maybe", "yes"])
    terminal = _terminal()

    assert terminal.why_stopped() is StopReason.MISTAKE
    assert terminal.go_on() is True


def test_after_a_stop_for_pain_the_terminal_asks_the_pain_but_not_whether_it_was_sharp(
    monkeypatch: pytest.MonkeyPatch,
):
    asked: list[str] = []

    def typed(prompt: str = "") -> str:
        asked.append(prompt)
        return {0: "6", 1: "5"}.get(len(asked) - 1, "skip")

    monkeypatch.setattr("builtins.input", typed)
    screen = io.StringIO()
    console = Console(file=screen, width=300)
    terminal = TerminalCheckIn(console, ObedientWalker())

    answers = terminal.ask(HandSupport.BOTH, StopReason.PAIN)

    assert answers.sharp_pain is True and answers.pain_during == 6
    assert answers.stop_reason is StopReason.PAIN
    assert not any("sharp" in line for line in screen.getvalue().splitlines())


def test_skipped_answers_reach_the_log_as_unknown():
    record = _walk()
    record.check_in.answers = CheckIn(None, None, None, HandSupport.BOTH, False)

    record.play()

    entry = record.logger.sessions[0].log_entry()
    unknown = ("pain_during", "rpe", "sharp_pain", "form_ok", "swelling", "locking", "giving_way")
    assert {name: entry[name] for name in unknown} == dict.fromkeys(unknown)
