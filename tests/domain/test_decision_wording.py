"""Decisions worded when read, and states built slot by slot (issue 18): the same values, in every
way a caller can see, as the ones made the plain way."""

from __future__ import annotations

import copy
import inspect
import pickle
from dataclasses import fields, replace
from datetime import date, timedelta
from typing import Any

from retrowalk.domain.dose import Dose, DoseVariable, HandSupport
from retrowalk.domain.engine_state import (
    Decision,
    DecisionKind,
    EngineState,
    Watch,
    amended,
    next_state,
    next_watch,
    worded_later,
)
from retrowalk.domain.outcome import PainTrend, SessionOutcome, Verdict
from retrowalk.domain.programme import Programme, screened_programme
from retrowalk.domain.progression import decide, initial_state, record
from tests.factories import request, treadmill, walker

DOSE = Dose(minutes=12, hands=HandSupport.ONE)
REASONS = ("Same dose: 1 of 2 comfortable, full sessions so far.", "A second reason.")
OUTCOMES = (
    SessionOutcome(),
    SessionOutcome(pain_during=2, rpe=5),
    SessionOutcome(pain_during=6),
    SessionOutcome(done=False),
    SessionOutcome(pain_next_morning=None, stable_without_hands=True),
)


def _later(calls: list[int] | None = None) -> Decision:
    def wording() -> tuple[str, ...]:
        if calls is not None:
            calls.append(1)
        return REASONS

    return worded_later(DecisionKind.HOLD, DOSE, DoseVariable.MINUTES, wording, pauses=True)


def _plain() -> Decision:
    return Decision(DecisionKind.HOLD, DOSE, DoseVariable.MINUTES, REASONS, pauses=True)


def test_a_decision_worded_later_equals_the_plain_one_in_every_way_a_caller_sees():
    assert _later() == _plain() and _plain() == _later()
    assert hash(_later()) == hash(_plain())
    assert repr(_later()) == repr(_plain())
    assert type(_later().reasons) is tuple and _later().reasons == REASONS
    assert pickle.loads(pickle.dumps(_later())) == _plain()
    assert copy.deepcopy(_later()) == _plain()
    assert replace(_later(), walk=False) == replace(_plain(), walk=False)
    assert _later() != replace(_plain(), reasons=REASONS[:1])


def test_the_wording_runs_only_when_read_and_only_once():
    calls: list[int] = []
    decision = _later(calls)
    assert decision.kind is DecisionKind.HOLD and decision.pauses and calls == []
    assert decision.reasons == REASONS and decision.reasons == REASONS
    assert calls == [1]


def test_an_unknown_attribute_of_a_decision_is_still_an_attribute_error():
    decision = _later()
    for name in ("reason", "_wording_of"):
        try:
            getattr(decision, name)
        except AttributeError as error:
            assert name in str(error)
        else:
            raise AssertionError(f"{name} should not exist")


def test_amended_keeps_every_field_and_adds_one_reason_after_the_others():
    flagged = Decision(
        DecisionKind.REGRESS,
        DOSE,
        DoseVariable.SPEED,
        REASONS,
        walk=False,
        stepped_down=True,
        pauses=True,
        resets_trend=True,
        acts_on_trend=True,
    )
    both = Dose(minutes=12, hands=HandSupport.BOTH)
    assert amended(flagged, lambda: "One more.") == replace(
        flagged, reasons=(*REASONS, "One more.")
    )
    assert amended(flagged, lambda: "One more.", dose=both) == replace(
        flagged, dose=both, reasons=(*REASONS, "One more.")
    )


def test_the_builders_take_the_fields_in_their_order():
    state_parameters = list(inspect.signature(next_state).parameters)
    watch_parameters = list(inspect.signature(next_watch).parameters)
    assert state_parameters == [f.name for f in fields(EngineState)]
    assert watch_parameters == [f.name for f in fields(Watch)]


def test_the_builders_make_the_values_the_dataclasses_make():
    # Every field a value no other field has, so a field set from the wrong argument shows.
    watch: dict[str, Any] = {
        "stop_cause": None,
        "pain_over_streak": 1,
        "morning_over_streak": 2,
        "hard_effort_streak": 3,
        "sharp_pain_on": date(2027, 1, 1),
        "step_ups": (date(2027, 1, 2),),
        "started_on": date(2027, 1, 3),
        "hands_restore": HandSupport.ONE,
        "one_hand_since": date(2027, 1, 4),
        "held_since": date(2027, 1, 5),
        "trend_referred": True,
    }
    assert next_watch(**watch) == Watch(**watch)
    state: dict[str, Any] = {
        "dose": DOSE,
        "walked": 11,
        "good_streak": 12,
        "streak_peak_pain": 13,
        "stable_streak": 14,
        "over_limit_streak": 15,
        "partial_streak": 16,
        "step_downs": 17,
        "last_increase": (DoseVariable.MINUTES, Dose(minutes=10, hands=HandSupport.ONE)),
        "last_walked_on": date(2027, 2, 1),
        "last_verdict": Verdict.PARTIAL,
        "last_outcome": SessionOutcome(pain_during=3),
        "paused": True,
        "stopped": False,
        "layoff_steps": 18,
        "resume_lower": True,
        "trend": PainTrend(week=5, total=6, count=2),
        "settled_mornings": 19,
        "tolerated": Dose(minutes=8, hands=HandSupport.BOTH),
        "watch": Watch(**watch),
    }
    built = next_state(**state)
    assert built == EngineState(**state)
    assert {f.name: getattr(built, f.name) for f in fields(EngineState)} == state


def _programme() -> Programme:
    plan = request(who=walker(), equipment=treadmill())
    _, p = screened_programme(plan.walker, plan.equipment, plan.protocol, plan.modality, plan.start)
    assert p is not None
    return p


def _fold(p: Programme, read_at_once: bool) -> tuple[list[Decision], list[tuple[str, ...]]]:
    state, on = initial_state(p), date(2027, 1, 4)
    decisions, read = [], []
    for index in range(160):
        decision = decide(p, state, on)
        if read_at_once:
            read.append(decision.reasons)
        decisions.append(decision)
        state = record(p, state, decision, OUTCOMES[index % len(OUTCOMES)], on)
        on += timedelta(days=1 + index % 3)
    return decisions, read


def test_reasons_read_long_after_the_fold_moved_on_are_those_of_the_moment_of_deciding():
    p = _programme()
    _, read_at_once = _fold(p, read_at_once=True)
    decisions, _ = _fold(p, read_at_once=False)
    assert [d.reasons for d in decisions] == read_at_once
    assert len({d.kind for d in decisions}) >= 3  # holds, step-ups and step-downs among them
