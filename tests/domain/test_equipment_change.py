"""A change of equipment carries the dose over onto the new grid, never higher, and nothing rises
until the new equipment has had its own comfortable sessions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.equipment import Equipment, ManualTreadmill, Sled
from retrowalk.domain.equipment_change import carry_over
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.programme import Programme, screened_programme
from retrowalk.domain.progression import DecisionKind, EngineState, decide, initial_state, record
from retrowalk.domain.units import SpeedUnit
from retrowalk.domain.walker import WalkerProfile
from retrowalk.protocols import load_modality, protocol_for
from tests.factories import START, treadmill, walker
from tests.strategies import equipment, motorized_treadmills, walkers

EPSILON = 1e-6


def _programme(who: WalkerProfile, kit: Equipment) -> Programme | None:
    protocol, modality = protocol_for(who.condition), load_modality(kit.kind)
    return screened_programme(who, kit, protocol, modality, START)[1]


def _walked(p: Programme, sessions: int, **outcome: object) -> tuple[EngineState, date]:
    """The state after `sessions` sessions, two days apart, all reported as `outcome`."""
    state, day = initial_state(p), START
    for _ in range(sessions):
        decision = decide(p, state, day)
        state = record(p, state, decision, SessionOutcome(**outcome), day)  # type: ignore[arg-type]
        day += timedelta(days=2)
    return state, day


@given(walkers(), motorized_treadmills(), motorized_treadmills(), st.integers(0, 40))
def test_a_new_treadmill_never_raises_the_dose_and_keeps_it_on_its_grid(who, old, new, walked):
    old_p, new_p = _programme(who, old), _programme(who, new)
    assume(old_p is not None and new_p is not None)
    assert old_p is not None and new_p is not None
    state, day = _walked(old_p, walked)

    carried = carry_over(old_p, new_p, state)

    before, after = state.dose, carried.state.dose
    assert before.speed is not None and after.speed is not None
    on_grid = after.speed.in_unit(new.speed_unit)
    assert new.speed_grid.contains(on_grid)
    slowest = new.minimum_speed.metres_per_second
    allowed = max(before.speed.metres_per_second, slowest)
    assert after.speed.metres_per_second <= allowed + EPSILON
    if after.speed.metres_per_second > slowest + EPSILON:
        ceiling = new_p.speed_cap if after.incline_percent > 0 else new_p.speed_ceiling
        assert ceiling is not None
        assert after.speed.metres_per_second <= ceiling.metres_per_second + EPSILON
    assert after.incline_percent <= before.incline_percent + EPSILON
    assert after.incline_percent <= new_p.incline_ceiling_percent + EPSILON
    assert new.incline_grid.contains(after.incline_percent)
    assert after.minutes <= before.minutes + EPSILON
    _assert_within_the_walkers_caps(who, after)
    assert decide(new_p, carried.state, day).kind is not DecisionKind.PROGRESS


def _assert_within_the_walkers_caps(who: WalkerProfile, dose: Dose) -> None:
    """The clinician's caps themselves, not the programme built from them."""
    caps = who.limits
    if caps.max_speed is not None and dose.speed is not None:
        assert dose.speed.metres_per_second <= caps.max_speed.metres_per_second + EPSILON
    if caps.max_incline_percent is not None:
        assert dose.incline_percent <= caps.max_incline_percent + EPSILON
    if caps.target_minutes is not None:
        assert dose.minutes <= caps.target_minutes + EPSILON


@given(walkers(), equipment(), equipment())
def test_a_stop_for_knee_symptoms_outlives_any_change_of_equipment(who, old, new):
    old_p, new_p = _programme(who, old), _programme(who, new)
    assume(old_p is not None and new_p is not None)
    assert old_p is not None and new_p is not None
    state, day = _walked(old_p, 3)
    stopped = record(old_p, state, decide(old_p, state, day), SessionOutcome(swelling=True), day)
    assert stopped.stopped

    carried = carry_over(old_p, new_p, stopped).state

    assert carried.stopped
    assert not decide(new_p, carried, day + timedelta(days=2)).walk


def test_the_same_dose_on_a_km_h_treadmill_is_the_nearest_setting_below_it():
    who = walker()
    old_p = _programme(who, treadmill())
    new_p = _programme(who, treadmill(SpeedUnit.KMH, speeds=(0.8, 16.0, 0.1)))
    assert old_p is not None and new_p is not None
    state, _ = _walked(old_p, 12)
    speed = state.dose.speed
    assert speed is not None

    carried = carry_over(old_p, new_p, state)

    after = carried.state.dose.speed
    assert after is not None and after.unit is SpeedUnit.KMH
    assert 0 <= speed.metres_per_second - after.metres_per_second < 0.1 / 3.6 + EPSILON
    assert carried.state.dose.minutes == state.dose.minutes
    assert any("on this treadmill's own steps" in note for note in carried.notes)
    assert carried.state.walked == state.walked


def test_a_treadmill_whose_slowest_speed_is_above_the_dose_is_named():
    who = walker()
    old_p = _programme(who, treadmill())
    new_p = _programme(who, treadmill(speeds=(1.0, 10.0, 0.1)))
    assert old_p is not None and new_p is not None
    state = initial_state(old_p)
    assert state.dose.speed is not None and state.dose.speed.value < 1.0

    carried = carry_over(old_p, new_p, state)

    assert carried.state.dose.speed is not None and carried.state.dose.speed.value == 1.0
    assert any("slowest belt speed, 1 mph, is above your dose" in n for n in carried.notes)


def test_a_treadmill_without_incline_brings_the_incline_down_to_flat():
    who = walker()
    old_p = _programme(who, treadmill())
    new_p = _programme(who, treadmill(inclines=(0.0, 0.5)))
    assert old_p is not None and new_p is not None
    state, _ = _walked(old_p, 3)
    state = replace(state, dose=replace(state.dose, incline_percent=2.0))

    carried = carry_over(old_p, new_p, state)

    assert carried.state.dose.incline_percent == 0.0
    assert any("Incline lowered to 0 %" in note for note in carried.notes)


def test_another_kind_of_equipment_starts_its_programme_but_keeps_the_knee_s_story():
    who = walker()
    old_p = _programme(who, treadmill())
    new_p = _programme(who, Sled(start_load_kg=None, max_load_kg=None))
    assert old_p is not None and new_p is not None
    state, day = _walked(old_p, 10, pain_during=3)

    carried = carry_over(old_p, new_p, state)

    assert carried.state.dose == new_p.start_dose
    assert carried.state.trend == state.trend
    assert carried.state.last_walked_on == state.last_walked_on
    assert carried.state.walked == state.walked
    assert "begins again at the start dose" in carried.notes[0]
    assert decide(new_p, carried.state, day).kind is DecisionKind.HOLD


def test_rails_on_the_new_equipment_after_none_mean_both_hands_again():
    who = walker(experienced=True)
    old_p = _programme(who, ManualTreadmill(2.0, resistance_levels=8, handrails=False))
    new_p = _programme(who, ManualTreadmill(2.0, resistance_levels=4, handrails=True))
    assert old_p is not None and new_p is not None
    state, _ = _walked(old_p, 2)
    assert state.dose.hands is HandSupport.NONE

    carried = carry_over(old_p, new_p, state)

    assert carried.state.dose.hands is HandSupport.BOTH
    assert carried.state.dose.resistance_level is not None
    assert carried.state.dose.resistance_level <= 4
    assert any("both hands on the rails" in note for note in carried.notes)
