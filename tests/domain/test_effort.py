"""PROTOCOL.md §11, effort: 8 or more at a low dose twice in a row steps down and asks about chest
pain, breathlessness and dizziness, rather than holding forever."""

from __future__ import annotations

from datetime import timedelta

from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.engine_state import EngineState
from retrowalk.domain.outcome import SessionOutcome, Verdict
from retrowalk.domain.programme import screened_programme
from retrowalk.domain.progression import DecisionKind, decide, record
from retrowalk.domain.units import Speed
from tests.factories import START, good, plan, request

FIRST_STEP = 2


def test_effort_8_once_holds():
    script = [*good(FIRST_STEP + 1), *good(1, rpe=8)]

    after = plan(script=script).sessions[FIRST_STEP + 2].decision

    assert after.kind is DecisionKind.HOLD
    assert any("effort 8/10" in reason for reason in after.reasons)


def test_effort_8_twice_at_a_low_dose_steps_down_and_asks_about_the_heart_and_lungs():
    script = [*good(FIRST_STEP + 1), *good(2, rpe=9)]

    after = plan(script=script).sessions[FIRST_STEP + 3].decision

    assert after.kind is DecisionKind.REGRESS and after.dose.minutes == 3
    (cause, *_) = after.reasons
    assert "effort was 8/10 or more at a low dose 2 sessions running" in cause
    assert all(word in cause for word in ("chest pain", "breathlessness", "dizzy", "doctor"))


def test_effort_8_twice_at_the_start_dose_stops_and_refers():
    script = good(2, rpe=8)

    after = plan(script=script).sessions[2].decision

    assert after.kind is DecisionKind.PAUSED and not after.walk
    assert any("chest pain" in reason for reason in after.reasons)


def test_effort_8_twice_once_speed_has_gone_up_holds_as_before():
    who = request()
    _, p = screened_programme(who.walker, who.equipment, who.protocol, who.modality, who.start)
    assert p is not None
    faster = Dose(10, HandSupport.BOTH, speed=Speed.mph(1.2))
    state = EngineState(dose=faster, walked=20, last_walked_on=START)
    hard = SessionOutcome(rpe=8)
    for day in (2, 4):
        on = START + timedelta(days=day)
        state = record(p, state, decide(p, state, on), hard, on)

    after = decide(p, state, START + timedelta(days=6))

    assert state.last_verdict is Verdict.HARD_EFFORT
    assert after.kind is DecisionKind.HOLD and after.dose == faster


def test_an_unknown_effort_neither_adds_to_the_run_of_hard_efforts_nor_breaks_it():
    script = [*good(FIRST_STEP + 1), *good(1, rpe=8), *good(1, rpe=None), *good(1, rpe=8)]

    after = plan(script=script).sessions[FIRST_STEP + 4].decision

    assert after.kind is DecisionKind.REGRESS and after.dose.minutes == 3
