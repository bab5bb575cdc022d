"""Screening before a plan (PROTOCOL.md §9): each answer and the flag it raises."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given

from retrowalk.domain.dose import HandSupport
from retrowalk.domain.equipment import Deadmill, ManualTreadmill, MotorizedTreadmill, Outdoor, Sled
from retrowalk.domain.plan import PlanPreview, PlanRequest, preview_plan
from retrowalk.domain.screening import FlagLevel
from retrowalk.domain.units import Speed, SpeedUnit
from retrowalk.domain.walker import (
    Condition,
    Severity,
    Surgery,
    SurgeryKind,
    WalkerLimits,
    WalkerProfile,
)
from retrowalk.protocols import load_protocol
from tests.factories import START, plan, treadmill, walker
from tests.factories import request as plan_request
from tests.strategies import older, operated, plan_requests, walking_equipment


def _flags(preview) -> dict[str, FlagLevel]:
    return {flag.code: flag.level for flag in preview.screening.flags}


def test_recent_knee_surgery_without_clearance_is_a_red_flag_and_no_plan():
    surgery = Surgery(SurgeryKind.TKR, date(2026, 9, 1))
    who = walker(condition=Condition.POST_TKR, surgery=surgery, cleared_by_clinician=False)

    preview = plan(who=who)

    assert _flags(preview) == {"surgery_not_cleared": FlagLevel.RED}
    assert preview.sessions == ()


def test_cleared_knee_replacement_gets_the_post_surgery_protocol():
    surgery = Surgery(SurgeryKind.TKR, date(2026, 9, 1))

    preview = plan(who=walker(condition=Condition.POST_TKR, surgery=surgery))

    assert preview.protocol_name == "post_surgery"
    assert preview.sessions[0].decision.dose.minutes == 2


@pytest.mark.parametrize(
    ("rest_pain", "code", "level"),
    [
        (7, "rest_pain_high", FlagLevel.RED),
        (10, "rest_pain_high", FlagLevel.RED),
        (4, "rest_pain_moderate", FlagLevel.YELLOW),
        (6, "rest_pain_moderate", FlagLevel.YELLOW),
    ],
)
def test_pain_at_rest_raises_the_matching_flag(rest_pain, code, level):
    assert _flags(plan(who=walker(rest_pain=rest_pain))) == {code: level}


def test_moderate_rest_pain_starts_at_the_lowest_dose_and_moves_on_more_slowly():
    cautious = plan(who=walker(rest_pain=5))
    usual = plan(who=walker(rest_pain=1))

    first_step = next(s.index for s in cautious.sessions if s.decision.kind.value == "progress")
    usual_step = next(s.index for s in usual.sessions if s.decision.kind.value == "progress")
    assert cautious.sessions[0].decision.dose.minutes == 2
    assert first_step > usual_step


@pytest.mark.parametrize("symptom", ["swelling", "locking", "giving_way", "dizziness"])
def test_knee_symptoms_or_dizziness_are_red_flags(symptom):
    preview = plan(who=walker(**{symptom: True}))

    assert preview.sessions == ()
    assert FlagLevel.RED in _flags(preview).values()


def test_falls_bring_the_balance_limits():
    preview = plan(who=walker(falls_last_year=2), weeks=52)

    assert _flags(preview) == {"balance_risk": FlagLevel.YELLOW}
    speeds = [s.decision.dose.speed for s in preview.sessions if s.decision.dose.speed]
    assert all(speed <= Speed.mph(1.3) for speed in speeds)


def test_a_motorized_treadmill_without_a_safety_clip_is_a_red_flag():
    assert _flags(plan(equipment=treadmill(safety_clip=False))) == {"no_safety_clip": FlagLevel.RED}


def test_a_treadmill_or_deadmill_without_handrails_is_a_red_flag():
    assert _flags(plan(equipment=treadmill(handrails=False)))["no_handrails"] is FlagLevel.RED
    assert _flags(plan(equipment=Deadmill(handrails=False)))["no_handrails"] is FlagLevel.RED


def test_a_treadmill_that_cannot_go_below_1_2_mph_is_red_for_a_beginner_yellow_if_experienced():
    fast = treadmill(speeds=(1.2, 10.0, 0.1))

    assert _flags(plan(equipment=fast)) == {"treadmill_too_fast": FlagLevel.RED}
    experienced = plan(equipment=fast, who=walker(experienced=True))
    assert _flags(experienced) == {"treadmill_too_fast": FlagLevel.YELLOW}
    assert experienced.sessions[0].decision.dose.speed == Speed.mph(1.2)


def test_a_treadmill_starting_at_0_8_mph_starts_the_plan_at_its_minimum():
    preview = plan(equipment=treadmill(speeds=(0.8, 10.0, 0.1)))

    assert _flags(preview) == {"treadmill_minimum_above_start": FlagLevel.YELLOW}
    assert preview.sessions[0].decision.dose.speed == Speed.mph(0.8)


def test_a_fixed_eight_degree_deck_is_allowed_for_knee_oa_with_a_gentler_start():
    deck = ManualTreadmill(incline_degrees=8, resistance_levels=5, handrails=True)

    preview = plan(equipment=deck)

    assert _flags(preview) == {"sloped_deck": FlagLevel.YELLOW}
    assert preview.sessions[0].decision.dose.minutes == 2


def test_outdoor_walking_without_a_spotter_is_red_for_a_faller_and_yellow_otherwise():
    alone = Outdoor(spotter=False)

    assert _flags(plan(equipment=alone))["outdoor_without_spotter"] is FlagLevel.YELLOW
    faller = walker(balance_concern=True)
    assert _flags(plan(equipment=alone, who=faller))["outdoor_without_spotter"] is FlagLevel.RED


def test_a_clinicians_speed_limit_below_the_treadmills_minimum_is_a_red_flag():
    who = walker(limits=WalkerLimits(max_speed=Speed.mph(0.3)))

    assert _flags(plan(who=who))["limit_below_treadmill_minimum"] is FlagLevel.RED


def test_the_deadmill_warns_about_the_motor():
    preview = plan(equipment=Deadmill(handrails=True))

    assert any("motor" in warning for warning in preview.warnings)
    assert preview.sessions[0].on == START


def test_experience_lifts_the_incline_ceiling_but_not_for_a_severe_knee():
    experienced = plan(who=walker(experienced=True), weeks=80)
    severe = plan(who=walker(experienced=True, severity=Severity.SEVERE), weeks=80)

    assert max(s.decision.dose.incline_percent for s in experienced.sessions) == 15
    assert max(s.decision.dose.incline_percent for s in severe.sessions) <= 5
    assert max(s.decision.dose.minutes for s in experienced.sessions) > 20
    assert max(s.decision.dose.minutes for s in severe.sessions) <= 10


def test_a_fast_treadmill_stays_red_for_an_experienced_walker_with_a_balance_risk():
    fast = treadmill(speeds=(1.2, 10.0, 0.1))
    who = walker(experienced=True, falls_last_year=3)

    assert _flags(plan(equipment=fast, who=who))["treadmill_too_fast"] is FlagLevel.RED


def test_experience_lifts_nothing_for_the_balance_group():
    who = walker(condition=Condition.BALANCE, experienced=True)

    preview = plan(who=who, weeks=80)

    assert max(s.decision.dose.incline_percent for s in preview.sessions) <= 5
    assert max(s.decision.dose.minutes for s in preview.sessions) <= 10


# PROTOCOL.md §9 amended rows and §7 (issue 12), as a clinician would say them.


def _days_before_start(days: int) -> date:
    return START - timedelta(days=days)


def _speeds_mph(preview: PlanPreview) -> list[float]:
    speeds = [s.decision.dose.speed for s in preview.sessions if s.decision.dose.speed]
    return [speed.in_unit(SpeedUnit.MPH) for speed in speeds]


def test_knee_oa_with_a_replacement_60_days_ago_gets_the_post_surgery_caps_and_a_warning():
    replaced = Surgery(SurgeryKind.TKR, _days_before_start(60))

    preview = plan(who=walker(condition=Condition.KNEE_OA, surgery=replaced), weeks=52)

    assert preview.protocol_name == "post_surgery"
    assert max(_speeds_mph(preview)) <= 1.5 + 1e-9
    assert max(s.decision.dose.incline_percent for s in preview.sessions) <= 5
    assert any("post-surgery rules" in warning for warning in preview.warnings)


def test_an_operation_more_than_a_year_ago_leaves_the_conditions_own_rules():
    old = Surgery(SurgeryKind.OTHER, _days_before_start(400))

    preview = plan(who=walker(surgery=old), weeks=52)

    assert preview.protocol_name == "default"
    assert not any("post-surgery" in warning for warning in preview.warnings)
    assert max(_speeds_mph(preview)) == pytest.approx(2.0)


def test_an_acl_condition_with_a_replacement_given_takes_the_more_careful_rows_and_warns():
    replaced = Surgery(SurgeryKind.TKR, _days_before_start(200))

    preview = plan(who=walker(condition=Condition.POST_ACL, surgery=replaced), weeks=52)

    assert max(s.decision.dose.incline_percent for s in preview.sessions) <= 5
    assert max(_speeds_mph(preview)) <= 1.5 + 1e-9
    assert any("more careful of the two" in warning for warning in preview.warnings)


def test_an_uncleared_operation_of_any_kind_in_the_last_year_stops_the_plan():
    recent = Surgery(SurgeryKind.OTHER, _days_before_start(365))
    who = walker(surgery=recent, cleared_by_clinician=False)

    assert _flags(plan(who=who)) == {"surgery_not_cleared": FlagLevel.RED}


def test_a_knee_replacement_14_days_ago_cleared_is_told_to_walk_only_under_supervision():
    replaced = Surgery(SurgeryKind.TKR, _days_before_start(14))

    preview = plan(who=walker(condition=Condition.POST_TKR, surgery=replaced))

    assert _flags(preview) == {"replacement_supervised": FlagLevel.YELLOW}
    (flag,) = preview.screening.flags
    assert "only under supervision (at a rehab clinic)" in flag.message
    assert preview.sessions[0].decision.dose.minutes == 2


def test_a_knee_replacement_six_weeks_ago_walks_without_the_supervision_flag():
    replaced = Surgery(SurgeryKind.TKR, _days_before_start(42))

    preview = plan(who=walker(condition=Condition.POST_TKR, surgery=replaced))

    assert _flags(preview) == {}


def test_an_acl_reconstruction_14_days_ago_is_not_a_replacement():
    repaired = Surgery(SurgeryKind.ACL, _days_before_start(14))

    assert _flags(plan(who=walker(condition=Condition.POST_ACL, surgery=repaired))) == {}


def test_a_100_year_old_never_goes_above_1_3_mph_even_without_a_fall():
    preview = plan(who=walker(age=100), weeks=52)

    assert max(_speeds_mph(preview)) <= 1.3 + 1e-9
    assert any("falls often go unreported" in warning for warning in preview.warnings)
    assert _flags(preview) == {}


def test_a_79_year_old_without_falls_keeps_the_conditions_speed_ceiling():
    assert max(_speeds_mph(plan(who=walker(age=79), weeks=52))) == pytest.approx(2.0)


def test_an_85_year_old_is_not_lifted_by_experience():
    preview = plan(who=walker(age=85, experienced=True), weeks=80)

    assert max(s.decision.dose.incline_percent for s in preview.sessions) <= 5


def test_a_six_year_old_gets_no_adult_plan():
    preview = plan(who=walker(age=6))

    assert _flags(preview) == {"under_minimum_age": FlagLevel.RED}
    assert "only under supervision" in preview.screening.flags[0].message
    assert preview.sessions == ()


def test_a_sixteen_year_old_may_start():
    assert plan(who=walker(age=16)).sessions


@pytest.mark.parametrize(
    "belt",
    [
        ManualTreadmill(incline_degrees=0, resistance_levels=5, handrails=False),
        ManualTreadmill(incline_degrees=8, resistance_levels=5, handrails=False),
        Deadmill(handrails=False),
    ],
    ids=["flat manual", "sloped manual", "deadmill"],
)
@pytest.mark.parametrize(
    "who",
    [walker(falls_last_year=2), walker(balance_concern=True), walker(age=85)],
    ids=["two falls", "balance worry", "85 years old"],
)
def test_a_faller_on_a_self_powered_belt_without_rails_gets_no_plan(belt, who):
    preview = plan(who=who, equipment=belt)

    assert _flags(preview)["no_handrails"] is FlagLevel.RED
    assert preview.sessions == ()


def test_a_steady_walker_on_a_manual_belt_without_rails_gets_a_yellow_flag_and_a_plan():
    belt = ManualTreadmill(incline_degrees=0, resistance_levels=5, handrails=False)

    preview = plan(equipment=belt)

    assert _flags(preview) == {"no_handrails": FlagLevel.YELLOW}
    assert preview.sessions


_EIGHT_DEGREES = ManualTreadmill(incline_degrees=8, resistance_levels=6, handrails=True)
_OPERATED = {
    Condition.POST_TKR: Surgery(SurgeryKind.TKR, date(2026, 6, 1)),
    Condition.POST_ACL: Surgery(SurgeryKind.ACL, date(2026, 6, 1)),
}


@pytest.mark.parametrize("condition", list(Condition))
def test_every_population_that_may_incline_starts_an_eight_degree_deck_the_same_gentle_way(
    condition,
):
    who = walker(condition=condition, surgery=_OPERATED.get(condition))

    preview = plan(who=who, equipment=_EIGHT_DEGREES)

    assert preview.screening.cleared_to_start
    assert _flags(preview)["sloped_deck"] is FlagLevel.YELLOW
    first = preview.sessions[0].decision.dose
    assert first.minutes <= 2
    assert first.hands is HandSupport.BOTH
    assert first.resistance_level == 1


def test_an_eight_degree_deck_moves_on_more_slowly_than_a_flat_one():
    flat = ManualTreadmill(incline_degrees=0, resistance_levels=6, handrails=True)

    sloped_steps = _first_progress(plan(equipment=_EIGHT_DEGREES, weeks=8))
    flat_steps = _first_progress(plan(equipment=flat, weeks=8))

    assert sloped_steps > flat_steps


def _first_progress(preview: PlanPreview) -> int:
    return next(s.index for s in preview.sessions if s.decision.kind.value == "progress")


def test_an_eight_degree_deck_is_refused_under_a_clinicians_flat_limit_saying_why():
    who = walker(limits=WalkerLimits(max_incline_percent=0.0))

    preview = plan(who=who, equipment=_EIGHT_DEGREES)

    assert _flags(preview) == {"fixed_incline_too_steep": FlagLevel.RED}
    assert "clinician's incline limit of 0 %" in preview.screening.flags[0].message


def test_an_eight_degree_deck_is_refused_for_a_population_that_walks_flat_saying_why():
    request = plan_request(equipment=_EIGHT_DEGREES)
    flat_row = replace(request.protocol.populations[Condition.KNEE_OA], incline_ceiling_percent=0)
    rows = {**request.protocol.populations, Condition.KNEE_OA: flat_row}
    protocol = replace(request.protocol, populations=rows)

    preview = preview_plan(replace(request, protocol=protocol))

    assert _flags(preview) == {"fixed_incline_too_steep": FlagLevel.RED}
    assert "walks flat" in preview.screening.flags[0].message


# Properties. Bounds are PROTOCOL.md's own numbers, written here as literals.

_MPH = Speed.mph(1).metres_per_minute


def _paces_mph(request: PlanRequest, preview: PlanPreview) -> list[float]:
    """Every prescribed belt speed, and every pace an outdoor distance target asks for."""
    paces = []
    for session in preview.sessions:
        dose = session.decision.dose
        if dose.speed is not None:
            paces.append(dose.speed.in_unit(SpeedUnit.MPH))
        elif isinstance(request.equipment, Outdoor) and dose.distance_m:
            paces.append(dose.distance_m / dose.minutes / _MPH)
    return paces


@given(plan_requests(adjust=older, kits=walking_equipment()))
def test_from_80_no_prescribed_pace_is_above_1_3_mph(request):
    """At 80 or more the balance ceiling holds over a whole plan, falls reported or not."""
    preview = preview_plan(request)

    assert all(pace <= 1.3 + 1e-6 for pace in _paces_mph(request, preview))


# PROTOCOL.md §4: post_tkr 1.5 mph, 5 %, 10 min; post_acl 2.0 mph, 15 %, 15 min.
_TKR_CAPS, _ACL_CAPS = (1.5, 5.0, 10), (2.0, 15.0, 15)


def _post_surgery_caps(who: WalkerProfile) -> tuple[float, float, int]:
    assert who.surgery is not None
    kind = who.surgery.kind
    if kind is SurgeryKind.TKR or who.condition is Condition.POST_TKR:
        return _TKR_CAPS
    if kind is SurgeryKind.ACL or who.condition is Condition.POST_ACL:
        return _ACL_CAPS
    return _TKR_CAPS  # another operation, condition silent: the more careful of both rows


@given(plan_requests(adjust=operated))
def test_knee_surgery_within_12_months_brings_the_post_surgery_caps_whatever_the_condition(
    request,
):
    """Speed, treadmill incline and minutes stay under the operation's post-surgery row."""
    preview = preview_plan(request)
    speed, incline, minutes = _post_surgery_caps(request.walker)

    assert preview.protocol_name == "post_surgery"
    assert all(pace <= speed + 1e-6 for pace in _paces_mph(request, preview))
    for session in preview.sessions:
        dose = session.decision.dose
        if isinstance(request.equipment, MotorizedTreadmill):
            assert dose.incline_percent <= incline + 1e-6
        if not isinstance(request.equipment, Sled):
            assert dose.minutes <= minutes + 1e-6


def test_a_plan_for_a_walker_operated_on_last_month_under_the_default_protocol_is_refused():
    who = walker(surgery=Surgery(SurgeryKind.OTHER, _days_before_start(30)))
    request = plan_request(who=who)

    preview = preview_plan(replace(request, protocol=load_protocol("default")))

    assert _flags(preview)["surgery_rules_missing"] is FlagLevel.RED
    assert preview.sessions == ()
