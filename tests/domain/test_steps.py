"""One step up or down, at the edges of each limit (domain/steps.py). Every expected number is
written out from the protocol files (src/retrowalk/protocols/*.toml) and PROTOCOL.md §4-§7, for a
knee_oa walker of moderate severity: 3 to 10 minutes, then up to 20; 0.5 to 2.0 mph; incline from
1.0 mph, 1 % then +1 % up to 10 %."""

from __future__ import annotations

from dataclasses import replace

import pytest

from retrowalk.domain.dose import Dose, DoseVariable, HandSupport
from retrowalk.domain.equipment import Equipment, ManualTreadmill, Outdoor, Sled
from retrowalk.domain.modality import ManualRules, SledRules
from retrowalk.domain.programme import Phase, Programme, screened_programme
from retrowalk.domain.steps import (
    Blocked,
    at_low_dose,
    below_start,
    outdoor_distance_cap,
    step_down,
    step_up,
    wean_hands,
)
from retrowalk.domain.units import Speed, SpeedUnit
from retrowalk.domain.walker import WalkerLimits
from tests.factories import START, request, treadmill, walker

MINUTES, SPEED, INCLINE = (Phase(DoseVariable(v)) for v in ("minutes", "speed", "incline"))
EXTENDED = Phase(DoseVariable.MINUTES, extended=True)


def _programme(kit: Equipment | None = None, **limits: object) -> Programme:
    who = walker(limits=WalkerLimits(**limits))  # type: ignore[arg-type]
    asked = request(who=who, equipment=kit)
    _, programme = screened_programme(who, asked.equipment, asked.protocol, asked.modality, START)
    assert programme is not None
    return programme


def _dose(minutes: float = 10, mph: float | None = 1.0, incline: float = 0.0) -> Dose:
    speed = None if mph is None else Speed.mph(mph)
    return Dose(minutes, HandSupport.BOTH, speed, incline)


def _up(p: Programme, dose: Dose, phase: Phase) -> Dose | Blocked:
    return step_up(p, dose, phase)


def test_minutes_go_up_one_at_a_time_to_the_target_and_stop_there() -> None:
    p = _programme()

    assert _up(p, _dose(minutes=3), MINUTES) == _dose(minutes=4)
    assert _up(p, _dose(minutes=9), MINUTES) == _dose(minutes=10)
    assert isinstance(_up(p, _dose(minutes=10), MINUTES), Blocked)
    assert _up(p, _dose(minutes=10), EXTENDED) == _dose(minutes=11)
    assert isinstance(_up(p, _dose(minutes=20), EXTENDED), Blocked)


def test_minutes_never_pass_a_clinicians_target_in_one_step() -> None:
    p = _programme(target_minutes=7)

    assert _up(p, _dose(minutes=6), MINUTES) == _dose(minutes=7)
    assert isinstance(_up(p, _dose(minutes=7), MINUTES), Blocked)
    assert isinstance(_up(p, _dose(minutes=7), EXTENDED), Blocked)


def test_minutes_come_down_one_at_a_time_to_the_floor_of_two() -> None:
    p = _programme()

    assert step_down(p, _dose(minutes=5), DoseVariable.MINUTES) == _dose(minutes=4)
    assert step_down(p, _dose(minutes=3), DoseVariable.MINUTES) == _dose(minutes=2)
    assert isinstance(step_down(p, _dose(minutes=2), DoseVariable.MINUTES), Blocked)


def test_speed_goes_up_a_tenth_of_a_mph_to_the_ceiling_and_stops_there() -> None:
    p = _programme()

    assert _up(p, _dose(mph=1.0), SPEED) == _dose(mph=1.1)
    assert _up(p, _dose(mph=1.9), SPEED) == _dose(mph=2.0)
    assert isinstance(_up(p, _dose(mph=2.0), SPEED), Blocked)


def test_speed_never_passes_a_clinicians_cap_between_grid_steps() -> None:
    p = _programme(max_speed=Speed.mph(1.25))

    assert _up(p, _dose(mph=1.1), SPEED) == _dose(mph=1.2)
    assert isinstance(_up(p, _dose(mph=1.2), SPEED), Blocked)


def test_speed_comes_down_a_tenth_to_the_start_speed_and_no_further() -> None:
    p = _programme()

    assert step_down(p, _dose(mph=1.0), DoseVariable.SPEED) == _dose(mph=0.9)
    assert step_down(p, _dose(mph=0.6), DoseVariable.SPEED) == _dose(mph=0.5)
    assert isinstance(step_down(p, _dose(mph=0.5), DoseVariable.SPEED), Blocked)


