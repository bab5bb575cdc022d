"""Each modality of PROTOCOL.md §7 progresses what it should, in its order, and nothing else."""

from __future__ import annotations

import itertools

from retrowalk.domain.dose import DoseVariable, HandSupport
from retrowalk.domain.equipment import Deadmill, ManualTreadmill, Outdoor, Sled
from retrowalk.domain.plan import PlanPreview
from retrowalk.domain.units import Speed, SpeedUnit
from retrowalk.domain.walker import Condition, WalkerLimits
from tests.factories import good, plan, treadmill, walker


def _changes(preview: PlanPreview) -> list[DoseVariable]:
    return [s.decision.changed for s in preview.sessions if s.decision.changed is not None]


def _phases(changes: list[DoseVariable]) -> list[DoseVariable]:
    """The order in which variables first changed, runs collapsed."""
    order: list[DoseVariable] = []
    for change in changes:
        if not order or order[-1] is not change:
            order.append(change)
    return order


def test_a_motorized_treadmill_progresses_minutes_then_speed_then_incline():
    preview = plan(weeks=40)

    phases = _phases(_changes(preview))

    assert phases[:3] == [DoseVariable.MINUTES, DoseVariable.SPEED, DoseVariable.INCLINE]
    last = preview.sessions[-1].decision.dose
    assert last.speed == Speed.mph(2.0)
    assert last.incline_percent == 10


def test_a_kmh_treadmill_steps_speed_by_two_tenths_of_a_kmh():
    kmh = treadmill(unit=SpeedUnit.KMH, speeds=(0.8, 16.0, 0.1))
    preview = plan(equipment=kmh, weeks=20)

    speeds = [s.decision.dose.speed.value for s in preview.sessions if s.decision.dose.speed]
    steps = {round(b - a, 3) for a, b in itertools.pairwise(speeds) if b != a}

    assert steps == {0.2}
    assert speeds[0] == 0.8


def test_a_treadmill_with_coarse_speed_steps_never_raises_the_speed_but_inclines_slowly():
    coarse = treadmill(unit=SpeedUnit.KMH, speeds=(1.0, 16.0, 0.5))
    preview = plan(equipment=coarse, weeks=30)

    changes = _changes(preview)
    assert DoseVariable.SPEED not in changes
    assert DoseVariable.INCLINE in changes  # PROTOCOL.md §11: incline from the slowest speed
    inclined = [s.decision.dose for s in preview.sessions if s.decision.dose.incline_percent]
    assert {dose.speed for dose in inclined} == {Speed.kmh(1.0)}
    assert any("steps of 0.5 km/h" in warning for warning in preview.warnings)


def test_a_treadmill_without_incline_lets_an_athlete_reach_the_full_speed_ceiling():
    flat = treadmill(inclines=(0.0, 0.5))
    athlete = walker(condition=Condition.ATHLETE)
    preview = plan(who=athlete, equipment=flat, weeks=60, sessions_per_week=4)

    assert preview.sessions[-1].decision.dose.speed == Speed.mph(3.0)


def test_a_deadmill_progresses_minutes_and_hands_only():
    preview = plan(equipment=Deadmill(handrails=True), script=good(36, stable_without_hands=True))

    assert set(_changes(preview)) == {DoseVariable.MINUTES, DoseVariable.HAND_SUPPORT}
    assert all(s.decision.dose.speed is None for s in preview.sessions)


def test_a_manual_treadmill_progresses_minutes_then_resistance_on_its_fixed_deck():
    deck = ManualTreadmill(incline_degrees=2, resistance_levels=4, handrails=True)
    preview = plan(equipment=deck, weeks=30)

    assert _phases(_changes(preview)) == [
        DoseVariable.MINUTES,
        DoseVariable.RESISTANCE,
        DoseVariable.MINUTES,
    ]
    assert {round(s.decision.dose.incline_percent, 2) for s in preview.sessions} == {3.49}
    assert preview.sessions[-1].decision.dose.resistance_level == 4


def test_a_sled_progresses_load_then_distance_then_sets():
    preview = plan(equipment=Sled(), weeks=40)

    assert _phases(_changes(preview)) == [
        DoseVariable.LOAD,
        DoseVariable.DISTANCE,
        DoseVariable.SETS,
    ]
    last = preview.sessions[-1].decision.dose
    assert (last.load_kg, last.distance_m, last.set_count) == (40, 30, 5)
    assert all(s.decision.dose.hands is HandSupport.NONE for s in preview.sessions)
    assert all(s.energy is None for s in preview.sessions)


def test_a_sled_never_passes_the_owners_maximum_load():
    preview = plan(equipment=Sled(start_load_kg=2.5, max_load_kg=10), weeks=20)

    loads = [s.decision.dose.load_kg for s in preview.sessions]
    assert loads[0] == 2.5
    assert max(load for load in loads if load is not None) == 10


def test_outdoor_walking_progresses_minutes_then_distance_at_no_more_than_the_speed_ceiling():
    preview = plan(equipment=Outdoor(spotter=True), weeks=30)

    assert _phases(_changes(preview))[:2] == [DoseVariable.MINUTES, DoseVariable.DISTANCE]
    last = preview.sessions[-1].decision.dose
    assert last.distance_m is not None
    assert last.distance_m / last.minutes <= Speed.mph(2.0).metres_per_minute
    assert all(s.decision.dose.hands is HandSupport.NONE for s in preview.sessions)


def test_a_treadmill_with_coarse_incline_steps_warns_and_stays_flat():
    coarse = treadmill(inclines=(15.0, 3.0))
    preview = plan(equipment=coarse, weeks=40)

    assert DoseVariable.INCLINE not in _changes(preview)
    assert any("incline changes in steps of 3 %" in warning for warning in preview.warnings)


def test_a_flat_plan_says_so_at_the_target_dose():
    who = walker(condition=Condition.GENERAL)  # no extended minutes: incline is the last step
    preview = plan(who=who, equipment=treadmill(inclines=(0.0, 0.5)), weeks=40)

    assert "walks flat" in preview.sessions[-1].decision.reasons[0]


def test_a_clinicians_speed_limit_below_1_mph_still_lets_incline_start_at_that_speed():
    who = walker(limits=WalkerLimits(max_speed=Speed.mph(0.8)))

    preview = plan(who=who, weeks=40)

    inclined = [s.decision.dose for s in preview.sessions if s.decision.dose.incline_percent]
    assert inclined
    assert {dose.speed for dose in inclined} == {Speed.mph(0.8)}


def test_a_walker_held_short_by_a_coarse_treadmill_is_never_told_it_is_their_target():
    coarse = treadmill(unit=SpeedUnit.KMH, speeds=(1.0, 16.0, 0.5))

    preview = plan(equipment=coarse, weeks=60)

    assert not any("target dose" in s.decision.reasons[0] for s in preview.sessions)
