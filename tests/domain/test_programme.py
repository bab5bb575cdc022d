"""The programme the engine builds from the protocol row, the equipment and the clinician's caps:
the rules found unguarded by mutation testing (scripts/mutate_safety.py), one example each."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from retrowalk.domain.equipment import Equipment, ManualTreadmill, Sled
from retrowalk.domain.errors import SafetyLimitError
from retrowalk.domain.plan import PlanRequest, preview_plan
from retrowalk.domain.programme import Programme, build_programme, screened_programme
from retrowalk.domain.screening import screen
from retrowalk.domain.units import SpeedUnit
from retrowalk.domain.walker import Condition, WalkerLimits
from tests.factories import START, good, plan, request, treadmill, walker


def test_no_programme_is_built_while_a_red_flag_stands() -> None:
    """Even a caller that skips the screening's verdict gets no programme (PROTOCOL.md §9)."""
    red = request(who=walker(rest_pain=8))  # pain at rest 7-10: see a clinician first
    screening = screen(red.walker, red.equipment, red.protocol, red.modality, START)
    assert not screening.cleared_to_start

    with pytest.raises(SafetyLimitError, match="red flag"):
        build_programme(red.walker, red.equipment, red.protocol, red.modality, screening)


def test_a_walker_held_at_the_clinicians_target_minutes_is_told_it_and_the_last_ceiling() -> None:
    """With a clinician's target there are no extended minutes: the top of the plan names the
    clinician's target and the last step of the order (incline), not minutes past a target that
    is not there."""
    capped = walker(limits=WalkerLimits(target_minutes=7))

    last = plan(who=capped, weeks=60, script=good(180)).sessions[-1].decision

    assert last.reasons == (
        "Same dose: this is the target dose (minutes are at the target your clinician set, 7; "
        "incline is at its ceiling of 10 %); keep it up.",
    )


def test_no_plan_reaches_three_and_a_half_mph_whatever_the_protocol_row_says() -> None:
    """PROTOCOL.md §5: backward walking turns into running near 3.65 mph, so no walking
    prescription reaches 3.5 mph, even from a protocol row whose ceiling is above it."""
    flat = treadmill(inclines=(0.0, 0.5))  # on an incline the speed stays at 2.0 mph or under
    asked = request(who=walker(), equipment=flat, weeks=80, script=good(240))
    reckless = _with_row(asked, speed_ceiling_mph=4.0)

    speeds = [s.decision.dose.speed for s in preview_plan(reckless).sessions]

    assert max(s.in_unit(SpeedUnit.MPH) for s in speeds if s is not None) == 3.4


def test_a_sloped_deck_needs_a_plan_that_may_incline_at_all() -> None:
    """A protocol row whose incline ceiling is 0 % walks flat: no sloped deck; any ceiling above
    0 % (1 % here) allows one, with the gentler start."""
    deck = ManualTreadmill(incline_degrees=2.0, resistance_levels=8, handrails=True)
    asked = request(equipment=deck)

    assert preview_plan(_with_row(asked, incline_ceiling_percent=0.0)).sessions == ()
    assert preview_plan(_with_row(asked, incline_ceiling_percent=1.0)).sessions


def _with_row(asked: PlanRequest, **changes: Any) -> PlanRequest:
    """`asked` under a protocol whose knee_oa row is changed as given."""
    row = replace(asked.protocol.population(Condition.KNEE_OA), **changes)
    rows = {**asked.protocol.populations, Condition.KNEE_OA: row}
    return replace(asked, protocol=replace(asked.protocol, populations=rows))


def test_a_treadmill_in_fifth_of_a_mph_steps_still_raises_speed() -> None:
    """PROTOCOL.md §5: a speed step is +0.1 to 0.2 mph; a 0.2 mph grid is not too coarse."""
    p = _programme(treadmill(speeds=(0.4, 10.0, 0.2)))

    assert p.speed_step == 0.2 and p.warnings == ()


def test_a_treadmill_in_two_percent_incline_steps_starts_at_two_and_climbs_by_two() -> None:
    """PROTOCOL.md §5: incline starts at 1-2 % and rises 1 to 2 % a step: 2 % steps fit."""
    p = _programme(treadmill(inclines=(15.0, 2.0)))

    assert (p.incline_first_percent, p.incline_step_percent, p.warnings) == (2.0, 2.0, ())


def test_an_incline_cap_of_one_percent_allows_the_first_step() -> None:
    p = _programme(max_incline_percent=1.0)

    assert (p.incline_first_percent, p.incline_ceiling_percent) == (1.0, 1.0)


