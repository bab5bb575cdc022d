"""The walk record rebuilt from what the live page reports follows the coach's own rules."""

from __future__ import annotations

import pytest

from retrowalk.coach.reported import Answers, WalkReport, walk_record
from retrowalk.coach.schedule import build_timeline
from retrowalk.coach.timeline import EventKind
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.errors import InputError
from retrowalk.domain.units import Speed, SpeedUnit

TIMELINE = build_timeline(
    TodaysWalk(
        dose=Dose(10.0, HandSupport.BOTH, Speed.mph(0.6)),
        sets=(5.0, 5.0),
        rest_minutes=1.0,
        unit=SpeedUnit.MPH,
        previous_speed=Speed.mph(0.5),
    )
)
STEP_AT = next(e.at for e in TIMELINE.events if e.kind is EventKind.SPEED_STEP)
ANSWERS = Answers(1, False, 4, None, False, "")


def report(ended: float, stopped: bool = True, step: float | None = None) -> WalkReport:
    return WalkReport(0, ended, stopped, (), step, ANSWERS)


def test_a_walk_stopped_in_the_rest_counts_only_the_first_set() -> None:
    record = walk_record(TIMELINE, report(320))

    assert record.minutes_walked == 5.0 and record.stopped_early


def test_a_step_never_confirmed_leaves_the_old_speed_as_the_speed_walked() -> None:
    record = walk_record(TIMELINE, report(200))

    assert record.main_speed == Speed.mph(0.5)


def test_a_confirmed_step_counts_from_the_moment_it_was_confirmed() -> None:
    record = walk_record(TIMELINE, report(TIMELINE.end, stopped=False, step=STEP_AT + 5))

    assert [c.at for c in record.speed_changes] == [STEP_AT + 5]
    assert record.main_speed == Speed.mph(0.6)


def test_a_step_confirmed_before_it_was_asked_for_is_refused() -> None:
    with pytest.raises(InputError) as refused:
        walk_record(TIMELINE, report(200, step=STEP_AT - 10))

    assert refused.value.field == "step_confirmed_at_seconds"


def test_an_end_beyond_the_timeline_is_refused() -> None:
    with pytest.raises(InputError) as refused:
        walk_record(TIMELINE, report(TIMELINE.end + 1))

    assert refused.value.field == "ended_at_seconds"
