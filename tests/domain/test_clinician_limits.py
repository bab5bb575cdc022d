"""A clinician's caps for one walker (PROTOCOL.md §4: "a clinician may change them per walker"):
a top speed, a top incline and target minutes. Every prescribed dose is checked against the
walker's own caps, never against the programme the engine built from them, so an engine that
forgets a cap fails here; the examples sit on the boundaries (a cap on a grid value, between two,
at the start dose, at zero)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.equipment import Equipment, ManualTreadmill, MotorizedTreadmill, Outdoor, Sled
from retrowalk.domain.plan import PlanRequest, preview_plan
from retrowalk.domain.units import Speed, SpeedUnit
from retrowalk.domain.walker import WalkerLimits, WalkerProfile
from tests.factories import good, plan, request, treadmill, walker
from tests.strategies import equipment, plan_requests, walking_equipment

SLACK = 1e-6
# A self-powered deck fixed at 2 degrees (about 3.5 %).
SLOPED_DECK = ManualTreadmill(incline_degrees=2.0, resistance_levels=8, handrails=True)

_speed_caps = st.sampled_from(
    [Speed.mph(v) for v in (0.5, 0.8, 1.0, 1.2, 1.25, 1.5)]
    + [Speed.kmh(v) for v in (1.0, 1.5, 2.0, 2.5)]
)
_incline_caps = st.sampled_from([0.0, 0.5, 1.0, 2.0, 2.5, 3.0, 4.5, 7.5])


def _capped(draw: st.DrawFn, who: WalkerProfile, start: date) -> WalkerProfile:
    """The walker with every cap a clinician may set, each one drawn or left out."""
    limits = WalkerLimits(
        max_speed=draw(st.none() | _speed_caps),
        max_incline_percent=draw(st.none() | _incline_caps),
        target_minutes=draw(st.none() | st.integers(2, 25)),
        hands_free_allowed=draw(st.booleans()),
    )
    return replace(who, limits=limits)


def _doses(plan_request: PlanRequest) -> list[Dose]:
    return [s.decision.dose for s in preview_plan(plan_request).sessions if s.decision.walk]


def _long(who: WalkerProfile, kit: Equipment | None = None) -> PlanRequest:
    """Sixty weeks of good sessions: enough to reach every cap."""
    return request(who=who, equipment=kit, weeks=60, script=good(180))


def _with(kit: Equipment | None = None, **limits: Any) -> PlanRequest:
    return _long(walker(limits=WalkerLimits(**limits)), kit)


# A speed cap on a grid value, between two, in the other unit, at the treadmill's slowest.
@example(_with(max_speed=Speed.mph(1.2)))
@example(_with(max_speed=Speed.mph(1.25)))
@example(_with(max_speed=Speed.kmh(2.0)))
@example(_with(max_speed=Speed.mph(0.5)))
@example(_with(treadmill(SpeedUnit.KMH, (0.8, 16.0, 0.1)), max_speed=Speed.mph(1.0)))
@example(_with(Outdoor(spotter=True), max_speed=Speed.mph(1.0)))
@given(plan_requests(adjust=_capped, kits=walking_equipment()))
def test_no_speed_passes_the_clinicians_speed_cap(plan_request: PlanRequest) -> None:
    cap = plan_request.walker.limits.max_speed
    if cap is None:
        return
    for dose in _doses(plan_request):
        if isinstance(plan_request.equipment, MotorizedTreadmill):
            assert dose.speed is not None
            assert dose.speed.metres_per_second <= cap.metres_per_second + SLACK
        elif dose.distance_m is not None:  # outdoors: the pace the distance asks for
            assert dose.distance_m / dose.minutes <= cap.metres_per_minute + SLACK


# An incline cap of zero, on the first step, on a grid value, between two grid values.
@example(_with(max_incline_percent=0.0))
@example(_with(max_incline_percent=1.0))
@example(_with(max_incline_percent=2.0))
@example(_with(treadmill(inclines=(15.0, 1.0)), max_incline_percent=2.5))
@example(_with(SLOPED_DECK, max_incline_percent=3.0))
@given(plan_requests(adjust=_capped, kits=walking_equipment() | equipment()))
def test_no_incline_passes_the_clinicians_incline_cap(plan_request: PlanRequest) -> None:
    cap = plan_request.walker.limits.max_incline_percent
    if cap is None:
        return
    for dose in _doses(plan_request):
        assert dose.incline_percent <= cap + SLACK


# Target minutes below the protocol's start, at it, one above, and over the protocol's own target.
@example(_with(target_minutes=2))
@example(_with(target_minutes=3))
@example(_with(target_minutes=4))
@example(_with(target_minutes=25))
@example(_with(Outdoor(spotter=True), target_minutes=6))
@example(_long(walker(experienced=True, limits=WalkerLimits(target_minutes=12))))
@given(plan_requests(adjust=_capped))
def test_no_session_is_longer_than_the_clinicians_target_minutes(plan_request: PlanRequest):
    cap = plan_request.walker.limits.target_minutes
    if cap is None or isinstance(plan_request.equipment, Sled):  # a sled's minutes follow distance
        return
    for dose in _doses(plan_request):
        assert dose.minutes <= cap + SLACK


# One example per cap: the plan reaches the cap exactly and stays there (knee_oa, moderate: up
# to 20 minutes, 2.0 mph and 10 % without a cap, PROTOCOL.md §4).


def _top(kind: str, **limits: Any) -> float:
    doses = _doses(_with(**limits))
    if kind == "speed":
        return max(d.speed.in_unit(SpeedUnit.MPH) for d in doses if d.speed is not None)
    return max(d.incline_percent if kind == "incline" else d.minutes for d in doses)


def test_without_caps_the_protocol_row_is_the_top() -> None:
    assert (_top("speed"), _top("incline"), _top("minutes")) == (2.0, 10.0, 20)


def test_a_speed_cap_is_reached_and_never_passed() -> None:
    assert _top("speed", max_speed=Speed.mph(1.2)) == 1.2
    # between grid steps: the step at or below it; in km/h on an mph treadmill: 2.0 km/h = 1.24
    assert _top("speed", max_speed=Speed.mph(1.25)) == 1.2
    assert _top("speed", max_speed=Speed.kmh(2.0)) == 1.2


def test_an_incline_cap_is_reached_and_never_passed() -> None:
    assert _top("incline", max_incline_percent=2.0) == 2.0
    assert _top("incline", max_incline_percent=0.0) == 0.0


def test_target_minutes_are_reached_and_never_passed() -> None:
    assert _top("minutes", target_minutes=7) == 7
    assert _top("minutes", target_minutes=3) == 3
    assert {d.minutes for d in _doses(_with(target_minutes=2))} == {2}


def test_a_cap_above_the_protocols_own_changes_nothing() -> None:
    assert _top("minutes", target_minutes=25) == 20
    assert _top("speed", max_speed=Speed.mph(2.5)) == 2.0
    assert _top("incline", max_incline_percent=12.0) == 10.0


def test_an_experienced_walker_stays_under_the_clinicians_target_minutes() -> None:
    """Experience lifts the target to 30 minutes (PROTOCOL.md §4), never past a clinician's cap."""
    lifted = walker(experienced=True)
    capped = walker(experienced=True, limits=WalkerLimits(target_minutes=12))
    assert max(d.minutes for d in _doses(_long(lifted))) == 30
    assert max(d.minutes for d in _doses(_long(capped))) == 12