def test_incline_starts_at_one_percent_from_one_mph_and_rises_a_percent_to_its_ceiling() -> None:
    p = _programme()

    assert isinstance(_up(p, _dose(mph=0.9), INCLINE), Blocked)
    assert _up(p, _dose(mph=1.0), INCLINE) == _dose(mph=1.0, incline=1.0)
    assert _up(p, _dose(incline=1.0), INCLINE) == _dose(incline=2.0)
    assert _up(p, _dose(incline=9.0), INCLINE) == _dose(incline=10.0)
    assert isinstance(_up(p, _dose(incline=10.0), INCLINE), Blocked)


def test_incline_never_passes_a_clinicians_cap() -> None:
    capped = _programme(max_incline_percent=2.5)  # on a 0.5 % grid: 2.5 % itself
    flat = _programme(max_incline_percent=0.0)
    one_percent = _programme(max_incline_percent=1.0)

    assert _up(capped, _dose(incline=2.0), INCLINE) == _dose(incline=2.5)
    assert _up(one_percent, _dose(), INCLINE) == _dose(incline=1.0)
    assert isinstance(_up(one_percent, _dose(incline=1.0), INCLINE), Blocked)
    assert isinstance(_up(capped, _dose(incline=2.5), INCLINE), Blocked)
    assert isinstance(_up(flat, _dose(), INCLINE), Blocked)


def test_a_clinicians_incline_cap_above_the_protocols_ceiling_is_not_named() -> None:
    # A cap of 10.05 % (one given in degrees, turned to a percentage) is above knee_oa's 10 %:
    # the protocol's ceiling holds the incline, and the walker is not told the clinician set it.
    held = _up(_programme(max_incline_percent=10.05), _dose(incline=10.0), INCLINE)

    assert isinstance(held, Blocked) and not held.clinicians
    assert held.reason == "incline is at its ceiling of 10 %"


def test_a_clinicians_incline_cap_between_grid_steps_is_named_at_the_step_below() -> None:
    # 3.7 % on a 0.5 % grid holds at 3.5 %: that is the clinician's cap, and the walker is told.
    held = _up(_programme(max_incline_percent=3.7), _dose(incline=3.5), INCLINE)

    assert isinstance(held, Blocked) and held.clinicians
    assert held.reason == "incline is at the ceiling your clinician set, 3.5 %"


def test_a_clinicians_incline_cap_equal_to_the_protocols_ceiling_is_named() -> None:
    held = _up(_programme(max_incline_percent=10.0), _dose(incline=10.0), INCLINE)

    assert isinstance(held, Blocked) and held.clinicians
    assert held.reason == "incline is at the ceiling your clinician set, 10 %"


def test_a_clinicians_incline_cap_above_the_treadmills_top_is_not_named() -> None:
    low_deck = treadmill(inclines=(4.0, 0.5))  # tops out at 4 %, below the cap of 6 %
    held = _up(_programme(low_deck, max_incline_percent=6.0), _dose(incline=4.0), INCLINE)

    assert isinstance(held, Blocked) and not held.clinicians
    assert held.reason == "incline is at its ceiling of 4 %"


def test_incline_comes_down_a_percent_and_below_the_first_step_to_flat() -> None:
    p = _programme()

    assert step_down(p, _dose(incline=3.0), DoseVariable.INCLINE) == _dose(incline=2.0)
    assert step_down(p, _dose(incline=1.0), DoseVariable.INCLINE) == _dose(incline=0.0)
    assert isinstance(step_down(p, _dose(), DoseVariable.INCLINE), Blocked)


def test_the_start_dose_is_the_floor_and_a_low_dose_has_only_minutes_or_hands_moved() -> None:
    p = _programme()  # starts at 3 minutes, 0.5 mph, flat
    start = p.start_dose

    assert not below_start(p, start) and at_low_dose(p, start)
    assert below_start(p, replace(start, minutes=2))
    assert at_low_dose(p, replace(start, minutes=10, hands=HandSupport.NONE))
    assert not at_low_dose(p, replace(start, speed=Speed.mph(0.6)))


def test_hands_come_off_one_rail_at_a_time() -> None:
    both = _dose()

    assert wean_hands(both) == replace(both, hands=HandSupport.ONE)
    assert wean_hands(replace(both, hands=HandSupport.ONE)) == replace(both, hands=HandSupport.NONE)
    assert isinstance(wean_hands(replace(both, hands=HandSupport.NONE)), Blocked)
    assert isinstance(step_down(_programme(), both, DoseVariable.HAND_SUPPORT), Blocked)


