"""PROTOCOL.md §11, missed sessions: nothing progresses on a session that was not walked; after
missed sessions no variable is above the last walked dose; after more than 10 days intensity
steps back too; a restart after a long layoff starts at about half the last tolerated dose."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from itertools import pairwise

from hypothesis import given

from retrowalk.domain.dose import Dose, DoseVariable, HandSupport
from retrowalk.domain.engine_state import EngineState
from retrowalk.domain.plan import PlanRequest, preview_plan
from retrowalk.domain.programme import Programme, screened_programme
from retrowalk.domain.progression import DecisionKind, decide
from retrowalk.domain.units import Speed
from tests.factories import START, good, plan, request
from tests.strategies import plan_requests

FIRST_STEP = 2
EPSILON = 1e-6
_SUPPORT = {HandSupport.NONE: 0, HandSupport.ONE: 1, HandSupport.BOTH: 2}


def _programme(plan_request: PlanRequest) -> Programme:
    _, p = screened_programme(
        plan_request.walker,
        plan_request.equipment,
        plan_request.protocol,
        plan_request.modality,
        plan_request.start,
    )
    assert p is not None
    return p


def _above(dose: Dose, walked: Dose, variable: DoseVariable) -> bool:
    if variable is DoseVariable.HAND_SUPPORT:
        return _SUPPORT[dose.hands] < _SUPPORT[walked.hands]
    new, old = dose.value_of(variable), walked.value_of(variable)
    if new is None or old is None:
        return new is not None and old is None
    if isinstance(new, Speed) and isinstance(old, Speed):
        return new.metres_per_second > old.metres_per_second + EPSILON
    assert isinstance(new, int | float) and isinstance(old, int | float)
    return new > old + EPSILON


def test_a_step_up_planned_for_a_missed_session_is_taken_back():
    script = [*good(FIRST_STEP), *good(1, done=False)]
    preview = plan(script=script)

    planned, after = (preview.sessions[FIRST_STEP + n].decision for n in (0, 1))

    assert planned.kind is DecisionKind.PROGRESS and planned.dose.minutes == 4
    assert after.kind is DecisionKind.HOLD and after.dose.minutes == 3
    assert any("missed" in reason for reason in after.reasons)


def test_the_step_up_comes_after_one_walked_session_back():
    script = [*good(FIRST_STEP), *good(1, done=False), *good(1)]
    preview = plan(script=script)

    assert preview.sessions[FIRST_STEP + 2].decision.kind is DecisionKind.PROGRESS
    assert preview.sessions[FIRST_STEP + 2].decision.dose.minutes == 4


def _walker_on_an_incline() -> tuple[Programme, EngineState]:
    """A state after two good sessions at 10 min, 2.0 mph, 4 % incline, walked on START."""
    p = _programme(request())
    walked = Dose(10, HandSupport.BOTH, speed=Speed.mph(2.0), incline_percent=4.0)
    state = EngineState(
        dose=walked,
        walked=30,
        good_streak=2,
        settled_mornings=2,
        last_walked_on=START,
        last_increase=(DoseVariable.INCLINE, replace(walked, incline_percent=3.0)),
        tolerated=walked,
    )
    return p, state


def test_after_a_fortnight_off_minutes_come_down_and_the_last_incline_step_is_undone():
    p, state = _walker_on_an_incline()

    back = decide(p, state, START + timedelta(days=14))

    assert back.kind is DecisionKind.DELOAD
    assert back.dose.minutes == 7
    assert back.dose.incline_percent == 3.0
    assert back.dose.speed == Speed.mph(2.0)
    assert any("minutes 10 → 7 min; incline 4 → 3 %" in r for r in back.reasons)


def test_after_ten_days_or_fewer_nothing_steps_back():
    p, state = _walker_on_an_incline()

    back = decide(p, state, START + timedelta(days=10))

    assert back.kind is DecisionKind.PROGRESS


def test_a_restart_after_a_long_layoff_is_about_half_the_last_tolerated_dose_on_the_grid():
    p, state = _walker_on_an_incline()

    back = decide(p, state, START + timedelta(days=40))

    assert back.kind is DecisionKind.DELOAD and back.changed is None
    assert back.dose == Dose(5, HandSupport.BOTH, speed=Speed.mph(1.0), incline_percent=2.0)


def test_a_restart_never_starts_below_the_start_dose():
    p, state = _walker_on_an_incline()
    small = Dose(4, HandSupport.ONE, speed=Speed.mph(0.6))
    state = replace(state, dose=small, tolerated=small, last_increase=None)

    back = decide(p, state, START + timedelta(days=40))

    assert back.dose == p.start_dose


def test_a_restart_drops_the_incline_where_half_the_speed_is_too_slow_for_one():
    p, state = _walker_on_an_incline()
    dose = Dose(10, HandSupport.NONE, speed=Speed.mph(1.6), incline_percent=3.0)
    state = replace(state, dose=dose, tolerated=dose)

    back = decide(p, state, START + timedelta(days=40))

    assert back.dose.speed == Speed.mph(0.8)
    assert back.dose.incline_percent == 0.0


@given(plan_requests())
def test_nothing_progresses_on_a_missed_session(plan_request):
    """The session after a missed one never steps up."""
    sessions = preview_plan(plan_request).sessions
    for before, after in pairwise(sessions):
        if before.missed:
            assert after.decision.kind is not DecisionKind.PROGRESS, after.decision.reasons


@given(plan_requests())
def test_after_missed_sessions_no_variable_is_above_the_last_walked_dose(plan_request):
    """Every prescription made after a missed session, up to and including the next walked one,
    stays at or below the last walked dose in every variable (fewer hands counts as above)."""
    variables = _programme(plan_request).variables if preview_plan(plan_request).sessions else ()
    walked, missed_since = None, False
    for session in preview_plan(plan_request).sessions:
        dose = session.decision.dose
        if walked is not None and missed_since and session.decision.walk:
            above = [v for v in variables if _above(dose, walked, v)]
            assert not above, (above, session.decision.reasons)
        if session.missed:
            missed_since = True
        elif session.decision.walk:
            walked, missed_since = dose, False
