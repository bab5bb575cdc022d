"""PROTOCOL.md §11: progression is paced by the calendar as well as by sessions. At most 2 step-ups
in any 7 days; in weeks 1-4 a walk the day after another gets a warning and no step up."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given

from retrowalk.domain.dose import Dose, DoseVariable, HandSupport
from retrowalk.domain.engine_state import EngineState, Watch
from retrowalk.domain.plan import PlannedSession, ScriptedSession, preview_plan
from retrowalk.domain.progression import DecisionKind, decide
from retrowalk.domain.units import Speed
from tests.factories import START, good, plan, programme
from tests.strategies import plan_requests

FIRST_STEP = 2


def _step_ups(sessions: tuple[PlannedSession, ...]) -> list[PlannedSession]:
    """Step-ups that happened: walked, and not the hand given back after a both-hands session."""
    return [
        s
        for s in sessions
        if s.decision.kind is DecisionKind.PROGRESS
        and not s.missed
        and not any("again:" in reason for reason in s.decision.reasons)
    ]


def test_daily_good_sessions_step_up_at_most_twice_in_seven_days():
    # After the first four weeks seven sessions a week: a step up every other day would be due.
    preview = plan(weeks=8, sessions_per_week=7)

    late = [s for s in _step_ups(preview.sessions) if s.on >= START + timedelta(weeks=4)]
    held = [
        s.decision
        for s in preview.sessions
        if any("2 step-ups already in the last 7 days" in r for r in s.decision.reasons)
    ]

    assert len(late) >= 4
    for first, third in zip(late, late[2:], strict=False):
        assert (third.on - first.on).days >= 7
    assert held and all(d.kind is DecisionKind.HOLD for d in held)


def test_a_walk_the_day_after_another_in_the_first_weeks_warns_and_does_not_step_up():
    script = [*good(FIRST_STEP), ScriptedSession(on=START + timedelta(days=3))]

    moved = plan(script=script).sessions[FIRST_STEP].decision

    assert moved.kind is DecisionKind.HOLD
    assert any("no step up on a walk without a rest day" in r for r in moved.reasons)
    assert any("the day after your last walk" in r and "rest day" in r for r in moved.reasons)


def test_the_step_up_comes_at_the_next_walk_after_a_rest_day():
    script = [*good(FIRST_STEP), ScriptedSession(on=START + timedelta(days=3))]

    after = plan(script=script).sessions[FIRST_STEP + 1].decision

    assert after.kind is DecisionKind.PROGRESS and after.changed is DoseVariable.MINUTES


def test_after_the_first_four_weeks_a_walk_the_day_after_may_step_up():
    preview = plan(weeks=8, sessions_per_week=7)

    late = [s for s in _step_ups(preview.sessions) if s.on >= START + timedelta(weeks=4)]

    assert late
    assert not any("rest day" in r for s in late for r in s.decision.reasons)


@given(plan_requests())
def test_at_most_two_step_ups_in_any_seven_days(plan_request):
    """Counted over step-ups that happened (one planned for a missed session is taken back)."""
    ups = _step_ups(preview_plan(plan_request).sessions)

    for first, third in zip(ups, ups[2:], strict=False):
        assert (third.on - first.on).days >= 7, [s.on for s in ups]


@given(plan_requests())
def test_in_the_first_four_weeks_a_walk_the_day_after_a_walk_never_steps_up(plan_request):
    sessions = preview_plan(plan_request).sessions
    walked_on = None
    for session in sessions:
        in_first_weeks = session.on < plan_request.start + timedelta(weeks=4)
        if walked_on is not None and in_first_weeks and (session.on - walked_on).days == 1:
            decision = session.decision
            assert decision.kind is not DecisionKind.PROGRESS
            assert not decision.walk or any("rest day" in r for r in decision.reasons)
        if session.decision.walk and not session.missed:
            walked_on = session.on


def _ready_to_step_up(last_walked: int, watch: Watch) -> EngineState:
    """Two good sessions with settled mornings at 5 minutes, the last on day `last_walked`."""
    return EngineState(
        dose=Dose(5, HandSupport.BOTH, speed=Speed.mph(0.5), incline_percent=0.0),
        walked=12,
        good_streak=2,
        settled_mornings=2,
        last_walked_on=START + timedelta(days=last_walked),
        watch=watch,
    )


def test_the_third_step_up_comes_on_the_seventh_day_after_the_first_and_not_before():
    """default.toml [pacing]: 2 step-ups in any 7 days. Step-ups on days 0 and 2, two good
    sessions since: held on day 6, naming day 7; stepped up on day 7."""
    state = _ready_to_step_up(5, Watch(step_ups=(START, START + timedelta(days=2))))
    p = programme()

    day_six = decide(p, state, START + timedelta(days=6))
    day_seven = decide(p, state, START + timedelta(days=7))

    assert day_six.kind is DecisionKind.HOLD and day_six.dose.minutes == 5
    (reason,) = day_six.reasons
    assert "2 step-ups already in the last 7 days" in reason
    assert f"the next can come on or after {(START + timedelta(days=7)).isoformat()}" in reason
    assert day_seven.kind is DecisionKind.PROGRESS and day_seven.dose.minutes == 6


def test_the_rest_day_rule_ends_with_the_fourth_week():
    """default.toml [schedule] rest_day_weeks = 4: a walk the day after another on day 27, the
    last of week 4, is held and warned about; on day 28, the first of week 5, it steps up."""
    p = programme()

    def the_day_after_a_walk(day: int):
        state = _ready_to_step_up(day - 1, Watch(started_on=START))
        return decide(p, state, START + timedelta(days=day))

    day_27, day_28 = the_day_after_a_walk(27), the_day_after_a_walk(28)

    assert day_27.kind is DecisionKind.HOLD and day_27.dose.minutes == 5
    assert any("the day after your last walk: in the first 4 weeks" in r for r in day_27.reasons)
    assert day_28.kind is DecisionKind.PROGRESS and day_28.dose.minutes == 6
    assert not any("rest day" in reason for reason in day_28.reasons)
