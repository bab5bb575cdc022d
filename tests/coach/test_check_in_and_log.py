"""The check-in answers, the completed session they make, and the logger that keeps it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from retrowalk.coach.belt import HandSetBelt
from retrowalk.coach.checkin import QUESTIONS, CheckIn
from retrowalk.coach.clock import SimulatedClock
from retrowalk.coach.completed import CompletedSession
from retrowalk.coach.inbox import WalkerCommand
from retrowalk.coach.logger import InMemoryLogger
from retrowalk.coach.session import finish, runner_for
from retrowalk.coach.speech import Transcript
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.cues import CATALOGUE, Cue, MessageKind
from retrowalk.domain.dose import HandSupport
from retrowalk.domain.errors import InputError
from retrowalk.services.answers_file import AnswersFile
from retrowalk.services.log_session import log_command
from tests.coach.builders import walk

ANSWERS = {"pain_during": 2, "sharp_pain": False, "rpe": 5, "notes": "felt steady"}


def _completed(
    today: TodaysWalk, stop_at: float | None, answers: dict[str, Any]
) -> CompletedSession:
    clock, voice = SimulatedClock(), Transcript()
    runner = runner_for(today, clock, voice, HandSetBelt(confirm=False), confirm_set_up=False)
    if stop_at is not None:
        clock.call_at(stop_at, lambda: runner.inbox.post(WalkerCommand.STOP))
    record = runner.run()
    logger = InMemoryLogger()
    finish(today, record, AnswersFile(json.dumps(answers)), logger, voice)
    return logger.sessions[0]


def test_answers_from_a_file_fill_the_check_in_and_hands_default_to_the_plan():
    check_in = AnswersFile(json.dumps(ANSWERS)).ask(HandSupport.ONE)

    assert check_in == CheckIn(2, False, 5, HandSupport.ONE, False, "felt steady")


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({"sharp_pain": False, "rpe": 5}, "check-in.pain_during"),
        ({**ANSWERS, "pain_during": 11}, "check-in.pain_during"),
        ({**ANSWERS, "sharp_pain": "no"}, "check-in.sharp_pain"),
        ({**ANSWERS, "hands_used": "two"}, "check-in.hands_used"),
        ({**ANSWERS, "mood": "good"}, "check-in.mood"),
    ],
)
def test_bad_answers_are_refused_naming_the_field(answers: dict[str, Any], field: str):
    with pytest.raises(InputError) as refused:
        AnswersFile(json.dumps(answers))

    assert refused.value.field == field


def test_every_check_in_question_is_a_question_of_the_catalogue_about_a_field_of_the_check_in():
    fields = set(CheckIn.__dataclass_fields__)

    assert {q.field for q in QUESTIONS} == fields
    assert all(CATALOGUE[q.cue][0] is MessageKind.QUESTION for q in QUESTIONS)


def test_a_full_walk_logs_the_dose_minutes_and_the_answers_as_the_engines_outcome():
    completed = _completed(walk(minutes=6, sets=(3.0, 3.0)), None, ANSWERS)

    outcome = completed.outcome

    assert (outcome.done, outcome.minutes_done, outcome.pain_during, outcome.rpe) == (
        True, 6.0, 2, 5,
    )  # fmt: skip
    assert completed.to_json()["completed"] is True


def test_a_walk_stopped_early_logs_only_the_minutes_walked():
    completed = _completed(walk(minutes=6, sets=(3.0, 3.0)), 90, ANSWERS)

    assert completed.outcome.minutes_done == 1.5
    assert completed.to_json()["stopped_early"] is True
    assert completed.to_json()["sets_walked"] == [1.5, 0.0]


def test_sharp_pain_before_the_first_step_is_logged_as_a_session_not_a_missed_one():
    answers = {**ANSWERS, "sharp_pain": True, "pain_during": 7}

    completed = _completed(walk(), 0, answers)

    assert completed.outcome.done and completed.outcome.sharp_pain
    assert completed.outcome.minutes_done == 0


def test_the_log_entry_is_accepted_by_the_session_log_service():
    completed = _completed(walk(speed=0.7, previous=0.6), 400, ANSWERS)

    command = log_command(walker_id=1, **completed.log_entry())

    assert command.minutes_done == completed.record.minutes_walked
    assert command.speed_done_mph == 0.7
    assert command.source.value == "live"


def test_the_logger_gets_the_completed_session_and_the_walker_hears_its_summary():
    today, clock, voice = walk(minutes=2, sets=(2.0,)), SimulatedClock(), Transcript()
    record = runner_for(today, clock, voice, HandSetBelt(confirm=False), confirm_set_up=False).run()
    logger = InMemoryLogger(lambda done: f"next: {done.outcome.minutes_done} minutes again")

    finished = finish(today, record, AnswersFile(json.dumps(ANSWERS)), logger, voice)

    assert logger.sessions == [finished.completed]
    assert finished.summary == "next: 2.0 minutes again"
    assert voice.messages[-1].cue is Cue.LOGGED
    assert voice.messages[-1].text == "Saved. next: 2.0 minutes again"
