"""Each row of PROTOCOL.md §6 (pain and recovery), as a scenario through the plan preview."""

from __future__ import annotations

from retrowalk.domain.dose import DoseVariable
from retrowalk.domain.equipment import Deadmill
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.plan import ScriptedSession
from retrowalk.domain.progression import DecisionKind
from tests.factories import START, good, plan, walker

# With the default knee OA plan the third session (index 2) is the first step up: 3 -> 4 minutes.
FIRST_STEP = 2


def _kinds(preview, first: int, last: int) -> list[DecisionKind]:
    return [s.decision.kind for s in preview.sessions[first : last + 1]]


def test_the_third_comfortable_session_adds_a_minute():
    preview = plan()

    third = preview.sessions[FIRST_STEP].decision

    assert third.kind is DecisionKind.PROGRESS
    assert third.changed is DoseVariable.MINUTES
    assert third.dose.minutes == 4


def test_minutes_past_the_target_need_pain_in_the_safe_zone_three_at_most():
    # knee_oa: 10 minutes, then up to 20 while pain stays in the safe zone, 0-3 (default.toml).
    # On a deadmill minutes are the only step, so the extended minutes come straight after 10.
    deadmill = Deadmill(handrails=True)
    sessions = plan(equipment=deadmill).sessions
    at_ten = next(s.index for s in sessions if s.decision.dose.minutes == 10)

    def after_two_sessions_at_ten(pain: int):
        script = [*good(at_ten), *good(2, pain_during=pain)]
        return plan(equipment=deadmill, script=script).sessions[at_ten + 2].decision

    at_three, at_four = after_two_sessions_at_ten(3), after_two_sessions_at_ten(4)

    assert at_three.kind is DecisionKind.PROGRESS and at_three.dose.minutes == 11
    assert at_four.kind is DecisionKind.HOLD and at_four.dose.minutes == 10
    assert any("more minutes only while pain stays in the safe zone" in r for r in at_four.reasons)


def test_sharp_pain_steps_the_next_session_down_by_undoing_the_last_change():
    script = [*good(FIRST_STEP), *good(1, sharp_pain=True, minutes_done=2)]

    after = plan(script=script).sessions[FIRST_STEP + 1].decision

    assert after.kind is DecisionKind.REGRESS
    assert after.changed is DoseVariable.MINUTES
    assert after.dose.minutes == 3
    assert any("sharp pain" in reason for reason in after.reasons)


def test_pain_over_the_limit_once_holds_the_dose():
    script = [*good(FIRST_STEP + 1), *good(1, pain_during=6)]

    after = plan(script=script).sessions[FIRST_STEP + 2].decision

    assert after.kind is DecisionKind.HOLD
    assert after.dose.minutes == 4
    assert any("6/10" in reason and "5/10 limit" in reason for reason in after.reasons)


def test_pain_over_the_limit_twice_running_stops_walking_until_cleared():
    # PROTOCOL.md §11 replaced "twice running steps down" with stop and refer.
    script = [*good(FIRST_STEP + 1), *good(2, pain_during=6)]

    after = plan(script=script).sessions[FIRST_STEP + 3].decision

    assert after.kind is DecisionKind.PAUSED and not after.walk
    assert any("above 5/10 in 2 sessions in a row" in reason for reason in after.reasons)


def test_next_morning_pain_above_the_usual_rest_pain_holds_the_dose():
    script = [*good(FIRST_STEP + 1), *good(1, pain_next_morning=3)]

    after = plan(who=walker(rest_pain=1), script=script).sessions[FIRST_STEP + 2].decision

    assert after.kind is DecisionKind.HOLD
    assert any("next morning (3/10)" in reason for reason in after.reasons)


def test_next_morning_pain_back_at_the_usual_level_counts_as_settled():
    script = good(FIRST_STEP, pain_next_morning=2)

    third = plan(who=walker(rest_pain=2), script=script).sessions[FIRST_STEP].decision

    assert third.kind is DecisionKind.PROGRESS


def test_weekly_pain_rising_two_weeks_running_steps_down_and_suggests_a_clinician():
    # Three sessions a week, weekly averages 0, then 1.3, then 3: each week up by a point or more.
    week_one, week_two, week_three = (
        good(3),
        [*good(2, pain_during=1), *good(1, pain_during=2)],
        good(3, pain_during=3),
    )
    preview = plan(who=walker(rest_pain=0), script=[*week_one, *week_two, *week_three])

    first_of_week_four = preview.sessions[9].decision

    assert first_of_week_four.kind is DecisionKind.REGRESS
    assert any("clinician" in reason for reason in first_of_week_four.reasons)


def test_two_step_downs_without_a_good_session_between_pause_progression():
    # Sharp pain, then a next morning well above the usual: two step-downs in a row. (Two sharp
    # pains within 14 days now stop walking instead, PROTOCOL.md §11.)
    script = [*good(FIRST_STEP + 2), *good(1, sharp_pain=True), *good(1, pain_next_morning=4)]
    script.extend(good(6))
    preview = plan(script=script)

    second_step_down = preview.sessions[FIRST_STEP + 4].decision
    later = preview.sessions[FIRST_STEP + 10].decision

    assert second_step_down.kind is DecisionKind.PAUSED
    assert any("see a clinician" in reason for reason in second_step_down.reasons)
    assert later.kind is DecisionKind.PAUSED
    assert later.dose == second_step_down.dose


