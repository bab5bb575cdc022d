"""PROTOCOL.md §11, stop and refer: no walking until a clinician has looked, and the reason says
why and what to do. The numbers here are PROTOCOL.md's, written out, not read from the engine."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given

from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.plan import PlanRequest, ScriptedSession, preview_plan
from retrowalk.domain.progression import DecisionKind
from tests.factories import good, plan
from tests.strategies import plan_requests

FIRST_STEP = 2
BELOW_START = "a step down would go below the dose the plan starts from"


def _cleared() -> ScriptedSession:
    return ScriptedSession(SessionOutcome(), cleared_by_clinician=True)


def _is_stop(decision) -> bool:
    return decision.kind is DecisionKind.PAUSED and not decision.walk


def test_pain_7_once_stops_walking_until_cleared():
    script = [*good(FIRST_STEP + 1), *good(1, pain_during=7), *good(3), _cleared()]
    preview = plan(script=script)

    stopped = [s.decision for s in preview.sessions[FIRST_STEP + 2 : FIRST_STEP + 5]]
    resumed = preview.sessions[FIRST_STEP + 5].decision

    assert all(_is_stop(d) for d in stopped)
    assert preview.sessions[FIRST_STEP + 2].sets == ()
    assert any("pain reached 7/10" in r and "See a clinician" in r for r in stopped[0].reasons)
    assert resumed.walk


def test_pain_just_after_the_walk_counts_like_pain_during_it():
    script = [*good(FIRST_STEP + 1), *good(1, pain_after=8)]

    after = plan(script=script).sessions[FIRST_STEP + 2].decision

    assert _is_stop(after)


def test_pain_6_once_holds_but_not_twice_apart():
    script = [*good(FIRST_STEP + 1), *good(1, pain_during=6), *good(1), *good(1, pain_during=6)]
    preview = plan(script=script)

    kinds = [s.decision.kind for s in preview.sessions[FIRST_STEP + 2 : FIRST_STEP + 5]]

    assert kinds == [DecisionKind.HOLD, DecisionKind.HOLD, DecisionKind.HOLD]
    assert preview.sessions[FIRST_STEP + 5].decision.walk


def test_next_morning_pain_above_5_steps_down_once_and_twice_in_a_row_stops():
    script = [*good(FIRST_STEP + 2), *good(2, pain_next_morning=6)]
    preview = plan(script=script)

    first, second = (preview.sessions[FIRST_STEP + n].decision for n in (3, 4))

    assert first.kind is DecisionKind.REGRESS
    assert any("next morning was 6/10" in reason for reason in first.reasons)
    assert _is_stop(second)
    assert any("next morning was above 5/10 2 times in a row" in r for r in second.reasons)


def test_a_missed_session_between_two_bad_mornings_does_not_break_the_run():
    script = [*good(FIRST_STEP + 2), *good(1, pain_next_morning=6), *good(1, done=False)]
    script.extend(good(1, pain_next_morning=6))

    after = plan(script=script).sessions[FIRST_STEP + 5].decision

    assert _is_stop(after)


def test_a_second_sharp_pain_within_14_days_stops_walking_and_the_first_steps_down():
    script = [*good(FIRST_STEP + 2), *good(1, sharp_pain=True), *good(2), *good(1, sharp_pain=True)]
    preview = plan(script=script)

    first = preview.sessions[FIRST_STEP + 3].decision
    second = preview.sessions[FIRST_STEP + 6].decision

    assert first.kind is DecisionKind.REGRESS
    assert _is_stop(second)
    assert any("sharp pain came back within 14 days" in r for r in second.reasons)


def test_sharp_pain_again_after_more_than_14_days_steps_down_again():
    # Three sessions a week: seven sessions later is more than 14 days later.
    script = [*good(FIRST_STEP + 2), *good(1, sharp_pain=True), *good(6), *good(1, sharp_pain=True)]
    preview = plan(script=script)

    first_on = preview.sessions[FIRST_STEP + 2].on
    second_on = preview.sessions[FIRST_STEP + 9].on
    after = preview.sessions[FIRST_STEP + 10].decision

    assert (second_on - first_on).days > 14
    assert after.walk and after.stepped_down


def test_a_step_down_below_the_start_dose_stops_and_refers_instead_of_walking_on():
    script = good(1, sharp_pain=True)

    after = plan(script=script).sessions[1].decision

    assert _is_stop(after)
    assert any(BELOW_START in reason for reason in after.reasons)
    assert not any("lowest dose; if it keeps hurting" in reason for reason in after.reasons)


def test_after_a_stop_at_the_start_dose_a_clearance_resumes_at_the_start_dose():
    script = [*good(1, sharp_pain=True), *good(1), _cleared()]
    preview = plan(script=script)

    resumed = preview.sessions[2].decision

    assert resumed.walk and resumed.dose == preview.sessions[0].decision.dose
    assert any("clearance" in reason for reason in resumed.reasons)


def test_stops_are_named_as_such_while_they_last():
    script = [*good(FIRST_STEP + 1), *good(1, pain_during=8), *good(4)]

    later = plan(script=script).sessions[FIRST_STEP + 5].decision

    assert _is_stop(later)
    assert any("No walking: pain reached 8/10" in reason for reason in later.reasons)


# --- the property: a stop comes exactly when §11 says ---------------------------------------


class _Referral:
    """PROTOCOL.md §11's stop rules, written out for the test: pain during or straight after
    above 5 in two walked sessions in a row or 7 and more once; next-morning pain above 5 twice in
    a row; sharp pain again within 14 days; swelling, locking or giving way. Unknown answers
    neither add to a run nor break it; a clinician's clearance starts afresh."""

    def __init__(self) -> None:
        self.pain_run = self.morning_run = 0
        self.sharp_on: date | None = None

    def stops_after(self, outcome: SessionOutcome, on: date) -> bool:
        known = [p for p in (outcome.pain_during, outcome.pain_after) if p is not None]
        worst = max(known) if known else None
        over = True if worst is not None and worst > 5 else None
        if over is None and outcome.pain_during is not None:
            over = False
        self.pain_run = _run(self.pain_run, over)
        morning = outcome.pain_next_morning
        self.morning_run = _run(self.morning_run, None if morning is None else morning > 5)
        again = self.sharp_on is not None and on - self.sharp_on <= timedelta(days=14)
        sharp_again = outcome.sharp_pain and again
        if outcome.sharp_pain:
            self.sharp_on = on
        severe = worst is not None and worst >= 7
        repeated = self.pain_run >= 2 or self.morning_run >= 2
        return outcome.knee_symptoms or severe or repeated or sharp_again


def _run(count: int, signal: bool | None) -> int:
    return count if signal is None else (count + 1 if signal else 0)


@given(plan_requests())
def test_walking_stops_exactly_when_a_stop_rule_of_section_11_is_met(request: PlanRequest):
    """Every stop follows a §11 trigger (or a step-down that would go below the start dose), and
    every trigger stops the next session until a clinician clears the walker."""
    referral, stopped = _Referral(), False
    for session in preview_plan(request).sessions:
        index = session.index
        entry = request.script[index] if index < len(request.script) else ScriptedSession()
        if entry.cleared_by_clinician:
            referral, stopped = _Referral(), False
        decision = session.decision
        if stopped:
            assert _is_stop(decision), decision.reasons
            continue
        if not decision.walk:
            assert any(BELOW_START in reason for reason in decision.reasons), decision.reasons
            stopped = True
            continue
        if entry.outcome.done:
            stopped = referral.stops_after(entry.outcome, session.on)
