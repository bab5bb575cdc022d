"""PROTOCOL.md §11: progression is paced by the calendar as well as by sessions. At most 2 step-ups
in any 7 days; in weeks 1-4 a walk the day after another gets a warning and no step up."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given

from retrowalk.domain.dose import DoseVariable
from retrowalk.domain.plan import PlannedSession, ScriptedSession, preview_plan
from retrowalk.domain.progression import DecisionKind
from tests.factories import START, good, plan
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
