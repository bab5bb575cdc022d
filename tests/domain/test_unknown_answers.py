"""PROTOCOL.md §11: an answer the walker did not give is unknown, never 0, and never "settled"."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from hypothesis import given

from retrowalk.domain.dose import DoseVariable
from retrowalk.domain.plan import PlanRequest, ScriptedSession, preview_plan
from retrowalk.domain.population import resolve_population
from retrowalk.domain.progression import DecisionKind
from retrowalk.domain.schedule import session_dates
from tests.factories import good, plan
from tests.strategies import plan_requests

# Sessions 0 and 1 stay at the start dose; session 2 is the first that may step up.
FIRST_STEP = 2


def _reasons(preview) -> list[str]:
    return [reason for s in preview.sessions for reason in s.decision.reasons]


def test_a_morning_nobody_reported_is_never_called_settled():
    preview = plan(weeks=4, script=good(12, pain_next_morning=None))

    reasons = _reasons(preview)

    assert not any("settled by the next morning" in reason for reason in reasons)
    assert not any("comfortable" in reason for reason in reasons)


def test_no_step_up_rests_on_unreported_mornings_alone():
    preview = plan(weeks=4, script=good(12, pain_next_morning=None))

    third = preview.sessions[FIRST_STEP].decision

    assert third.kind is DecisionKind.HOLD
    assert any("no next-morning pain has been reported" in r for r in third.reasons)
    assert {s.decision.dose.minutes for s in preview.sessions} == {3}


def test_one_reported_settled_morning_lets_the_step_up_go_ahead_and_says_which_is_unknown():
    script = [*good(1), *good(1, pain_next_morning=None)]

    third = plan(script=script).sessions[FIRST_STEP].decision

    assert third.kind is DecisionKind.PROGRESS and third.changed is DoseVariable.MINUTES
    (reason,) = third.reasons
    assert "settled by the next morning" not in reason
    assert "reported for 1 of them" in reason and "not reported yet for 1" in reason


def test_a_good_run_still_being_counted_with_an_unknown_morning_is_not_called_comfortable():
    script = [*good(FIRST_STEP), *good(1, pain_next_morning=None)]

    fourth = plan(script=script).sessions[FIRST_STEP + 1].decision

    assert fourth.kind is DecisionKind.HOLD
    assert not any("comfortable" in reason for reason in fourth.reasons)
    assert any("not reported yet for 1" in reason for reason in fourth.reasons)


def test_pain_during_not_reported_holds_and_the_reason_names_it():
    script = [*good(FIRST_STEP - 1), *good(1, pain_during=None)]

    third = plan(script=script).sessions[FIRST_STEP].decision

    assert third.kind is DecisionKind.HOLD
    assert any("pain during was not reported" in reason for reason in third.reasons)


def test_effort_not_reported_holds_and_the_reason_names_it():
    script = [*good(FIRST_STEP - 1), *good(1, rpe=None)]

    third = plan(script=script).sessions[FIRST_STEP].decision

    assert third.kind is DecisionKind.HOLD
    assert any("effort was not reported" in reason for reason in third.reasons)


def test_form_not_reported_holds_and_the_reason_names_it():
    script = [*good(FIRST_STEP - 1), *good(1, form_ok=None)]

    third = plan(script=script).sessions[FIRST_STEP].decision

    assert third.kind is DecisionKind.HOLD
    assert any("form was not reported" in reason for reason in third.reasons)


def test_pain_over_the_limit_is_acted_on_even_when_other_answers_are_missing():
    script = [*good(FIRST_STEP - 1), *good(1, pain_during=6, rpe=None, pain_next_morning=None)]

    third = plan(script=script).sessions[FIRST_STEP].decision

    assert third.kind is DecisionKind.HOLD
    assert any("6/10" in reason and "5/10 limit" in reason for reason in third.reasons)


def test_unknown_pains_do_not_pull_the_weekly_pain_average_down():
    # Weekly averages 0, 1, then 2 over the sessions that reported pain; the unreported sessions
    # would have dragged the averages toward 0 had they counted as 0.
    unknown = {"pain_during": None, "pain_next_morning": None}
    weeks = [good(3), [*good(2, pain_during=1), *good(1, **unknown)]]
    weeks.append([*good(2, pain_during=2), *good(1, **unknown)])
    preview = plan(script=[s for week in weeks for s in week])

    first_of_week_four = preview.sessions[9].decision

    assert first_of_week_four.stepped_down
    assert any("0.0 → 1.0 → 2.0" in reason for reason in first_of_week_four.reasons)


def _without_mornings(request: PlanRequest) -> PlanRequest:
    """The same plan with no next morning ever reported (past the script's end too)."""
    per_week = request.sessions_per_week
    per_week = (
        per_week or resolve_population(request.protocol, request.walker).sessions_per_week_max
    )
    rest_weeks = request.protocol.schedule.rest_day_weeks
    count = len(session_dates(request.start, request.weeks, per_week, rest_weeks))
    given = [*request.script, *[ScriptedSession()] * (count - len(request.script))]
    script = [replace(e, outcome=replace(e.outcome, pain_next_morning=None)) for e in given]
    return replace(request, script=script)


def _gives_a_hand_back(decision) -> bool:
    return decision.changed is DoseVariable.HAND_SUPPORT and any(
        "again:" in reason for reason in decision.reasons
    )


@given(plan_requests())
def test_with_no_morning_ever_reported_nothing_is_settled_comfortable_or_stepped_up(request):
    """Every next morning unknown: no reason says settled or comfortable, and no step up."""
    preview = preview_plan(_without_mornings(request))

    for session in preview.sessions:
        decision = session.decision
        said = " ".join(decision.reasons)
        assert "settled by the next morning" not in said and "comfortable" not in said
        assert decision.kind is not DecisionKind.PROGRESS or _gives_a_hand_back(decision)


@given(plan_requests())
def test_a_session_with_pain_during_effort_or_form_unknown_is_never_followed_by_a_step_up(request):
    sessions = preview_plan(request).sessions
    for before, after in pairwise(sessions):
        index = before.index
        outcome = request.script[index].outcome if index < len(request.script) else None
        unknown = outcome is not None and outcome.done and outcome.unanswered
        if unknown and before.decision.walk:
            assert after.decision.kind is not DecisionKind.PROGRESS, after.decision.reasons


def test_a_good_run_still_being_counted_with_every_morning_reported_is_called_comfortable():
    # The counterpart of the test above: the fourth session's morning reported and settled, so
    # none is unknown (default.toml [readiness]: 2 good sessions before a step up).
    fourth = plan(script=good(FIRST_STEP + 1)).sessions[FIRST_STEP + 1].decision

    assert fourth.kind is DecisionKind.HOLD
    assert any("1 of 2 comfortable, full sessions so far" in r for r in fourth.reasons)
    assert not any("not reported yet" in reason for reason in fourth.reasons)