def test_a_manual_deck_steeper_than_the_incline_cap_gets_no_plan() -> None:
    below, above = (walker(limits=WalkerLimits(max_incline_percent=p)) for p in (3.0, 4.0))
    just_below = walker(limits=WalkerLimits(max_incline_percent=3.45))
    assert plan(who=below, equipment=SLOPED_DECK).sessions == ()
    assert plan(who=just_below, equipment=SLOPED_DECK).sessions == ()
    assert plan(who=above, equipment=SLOPED_DECK).sessions


def test_a_speed_cap_at_the_treadmills_slowest_speed_is_walked_at_that_speed() -> None:
    """The default treadmill's slowest speed is 0.5 mph: a cap there still plans; under it, no
    speed of the treadmill is allowed, so no plan (PROTOCOL.md §9: a red flag)."""
    at_slowest = walker(limits=WalkerLimits(max_speed=Speed.mph(0.5)))
    below = walker(limits=WalkerLimits(max_speed=Speed.mph(0.4)))

    speeds = {d.speed for d in _doses(_long(at_slowest))}

    assert speeds == {Speed.mph(0.5)}
    assert plan(who=below).sessions == ()


def test_a_manual_deck_exactly_as_steep_as_the_incline_cap_gets_a_plan() -> None:
    exactly = walker(limits=WalkerLimits(max_incline_percent=SLOPED_DECK.incline_percent))

    assert plan(who=exactly, equipment=SLOPED_DECK).sessions


