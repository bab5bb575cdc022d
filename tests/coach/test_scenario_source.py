"""Today's walk taken from a scenario's plan, and the engine's next decision after it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from retrowalk.coach.belt import HandSetBelt
from retrowalk.coach.clock import SimulatedClock
from retrowalk.coach.completed import CompletedSession
from retrowalk.coach.inbox import WalkerCommand
from retrowalk.coach.session import runner_for
from retrowalk.coach.speech import Transcript
from retrowalk.domain.errors import InputError, SafetyLimitError
from retrowalk.domain.units import Speed, SpeedUnit
from retrowalk.services.answers_file import AnswersFile
from retrowalk.services.scenario import ScenarioIn, parse_scenario
from retrowalk.services.scenario_walks import ScenarioWalks

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
STEP_UP_SESSION = 16  # knee_oa_mph: the first session at 0.6 mph after 0.5


def _scenario(name: str = "knee_oa_mph.json") -> ScenarioIn:
    return parse_scenario((EXAMPLES / name).read_text(encoding="utf-8"))


def _walked(
    source: ScenarioWalks, stop_at: float | None, answers: dict[str, Any]
) -> CompletedSession:
    today, clock = source.todays_walk(), SimulatedClock()
    runner = runner_for(
        today, clock, Transcript(), HandSetBelt(confirm=False), confirm_set_up=False
    )
    if stop_at is not None:
        clock.call_at(stop_at, lambda: runner.inbox.post(WalkerCommand.STOP))
    return CompletedSession(
        today, runner.run(), AnswersFile(json.dumps(answers)).ask(today.dose.hands)
    )


def test_the_first_session_of_a_plan_is_its_start_dose_with_no_speed_step():
    today = ScenarioWalks(_scenario()).todays_walk()

    assert (today.dose.minutes, today.sets, today.rest_minutes) == (3, (3.0,), 1)
    assert today.dose.speed == Speed.mph(0.5) and today.previous_speed is None
    assert today.unit is SpeedUnit.MPH
    assert today.speed_ceiling == Speed.mph(2.0)


def test_a_session_after_a_speed_increase_knows_the_previous_speed():
    today = ScenarioWalks(_scenario(), STEP_UP_SESSION).todays_walk()

    assert today.previous_speed == Speed.mph(0.5)
    assert today.dose.speed == Speed.mph(0.6)


def test_a_metric_walker_hears_speeds_in_kmh():
    assert ScenarioWalks(_scenario("knee_oa_kmh.json")).todays_walk().unit is SpeedUnit.KMH


def test_the_next_decision_follows_from_how_the_walk_went():
    source = ScenarioWalks(_scenario(), 4)
    knee = {"form_ok": True, "swelling": False, "locking": False, "giving_way": False}
    full = {"pain_during": 1, "sharp_pain": False, "rpe": 4, **knee}

    after_full = source.next_decision(_walked(source, None, full))
    after_sharp = source.next_decision(_walked(source, 100, {**full, "sharp_pain": True}))

    assert (
        after_full
        == "Next session, 2027-01-15: Same dose: 1 of 2 comfortable, full sessions so far."
    )
    assert after_sharp.startswith("Next session, 2027-01-15:")
    assert "sharp pain" in after_sharp


def test_a_walk_whose_knee_questions_were_skipped_does_not_count_toward_moving_on():
    source = ScenarioWalks(_scenario(), 4)
    skipped = {"pain_during": 1, "sharp_pain": False, "rpe": 4, "form_ok": True, "swelling": None}

    summary = source.next_decision(_walked(source, None, skipped))

    assert "swelling, locking and giving way were not reported" in summary


def test_the_last_session_of_a_plan_still_has_a_next_decision():
    source = ScenarioWalks(_scenario(), 47)
    answers = {"pain_during": 0, "sharp_pain": False, "rpe": 3}

    summary = source.next_decision(_walked(source, None, answers))

    assert summary.startswith("Next session, ")


def test_a_red_flag_plan_has_no_walk_and_says_why():
    with pytest.raises(SafetyLimitError, match="no plan to walk"):
        ScenarioWalks(_scenario("red_flag_no_safety_clip.json"))


def test_a_session_number_outside_the_plan_is_refused_with_the_range():
    with pytest.raises(InputError) as refused:
        ScenarioWalks(_scenario(), 500)

    assert refused.value.field == "session"
    assert "0 to 47" in refused.value.allowed


def test_equipment_without_a_treadmill_is_refused_for_now():
    with pytest.raises(InputError) as refused:
        ScenarioWalks(_scenario("sled_mph.json"))

    assert refused.value.field == "equipment.kind"