def test_a_clinicians_clearance_lifts_a_pause():
    script = [*good(FIRST_STEP + 2), *good(1, sharp_pain=True), *good(1, pain_next_morning=4)]
    script.extend(good(3))
    script.append(ScriptedSession(SessionOutcome(), cleared_by_clinician=True))
    script.extend(good(4))
    preview = plan(script=script)

    kinds_after_clearance = _kinds(preview, len(script) - 5, len(script) - 1)

    assert DecisionKind.PAUSED not in kinds_after_clearance
    assert DecisionKind.PROGRESS in kinds_after_clearance


def test_swelling_locking_or_giving_way_stops_walking_until_cleared():
    script = [*good(3), *good(1, giving_way=True), *good(3)]
    script.append(ScriptedSession(SessionOutcome(), cleared_by_clinician=True))
    preview = plan(script=script)

    stopped = preview.sessions[4].decision
    resumed = preview.sessions[7].decision

    assert stopped.kind is DecisionKind.PAUSED and not stopped.walk
    assert preview.sessions[4].sets == ()
    assert resumed.walk


def test_a_missed_session_holds_the_dose():
    script = [*good(FIRST_STEP + 1), *good(1, done=False)]
    preview = plan(script=script)

    assert preview.sessions[FIRST_STEP + 1].missed
    after = preview.sessions[FIRST_STEP + 2].decision
    assert after.kind is DecisionKind.HOLD
    assert any("missed" in reason for reason in after.reasons)


def test_an_unfinished_session_holds_and_two_in_a_row_step_down():
    script = [*good(FIRST_STEP + 1), *good(2, minutes_done=2)]
    preview = plan(script=script)

    assert preview.sessions[FIRST_STEP + 2].decision.kind is DecisionKind.HOLD
    assert preview.sessions[FIRST_STEP + 3].decision.kind is DecisionKind.REGRESS


def test_a_hard_effort_holds_the_dose():
    script = [*good(FIRST_STEP - 1), *good(1, rpe=8)]

    third = plan(script=script).sessions[FIRST_STEP].decision

    assert third.kind is DecisionKind.HOLD
    assert any("effort 8/10" in reason for reason in third.reasons)


def _first_after_layoff(missed: int, weeks: int = 10, restart: bool = False):
    """The first de-load (or restart) once `missed` sessions in a row follow reaching 10 minutes."""
    base = plan(weeks=weeks)
    at_ten = next(s.index for s in base.sessions if s.decision.dose.minutes == 10)
    script = [*good(at_ten + 1), *good(missed, done=False)]
    preview = plan(weeks=weeks, script=script)
    before = preview.sessions[at_ten].decision
    deloads = [
        s.decision for s in preview.sessions[at_ten + 1 :] if s.decision.kind is DecisionKind.DELOAD
    ]
    return before, next(d for d in deloads if (d.changed is None) is restart)


def test_a_short_layoff_takes_a_third_off_the_minutes():
    before, deload = _first_after_layoff(missed=6)

    assert deload.changed is DoseVariable.MINUTES
    assert (before.dose.minutes, deload.dose.minutes) == (10, 7)
    assert deload.dose.speed == before.dose.speed


def test_a_long_layoff_restarts_at_about_half_the_last_tolerated_dose():
    # PROTOCOL.md §11: "about half of the last tolerated dose, not at the very beginning".
    before, restart = _first_after_layoff(missed=14, weeks=20, restart=True)

    assert restart.changed is None
    assert before.dose.minutes == 10
    assert restart.dose.minutes == 5
    assert restart.dose.hands.value == "both"
    assert any("start again at about 50 %" in reason for reason in restart.reasons)


def test_stable_reports_wean_one_hand_then_the_other():
    preview = plan(script=good(20, stable_without_hands=True))

    weaned = [
        s.decision.dose.hands.value
        for s in preview.sessions
        if s.decision.changed is DoseVariable.HAND_SUPPORT
    ]

    assert weaned == ["one", "none"]


def test_walkers_with_falls_keep_both_hands_on_the_rails_longer():
    who = walker(falls_last_year=2)
    preview = plan(who=who, script=good(20, stable_without_hands=True))

    first_wean = next(
        s.index for s in preview.sessions if s.decision.changed is DoseVariable.HAND_SUPPORT
    )

    assert first_wean >= 12


def test_the_start_date_is_the_first_session():
    assert plan().sessions[0].on == START


def test_after_knee_symptoms_and_clearance_walking_resumes_one_step_lower():
    script = [*good(3), *good(1, giving_way=True), *good(2)]
    script.append(ScriptedSession(SessionOutcome(), cleared_by_clinician=True))
    preview = plan(script=script)

    before = preview.sessions[3].decision.dose
    resumed = preview.sessions[6].decision

    assert resumed.walk and resumed.kind is DecisionKind.REGRESS
    assert resumed.dose.minutes == before.minutes - 1
    assert any("clearance" in reason for reason in resumed.reasons)


def test_after_surgery_pain_after_the_session_above_three_holds_the_dose():
    from datetime import date

    from retrowalk.domain.walker import Condition, Surgery, SurgeryKind

    who = walker(condition=Condition.POST_TKR, surgery=Surgery(SurgeryKind.TKR, date(2026, 9, 1)))
    script = [*good(2), *good(1, pain_after=4)]

    third = plan(who=who, script=script).sessions[3].decision

    assert third.kind is DecisionKind.HOLD
    assert any("moves on only from 3/10" in reason for reason in third.reasons)


def test_pain_that_keeps_rising_is_acted_on_again_the_next_week():
    weeks = [good(3), good(3, pain_during=1), good(3, pain_during=2), good(3, pain_during=3)]
    preview = plan(who=walker(rest_pain=0), script=[s for week in weeks for s in week])

    step_downs = [s.index for s in preview.sessions if s.decision.stepped_down]

    assert step_downs[:2] == [9, 12]
    assert preview.sessions[12].decision.kind is DecisionKind.PAUSED
