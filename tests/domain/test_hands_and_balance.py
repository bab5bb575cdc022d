"""PROTOCOL.md §11, hands and balance (walkers with falls, a balance worry, or 80+): at least 14
days at one hand before letting go of the other; both hands back on for the first session of each
new incline step and after any gap of more than 10 days. Sharp knee pain lowers the knee's load,
not only the hands. The numbers are PROTOCOL.md's, written out."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given

from retrowalk.domain.dose import Dose, DoseVariable, HandSupport
from retrowalk.domain.engine_state import EngineState, Watch
from retrowalk.domain.equipment import has_handrails
from retrowalk.domain.plan import PlannedSession, preview_plan
from retrowalk.domain.progression import DecisionKind, decide
from retrowalk.domain.units import Speed
from retrowalk.domain.walker import Condition
from tests.factories import START, good, plan, programme, walker
from tests.strategies import at_risk_of_falling, motorized_treadmills, plan_requests


def _weans(sessions: tuple[PlannedSession, ...], to: HandSupport) -> list[PlannedSession]:
    """Walked sessions that let go of a rail (not the hand support given back after a session
    with both hands on)."""
    return [
        s
        for s in sessions
        if s.decision.changed is DoseVariable.HAND_SUPPORT
        and s.decision.kind is DecisionKind.PROGRESS
        and s.decision.dose.hands is to
        and not s.missed
        and not any("again:" in reason for reason in s.decision.reasons)
    ]


def test_a_walker_who_has_fallen_keeps_one_hand_on_a_rail_for_14_days_first():
    preview = plan(
        who=walker(falls_last_year=2), weeks=20, script=good(60, stable_without_hands=True)
    )

    (one,) = _weans(preview.sessions, HandSupport.ONE)
    (none,) = _weans(preview.sessions, HandSupport.NONE)

    assert (none.on - one.on).days >= 14


def test_a_walker_without_a_balance_risk_lets_go_sooner():
    preview = plan(weeks=20, script=good(60, stable_without_hands=True))

    (one,) = _weans(preview.sessions, HandSupport.ONE)
    (none,) = _weans(preview.sessions, HandSupport.NONE)

    assert (none.on - one.on).days < 14


def test_a_balance_walker_puts_both_hands_back_on_for_each_new_incline_step():
    who = walker(condition=Condition.BALANCE)
    preview = plan(who=who, weeks=30, script=good(90, stable_without_hands=True))

    steps = [s for s in preview.sessions if s.decision.changed is DoseVariable.INCLINE]

    assert len(steps) >= 2
    for step in steps:
        assert step.decision.dose.hands is HandSupport.BOTH
        assert any("first session on a new incline" in r for r in step.decision.reasons)
        after = preview.sessions[step.index + 1].decision
        assert after.dose.hands is HandSupport.NONE
        assert after.dose.incline_percent == step.decision.dose.incline_percent


def test_a_walker_of_82_starts_with_both_hands_on_after_a_fortnight_off():
    preview = plan(who=walker(age=82), weeks=20, script=good(24, stable_without_hands=True))
    weaned = _weans(preview.sessions, HandSupport.ONE)[0].index
    script = [*good(weaned + 2, stable_without_hands=True), *good(6, done=False), *good(3)]

    sessions = plan(who=walker(age=82), weeks=20, script=script).sessions
    back, next_one = sessions[weaned + 8], sessions[weaned + 9]

    assert (back.on - sessions[weaned + 1].on).days > 10
    assert back.decision.dose.hands is HandSupport.BOTH
    assert any("first walk after" in reason for reason in back.decision.reasons)
    assert next_one.decision.dose.hands is HandSupport.ONE


def test_both_hands_go_back_on_after_eleven_days_off_not_after_ten():
    """A gap of "more than 10 days" (default.toml [layoff] deload_after_days = 10), for a
    walker of 82 who has held one rail for a month."""
    state = EngineState(
        dose=Dose(8, HandSupport.ONE, speed=Speed.mph(1.0), incline_percent=0.0),
        walked=20,
        last_walked_on=START,
        watch=Watch(one_hand_since=START - timedelta(days=30)),
    )
    p = programme(who=walker(age=82))

    after_ten = decide(p, state, START + timedelta(days=10))
    after_eleven = decide(p, state, START + timedelta(days=11))

    assert after_ten.dose.hands is HandSupport.ONE
    assert after_eleven.dose.hands is HandSupport.BOTH
    assert any("this first walk after 11 days" in r for r in after_eleven.reasons)


def test_sharp_pain_after_letting_go_of_a_rail_lowers_the_knees_load_too():
    preview = plan(weeks=20, script=good(60, stable_without_hands=True))
    weaned = _weans(preview.sessions, HandSupport.ONE)[0]
    script = [*good(weaned.index, stable_without_hands=True), *good(1, sharp_pain=True)]

    after = plan(weeks=20, script=script).sessions[weaned.index + 1].decision

    assert after.dose.hands is HandSupport.BOTH
    assert after.dose.minutes < weaned.decision.dose.minutes
    assert after.changed is DoseVariable.MINUTES


@given(plan_requests(adjust=at_risk_of_falling, kits=motorized_treadmills(), steady=True))
def test_walkers_at_risk_of_falling_never_let_go_on_a_new_incline_or_after_a_long_gap(request):
    """The first session of each new incline step, and the first walk after more than 10 days,
    have both hands on the rails wherever there are rails."""
    if not has_handrails(request.equipment):
        return
    walked_on = None
    for session in preview_plan(request).sessions:
        decision = session.decision
        if not decision.walk:
            continue
        new_incline = (
            decision.changed is DoseVariable.INCLINE and decision.kind is DecisionKind.PROGRESS
        )
        long_gap = walked_on is not None and session.on - walked_on > timedelta(days=10)
        if new_incline or long_gap:
            assert decision.dose.hands is HandSupport.BOTH, decision.reasons
        if not session.missed:
            walked_on = session.on


@given(plan_requests(adjust=at_risk_of_falling, kits=motorized_treadmills(), steady=True))
def test_walkers_at_risk_of_falling_hold_one_rail_14_days_before_letting_go(request):
    sessions = preview_plan(request).sessions
    for hands_free in _weans(sessions, HandSupport.NONE):
        ones = [s for s in _weans(sessions, HandSupport.ONE) if s.on < hands_free.on]
        assert ones and (hands_free.on - ones[-1].on).days >= 14


def test_a_rail_is_let_go_after_exactly_4_walked_sessions_and_2_stable_reports():
    """`[hands]` in default.toml: 2 stable reports in a row and 4 walked sessions, no more: the
    fifth session is the first at one hand, whether the reports began at once or at the third."""
    from_the_start = good(14, stable_without_hands=True)
    from_the_third = [*good(2), *good(12, stable_without_hands=True)]
    for script in (from_the_start, from_the_third):
        hands = [s.decision.dose.hands for s in plan(weeks=6, script=script).sessions]

        assert hands[:5] == [HandSupport.BOTH] * 4 + [HandSupport.ONE]


def test_one_stable_report_is_not_enough_to_let_go():
    script = [*good(3), *good(1, stable_without_hands=True), *good(1)]

    hands = {s.decision.dose.hands for s in plan(weeks=2, script=script).sessions}

    assert hands == {HandSupport.BOTH}