def test_resistance_moves_one_level_between_the_first_and_the_top() -> None:
    p = _programme(ManualTreadmill(incline_degrees=0.0, resistance_levels=3, handrails=True))
    at = Dose(10, HandSupport.BOTH, resistance_level=2)

    assert step_up(p, at, Phase(DoseVariable.RESISTANCE)) == replace(at, resistance_level=3)
    assert step_down(p, at, DoseVariable.RESISTANCE) == replace(at, resistance_level=1)
    top, first = replace(at, resistance_level=3), replace(at, resistance_level=1)
    assert isinstance(step_up(p, top, Phase(DoseVariable.RESISTANCE)), Blocked)
    assert isinstance(step_down(p, first, DoseVariable.RESISTANCE), Blocked)


def test_a_sled_moves_by_its_steps_inside_its_limits() -> None:
    """sled.toml: load +2.5 kg up to the sled's 10 kg here; 5 m more per set up to 30 m; 1 to 5
    sets; minutes follow from the distance at 15 m a minute."""
    p = _programme(Sled(start_load_kg=5.0, max_load_kg=10.0))
    dose = p.start_dose  # 5 kg, 2 sets of 10 m
    load, distance, sets = (Phase(DoseVariable(v)) for v in ("load", "distance", "sets"))

    heavier = step_up(p, dose, load)
    assert isinstance(heavier, Dose) and heavier.load_kg == 7.5
    assert isinstance(step_up(p, replace(dose, load_kg=10.0), load), Blocked)
    lighter = step_down(p, replace(dose, load_kg=2.5), DoseVariable.LOAD)
    assert isinstance(lighter, Dose) and lighter.load_kg == 0.0
    assert isinstance(step_down(p, replace(dose, load_kg=0.0), DoseVariable.LOAD), Blocked)
    longer = step_up(p, dose, distance)
    assert isinstance(longer, Dose) and (longer.distance_m, longer.minutes) == (15, 2.0)
    assert isinstance(step_up(p, replace(dose, distance_m=30), distance), Blocked)
    assert isinstance(step_down(p, replace(dose, distance_m=5), DoseVariable.DISTANCE), Blocked)
    more = step_up(p, dose, sets)
    assert isinstance(more, Dose) and more.set_count == 3
    assert isinstance(step_up(p, replace(dose, set_count=5), sets), Blocked)
    assert isinstance(step_down(p, replace(dose, set_count=1), DoseVariable.SETS), Blocked)


def test_outdoors_the_distance_never_asks_a_pace_above_the_ceiling() -> None:
    """2.0 mph is 53.6 m a minute: 10 minutes may cover 530 m (rounded down to 10 m); the first
    distance is the easy 1.0 mph pace (270 m), then 20 m more a step."""
    p = _programme(Outdoor(spotter=True))
    capped = _programme(Outdoor(spotter=True), max_speed=Speed.mph(1.0))
    ten = Dose(10, HandSupport.NONE)
    distance = Phase(DoseVariable.DISTANCE)

    assert outdoor_distance_cap(p, 10) == 530
    assert outdoor_distance_cap(capped, 10) == 260
    assert step_up(p, ten, distance) == replace(ten, distance_m=270)
    assert step_up(capped, ten, distance) == replace(ten, distance_m=260)
    assert step_up(p, replace(ten, distance_m=500), distance) == replace(ten, distance_m=520)
    assert step_up(p, replace(ten, distance_m=520), distance) == replace(ten, distance_m=530)
    assert isinstance(step_up(p, replace(ten, distance_m=530), distance), Blocked)
    lowered = step_down(p, replace(ten, distance_m=300), DoseVariable.DISTANCE)
    assert lowered == replace(ten, distance_m=280)
    eased = step_down(p, replace(ten, distance_m=280), DoseVariable.DISTANCE)
    assert eased == replace(ten, distance_m=None)  # below the easy pace: no distance target


def test_an_outdoor_distance_is_not_below_a_start_that_has_none() -> None:
    """The outdoor start dose has no distance target; a walk with one is not below it."""
    p = _programme(Outdoor(spotter=True))

    assert not below_start(p, replace(p.start_dose, distance_m=270))


def test_speed_never_comes_down_below_the_start_even_where_the_belt_goes_slower() -> None:
    p = _programme(treadmill(speeds=(0.2, 10.0, 0.1)))  # the start is still 0.5 mph

    assert isinstance(step_down(p, _dose(mph=0.5), DoseVariable.SPEED), Blocked)


def test_on_a_kmh_belt_speed_moves_by_the_grid_steps_nearest_a_tenth_of_a_mph() -> None:
    """0.1 mph is 0.16 km/h: two 0.1 km/h steps (PROTOCOL.md §5: +0.2 to 0.3 km/h)."""
    p = _programme(treadmill(SpeedUnit.KMH, (0.8, 16.0, 0.1)))
    at = Dose(10, HandSupport.BOTH, Speed.kmh(2.0))

    assert step_up(p, at, SPEED) == replace(at, speed=Speed.kmh(2.2))
    assert step_down(p, at, DoseVariable.SPEED) == replace(at, speed=Speed.kmh(1.8))


