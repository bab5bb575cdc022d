"""Screening before a plan (PROTOCOL.md §9): each answer and the flag it raises."""

from __future__ import annotations

from datetime import date

import pytest

from retrowalk.domain.equipment import Deadmill, ManualTreadmill, Outdoor
from retrowalk.domain.screening import FlagLevel
from retrowalk.domain.units import Speed
from retrowalk.domain.walker import Condition, Severity, Surgery, SurgeryKind, WalkerLimits
from tests.factories import START, plan, treadmill, walker


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