def test_a_deck_sloped_less_than_one_percent_still_meets_the_incline_cap() -> None:
    shallow = ManualTreadmill(incline_degrees=0.5, resistance_levels=8, handrails=True)  # 0.87 %
    capped = walker(limits=WalkerLimits(max_incline_percent=0.5))

    assert plan(who=capped, equipment=shallow).sessions == ()


def _steady(limits: WalkerLimits, **answers: Any) -> PlanRequest:
    """Sixty weeks of good sessions, steady enough to let go of the rails every time."""
    steady = good(180, stable_without_hands=True)
    return request(who=walker(limits=limits, **answers), weeks=60, script=steady)


# Hands free: a walker with falls reaches it in time (PROTOCOL.md §11); the clinician may forbid it.
@example(_steady(WalkerLimits(hands_free_allowed=False)))
@example(_steady(WalkerLimits(hands_free_allowed=False), falls_last_year=1))
@given(plan_requests(adjust=_capped))
def test_no_session_is_hands_free_when_the_clinician_keeps_a_hand_on(plan_request: PlanRequest):
    if plan_request.walker.limits.hands_free_allowed:
        return
    for dose in _doses(plan_request):
        assert dose.hands is not HandSupport.NONE


def test_without_the_limit_the_walker_lets_go_and_with_it_keeps_one_hand() -> None:
    free = {d.hands for d in _doses(_steady(WalkerLimits()))}
    kept = {d.hands for d in _doses(_steady(WalkerLimits(hands_free_allowed=False)))}

    assert HandSupport.NONE in free
    assert kept == {HandSupport.BOTH, HandSupport.ONE}


def test_equipment_without_rails_gets_no_plan_when_hands_free_is_not_allowed() -> None:
    keep_a_hand = walker(limits=WalkerLimits(hands_free_allowed=False))
    no_rails = treadmill(handrails=False)

    assert plan(who=keep_a_hand, equipment=no_rails).sessions == ()
    assert plan(who=keep_a_hand, equipment=Outdoor(spotter=True)).sessions == ()
    assert plan(who=keep_a_hand, equipment=treadmill()).sessions


def _walks_per_week(per_week: int) -> list[int]:
    preview = preview_plan(request(weeks=12, sessions_per_week=per_week))
    walked = [s.on for s in preview.sessions]
    first = min(walked)
    weeks = [(day - first).days // 7 for day in walked]
    return [weeks.count(week) for week in range(max(weeks) + 1)]


def test_sessions_per_week_set_by_the_clinician_are_the_plans_weeks() -> None:
    """Weeks 1-4 keep a rest day between sessions (PROTOCOL.md §11): at most 3 then 4 after."""
    assert set(_walks_per_week(2)) == {2}
    assert set(_walks_per_week(3)) == {3}
    assert set(_walks_per_week(4)[:4]) == {3}
    assert set(_walks_per_week(4)[4:]) == {4}


def _last_reason(**limits: Any) -> str:
    sessions = preview_plan(_with(**limits)).sessions
    return " ".join(sessions[-1].decision.reasons)


def test_a_dose_held_at_a_clinicians_limit_says_so() -> None:
    assert "ceiling your clinician set, 1.2 mph" in _last_reason(max_speed=Speed.mph(1.2))
    assert "target your clinician set, 7" in _last_reason(target_minutes=7)
    at_incline = _last_reason(max_incline_percent=2.0)
    assert "incline is at the ceiling your clinician set, 2 %" in at_incline
    assert "clinician" not in _last_reason()