def test_incline_comes_down_to_the_first_step_and_from_between_steps_to_flat() -> None:
    p = _programme()  # 1 % first, +1 %, on a 0.5 % grid

    assert step_down(p, _dose(incline=2.0), DoseVariable.INCLINE) == _dose(incline=1.0)
    assert step_down(p, _dose(incline=1.5), DoseVariable.INCLINE) == _dose(incline=0.0)


def test_a_sled_stays_inside_its_limits_by_less_than_a_step_too() -> None:
    p = _programme(Sled(start_load_kg=5.0, max_load_kg=10.0))
    dose = p.start_dose  # 5 kg, 2 sets of 10 m
    load, distance, sets = (Phase(DoseVariable(v)) for v in ("load", "distance", "sets"))

    assert step_up(p, replace(dose, load_kg=7.5), load) == replace(dose, load_kg=10.0)
    assert isinstance(step_up(p, replace(dose, load_kg=8.0), load), Blocked)  # 10.5 > 10
    at_30 = step_up(p, replace(dose, distance_m=25), distance)
    assert isinstance(at_30, Dose) and at_30.distance_m == 30
    at_5 = step_down(p, dose, DoseVariable.DISTANCE)
    assert isinstance(at_5, Dose) and at_5.distance_m == 5
    five = step_up(p, replace(dose, set_count=4), sets)
    assert isinstance(five, Dose) and five.set_count == 5
    one = step_down(p, dose, DoseVariable.SETS)
    assert isinstance(one, Dose) and one.set_count == 1


def test_an_outdoor_walk_without_a_distance_has_none_to_lower() -> None:
    p = _programme(Outdoor(spotter=True))

    assert isinstance(step_down(p, Dose(10, HandSupport.NONE), DoseVariable.DISTANCE), Blocked)


def test_the_first_incline_is_one_percent_rounded_up_to_the_grid_not_one_step() -> None:
    """On 0.3 % steps the first incline is 1.2 % (1 % rounded up); later steps add 0.9 %
    (1 % rounded to whole grid steps)."""
    p = _programme(treadmill(inclines=(15.0, 0.3)))

    first = _up(p, _dose(), INCLINE)

    assert isinstance(first, Dose) and first.incline_percent == pytest.approx(1.2)


def test_a_sled_load_moves_from_nothing_and_never_below_it() -> None:
    """From 0 kg the load goes up one step (2.5 kg in sled.toml); with a 0.5 kg step, 0 kg
    cannot go down to -0.5."""
    p = _programme(Sled(start_load_kg=5.0, max_load_kg=10.0))
    empty = replace(p.start_dose, load_kg=0.0)
    load = Phase(DoseVariable.LOAD)

    heavier = step_up(p, empty, load)
    assert isinstance(heavier, Dose) and heavier.load_kg == 2.5
    assert isinstance(p.modality, SledRules)
    fine = replace(p, modality=replace(p.modality, load_step_kg=0.5))
    assert isinstance(step_down(fine, empty, DoseVariable.LOAD), Blocked)


def test_a_sled_load_keeps_its_hundredths_and_its_limit_to_the_hundredth() -> None:
    """A 1.25 kg step from 5 kg is 6.25 kg (not 6.2); a sled that takes 9.95 kg refuses 10."""
    p = _programme(Sled(start_load_kg=5.0, max_load_kg=10.0))
    load = Phase(DoseVariable.LOAD)
    assert isinstance(p.modality, SledRules)
    quarter = replace(p, modality=replace(p.modality, load_step_kg=1.25))

    heavier = step_up(quarter, replace(p.start_dose, load_kg=5.0), load)
    assert isinstance(heavier, Dose) and heavier.load_kg == 6.25
    lighter_sled = _programme(Sled(start_load_kg=5.0, max_load_kg=9.95))
    assert isinstance(step_up(lighter_sled, replace(p.start_dose, load_kg=7.5), load), Blocked)


def test_resistance_moves_by_the_protocols_level_step() -> None:
    """manual_treadmill.toml's level_step is 1; a table with 2 moves two levels at a time."""
    p = _programme(ManualTreadmill(incline_degrees=0.0, resistance_levels=8, handrails=True))
    assert isinstance(p.modality, ManualRules)
    by_two = replace(p, modality=replace(p.modality, level_step=2))
    at = replace(p.start_dose, resistance_level=3)

    assert step_up(by_two, at, Phase(DoseVariable.RESISTANCE)) == replace(at, resistance_level=5)
    assert step_down(by_two, at, DoseVariable.RESISTANCE) == replace(at, resistance_level=1)
