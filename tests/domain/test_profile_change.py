"""A change of the walker's answers: what changed, from → to, and the state the pending session
is decided from afterwards (never a higher dose; the start dose when the knee is a new one)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from retrowalk.domain.engine_state import EngineState
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.profile_change import (
    PROFILE_FIELDS,
    FieldChange,
    changes_between,
    knee_changed,
    profile_facts,
    replanned,
    stop_state,
)
from retrowalk.domain.programme import Programme, screened_programme
from retrowalk.domain.progression import decide, initial_state, record
from retrowalk.domain.walker import Condition, Severity, Surgery, SurgeryKind, WalkerProfile
from retrowalk.protocols import load_modality, protocol_for
from tests.factories import START, treadmill, walker
from tests.strategies import walkers

EPSILON = 1e-6


def _programme(who: WalkerProfile) -> Programme | None:
    kit = treadmill()
    protocol, modality = protocol_for(who.condition), load_modality(kit.kind)
    return screened_programme(who, kit, protocol, modality, START)[1]


def _walked(p: Programme, sessions: int) -> EngineState:
    state, day = initial_state(p), START
    for _ in range(sessions):
        state = record(p, state, decide(p, state, day), SessionOutcome(), day)
        day += timedelta(days=2)
    return state


def test_only_the_answers_that_differ_are_changes_in_the_order_people_read_them() -> None:
    before = profile_facts(walker())
    after = profile_facts(walker(swelling=True, age=70, rest_pain=3))

    changes = changes_between(before, after)

    assert changes == (
        FieldChange("age", before["age"], 70),
        FieldChange("rest_pain", before["rest_pain"], 3),
        FieldChange("swelling", False, True),
    )
    assert tuple(after) == PROFILE_FIELDS


def test_an_operation_is_two_plain_fields() -> None:
    operated = walker(surgery=Surgery(SurgeryKind.ACL, date(2026, 9, 1)))

    facts = profile_facts(operated)

    assert (facts["surgery.kind"], facts["surgery.date"]) == ("acl", "2026-09-01")
    assert knee_changed(walker(), operated) and not knee_changed(walker(), walker(age=80))


def test_a_stop_and_a_pause_are_named_and_a_free_state_is_not() -> None:
    p = _programme(walker())
    assert p is not None
    state = initial_state(p)

    named = [stop_state(replace(state, stopped=True)), stop_state(replace(state, paused=True))]

    assert named == ["stopped", "paused"] and stop_state(state) is None


def test_a_dose_the_new_programme_holds_keeps_the_whole_state() -> None:
    p = _programme(walker())
    assert p is not None
    state = _walked(p, 9)

    kept = replanned(p, state, None)

    assert kept.state == state and kept.notes == ()


def test_afresh_starts_at_the_start_dose_and_keeps_the_knees_story() -> None:
    p = _programme(walker())
    assert p is not None
    state = replace(_walked(p, 12), stopped=True, paused=True)
    assert state.dose != p.start_dose

    fresh = replanned(p, state, "A new operation.")

    assert fresh.state.dose == p.start_dose and fresh.notes == ("A new operation.",)
    assert fresh.state.stopped and fresh.state.paused
    assert (fresh.state.walked, fresh.state.last_walked_on) == (state.walked, state.last_walked_on)
    assert fresh.state.trend == state.trend and fresh.state.good_streak == 0


def test_afresh_forgets_the_settled_mornings_of_the_old_streak() -> None:
    # Settled mornings are counted among the current good streak: a restart that emptied the
    # streak but kept them would let the new programme step up on mornings nobody reported.
    p = _programme(walker())
    assert p is not None
    state = replace(_walked(p, 12), good_streak=3, settled_mornings=3)

    fresh = replanned(p, state, "A new operation.")

    assert (fresh.state.good_streak, fresh.state.settled_mornings) == (0, 0)


@given(walkers(), st.integers(0, 40))
def test_a_more_careful_programme_never_raises_the_dose(who: WalkerProfile, walked: int) -> None:
    before = _programme(who)
    careful = replace(who, severity=Severity.SEVERE, falls_last_year=2)
    after = _programme(careful)
    assume(before is not None and after is not None and who.condition is not Condition.BALANCE)
    assert before is not None and after is not None
    state = _walked(before, walked)

    carried = replanned(after, state, None).state.dose

    assert carried.minutes <= state.dose.minutes + EPSILON
    if carried.speed is not None and state.dose.speed is not None:
        assert carried.speed.metres_per_second <= state.dose.speed.metres_per_second + EPSILON
    assert carried.incline_percent <= state.dose.incline_percent + EPSILON
