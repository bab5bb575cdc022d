"""PROTOCOL.md §11: an answer the walker did not give is unknown, never 0, and never "settled"."""

from __future__ import annotations

from retrowalk.domain.dose import DoseVariable
from retrowalk.domain.progression import DecisionKind
from tests.factories import good, plan

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