def test_a_deck_sloped_under_one_percent_starts_as_a_sloped_deck() -> None:
    """PROTOCOL.md §7: a sloped self-powered deck starts shorter (2 minutes) at the lowest
    resistance, whatever its slope."""
    shallow = ManualTreadmill(incline_degrees=0.5, resistance_levels=8, handrails=True)
    flat = ManualTreadmill(incline_degrees=0.0, resistance_levels=8, handrails=True)

    sloped_start, flat_start = _programme(shallow).start_dose, _programme(flat).start_dose

    assert (sloped_start.minutes, sloped_start.resistance_level) == (2, 1)
    assert (flat_start.minutes, flat_start.resistance_level) == (3, 1)


def test_a_sled_starts_at_its_own_load_and_its_minutes_follow_the_distance() -> None:
    """sled.toml: 2 sets of 10 m at 15 m a minute are 1.33 minutes."""
    start = _programme(Sled(start_load_kg=2.5, max_load_kg=20.0)).start_dose

    assert (start.load_kg, start.distance_m, start.set_count, start.minutes) == (2.5, 10, 2, 1.33)


def _programme(kit: Equipment | None = None, **limits: Any) -> Programme:
    who = walker(limits=WalkerLimits(**limits))
    asked = request(who=who, equipment=kit)
    _, programme = screened_programme(who, asked.equipment, asked.protocol, asked.modality, START)
    assert programme is not None
    return programme


def test_a_treadmill_in_quarter_mph_steps_is_too_coarse_to_raise_speed() -> None:
    """PROTOCOL.md §5: a speed step is at most 0.2 mph; 0.25 mph is more."""
    p = _programme(treadmill(speeds=(0.5, 10.0, 0.25)))

    assert p.speed_step is None
    assert any("will not raise the speed" in warning for warning in p.warnings)


def test_an_athlete_on_an_inclining_treadmill_tops_out_at_two_mph() -> None:
    """PROTOCOL.md §5: with incline ahead in the order, speed is held at 2.0 mph or under,
    although the athlete's row allows 3.0 mph."""
    athlete = walker(condition=Condition.ATHLETE, age=30)
    doses = [s.decision.dose for s in plan(who=athlete, weeks=80, script=good(240)).sessions]

    assert max(d.speed.in_unit(SpeedUnit.MPH) for d in doses if d.speed is not None) == 2.0
    assert max(d.incline_percent for d in doses) > 0


def test_an_incline_grid_in_three_percent_steps_never_starts_the_incline() -> None:
    """PROTOCOL.md §5: incline starts at 1-2 %; 3 % is more, so the plan walks flat and says so."""
    p = _programme(treadmill(inclines=(15.0, 3.0)))

    assert p.incline_first_percent is None
    assert any("the plan will not raise the incline" in warning for warning in p.warnings)


def test_an_incline_cap_under_the_first_step_never_starts_the_incline() -> None:
    assert _programme(max_incline_percent=0.5).incline_first_percent is None


def test_a_flat_treadmill_is_never_warned_about_its_incline_steps() -> None:
    assert _programme(treadmill(inclines=(0.0, 3.0))).warnings == ()


def test_the_coarse_speed_warning_names_what_still_progresses() -> None:
    inclined = _programme(treadmill(speeds=(0.5, 10.0, 0.25)))
    flat = _programme(treadmill(speeds=(0.5, 10.0, 0.25), inclines=(0.0, 0.5)))

    one_percent = _programme(treadmill(speeds=(0.5, 10.0, 0.25)), max_incline_percent=1.0)

    assert "then incline" in inclined.warnings[0]
    assert "then incline" in one_percent.warnings[0]  # the incline may still go to 1 %
    assert "only minutes progress" in flat.warnings[0]
    under_first = _programme(treadmill(speeds=(0.5, 10.0, 0.25)), max_incline_percent=0.5)
    assert under_first.incline_first_percent is None  # a cap under the first 1 % step
    assert "only minutes progress" in under_first.warnings[0]  # so no "then incline"


def test_an_experienced_athlete_may_start_on_a_belt_whose_slowest_is_their_ceiling() -> None:
    """The athlete's row tops out at 3.0 mph (PROTOCOL.md §4): a belt no slower than that is
    allowed to an experienced athlete, with a warning; one whose slowest is faster is not."""
    athlete = walker(condition=Condition.ATHLETE, age=30, experienced=True)

    at_ceiling = plan(who=athlete, equipment=treadmill(speeds=(3.0, 12.0, 0.1)))
    above = plan(who=athlete, equipment=treadmill(speeds=(3.1, 12.0, 0.1)))

    assert at_ceiling.sessions and above.sessions == ()
