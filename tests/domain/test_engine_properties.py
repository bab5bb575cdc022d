"""Safety invariants of the engine over random walkers, equipment and outcome scripts."""

from __future__ import annotations

import itertools

from hypothesis import example, given

from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.equipment import (
    ManualTreadmill,
    MotorizedTreadmill,
    Outdoor,
    Sled,
    has_handrails,
)
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.plan import (
    PlannedSession,
    PlanPreview,
    PlanRequest,
    ScriptedSession,
    preview_plan,
)
from retrowalk.domain.population import resolve_population
from retrowalk.domain.programme import screened_programme
from retrowalk.domain.progression import DecisionKind
from retrowalk.domain.units import Speed, SpeedUnit
from retrowalk.domain.walker import WalkerLimits
from tests.factories import good, walker
from tests.factories import request as build_request
from tests.strategies import plan_requests

EPSILON = 1e-6


def _prescribed(preview: PlanPreview) -> list[PlannedSession]:
    return [s for s in preview.sessions if s.decision.walk]


def _is_restart(session: PlannedSession) -> bool:
    return session.decision.kind is DecisionKind.DELOAD and session.decision.changed is None


def _programme(request: PlanRequest):
    _, programme = screened_programme(
        request.walker, request.equipment, request.protocol, request.modality, request.start
    )
    assert programme is not None
    return programme


# PROTOCOL.md §4: experience lifts the target minutes up to 30, never further.
MOST_MINUTES = 30
# PROTOCOL.md §5: no walking prescription reaches 3.5 mph (that is running).
RUNNING_MPH = 3.5
# PROTOCOL.md §5: speed held at 1.0-2.0 mph while on incline.
ON_INCLINE_MPH = 2.0


@given(plan_requests())
def test_no_session_leaves_the_equipment_range_or_the_protocol_ceilings(request):
    """Every prescribed value is on the equipment's grid and under every ceiling: the protocol
    row's, the equipment's and the clinician's own caps for this walker, each checked on its own
    (never the programme the engine combined them into)."""
    preview = preview_plan(request)
    limits = request.walker.limits
    for session in _prescribed(preview):
        dose = session.decision.dose
        if not isinstance(request.equipment, Sled):  # a sled's minutes follow from its distance
            assert dose.minutes <= MOST_MINUTES
            if limits.target_minutes is not None:
                assert dose.minutes <= limits.target_minutes
        if limits.max_incline_percent is not None:
            assert dose.incline_percent <= limits.max_incline_percent + EPSILON
        _assert_within_equipment(request, dose)


def _assert_within_equipment(request, dose: Dose) -> None:
    kit, walker = request.equipment, request.walker
    row = resolve_population(request.protocol, walker)
    if isinstance(kit, MotorizedTreadmill):
        assert dose.speed is not None
        value = dose.speed.in_unit(kit.speed_unit)
        assert kit.speed_grid.contains(value)
        assert dose.speed <= kit.maximum_speed
        assert dose.speed < Speed.mph(RUNNING_MPH)
        assert dose.speed <= Speed.mph(row.speed_ceiling_mph)
        if walker.limits.max_speed is not None:
            assert dose.speed <= walker.limits.max_speed
        assert kit.incline_grid.contains(dose.incline_percent)
        assert dose.incline_percent <= kit.incline_grid.highest + EPSILON
        if dose.incline_percent > 0:  # PROTOCOL.md §5: on incline, speed held at 2.0 mph or under
            assert dose.speed <= Speed.mph(ON_INCLINE_MPH)
        if not walker.experienced:  # experience lifts the incline ceiling to the treadmill's
            assert dose.incline_percent <= row.incline_ceiling_percent + EPSILON
    elif isinstance(kit, ManualTreadmill):
        assert dose.resistance_level is not None
        assert 1 <= dose.resistance_level <= kit.resistance_levels
    elif isinstance(kit, Sled):
        assert dose.load_kg is not None and dose.load_kg >= 0
        if kit.max_load_kg is not None:
            assert dose.load_kg <= kit.max_load_kg + EPSILON
    elif isinstance(kit, Outdoor) and dose.distance_m is not None:
        pace = dose.distance_m / dose.minutes
        assert pace <= Speed.mph(row.speed_ceiling_mph).metres_per_minute + EPSILON
        if walker.limits.max_speed is not None:
            assert pace <= walker.limits.max_speed.metres_per_minute + EPSILON
    if not has_handrails(kit):
        assert dose.hands is HandSupport.NONE


@given(plan_requests())
def test_one_change_at_a_time_and_at_most_one_rise_over_the_last_walked_dose(request):
    """PROTOCOL.md §5 measures a step from the last *completed* dose: at most one variable above
    it, and only by a step up that names it. Between prescriptions at most one variable changes,
    except that a layoff's de-load or restart may lower several, a missed step-up is taken back
    (§11: nothing progresses on a session not walked), and putting a hand back on a rail (a new
    incline, sharp pain) adds support and is not counted as a change."""
    sessions = _prescribed(preview_plan(request))
    if not sessions:
        return
    variables = _programme(request).variables
    walked, previous = sessions[0].decision.dose, sessions[0]
    for after in sessions[1:]:
        decision, new = after.decision, after.decision.dose
        risen = [v for v in variables if _above(new, walked, v)]
        assert len(risen) <= 1, (risen, decision.reasons)
        if risen:
            assert decision.kind is DecisionKind.PROGRESS and decision.changed is risen[0]
        taken_back = previous.missed and previous.decision.kind is DecisionKind.PROGRESS
        if decision.kind is not DecisionKind.DELOAD and not taken_back:
            old = previous.decision.dose
            changed = [
                v for v in new.changed_variables(old, variables) if not _support_added(old, new, v)
            ]
            assert len(changed) <= 1, (changed, decision.reasons)
            if changed:
                assert decision.changed is changed[0]
        previous = after
        walked = walked if after.missed else new


_SUPPORT = {HandSupport.NONE: 0, HandSupport.ONE: 1, HandSupport.BOTH: 2}


def _support_added(old: Dose, new: Dose, variable) -> bool:
    return variable.value == "hand_support" and _SUPPORT[new.hands] > _SUPPORT[old.hands]


def _above(dose: Dose, than: Dose, variable) -> bool:
    """Whether `dose` asks more than `than` in `variable` (for hand support: fewer hands)."""
    if variable.value == "hand_support":
        return _SUPPORT[dose.hands] < _SUPPORT[than.hands]
    new, old = dose.value_of(variable), than.value_of(variable)
    if new is None or old is None:
        return new is not None and old is None and variable.value == "distance"
    if isinstance(new, Speed) and isinstance(old, Speed):
        return new.metres_per_second > old.metres_per_second + EPSILON
    assert isinstance(new, int | float) and isinstance(old, int | float)
    return new > old + EPSILON


def _rose(old: Dose, new: Dose) -> bool:
    return (
        new.minutes > old.minutes
        or (new.speed is not None and old.speed is not None and new.speed > old.speed)
        or new.incline_percent > old.incline_percent
    )


def _rises(request) -> list[tuple[bool, bool]]:
    """For each prescription after the first: whether speed rose, whether incline rose."""
    sessions = _prescribed(preview_plan(request))
    rises = []
    for before, after in itertools.pairwise(sessions):
        old, new = before.decision.dose, after.decision.dose
        speed_rose = old.speed is not None and new.speed is not None and new.speed > old.speed
        rises.append((speed_rose, new.incline_percent > old.incline_percent + EPSILON))
    return rises


_MISSED = [ScriptedSession(SessionOutcome(done=False))]
# A long climb through speed into incline; the same with a layoff at the top (the de-load and
# the climb back); a walker capped at 1.0 mph, whose incline starts the moment speed stops.
_CLIMB = build_request(weeks=60, script=good(180))
_CLIMB_AFTER_A_LAYOFF = build_request(weeks=80, script=[*good(90), *_MISSED * 8, *good(120)])
_CAPPED = build_request(
    who=walker(limits=WalkerLimits(max_speed=Speed.mph(1.0))), weeks=60, script=good(180)
)


@example(_CLIMB)
@example(_CLIMB_AFTER_A_LAYOFF)
@example(_CAPPED)
@given(plan_requests())
def test_speed_and_incline_never_rise_together(request):
    """PROTOCOL.md §5: speed and incline never rise together."""
    assert not any(speed and incline for speed, incline in _rises(request))


def test_a_long_climb_raises_speed_and_incline_but_never_at_once():
    for request in (_CLIMB, _CLIMB_AFTER_A_LAYOFF, _CAPPED):
        rises = _rises(request)
        assert any(speed for speed, _ in rises) and any(incline for _, incline in rises)
        assert not any(speed and incline for speed, incline in rises)


@given(plan_requests())
def test_a_speed_step_is_at_most_two_tenths_of_a_mph_on_the_treadmill_grid(request):
    """0.2 mph, or on a km/h treadmill the largest whole grid step not above it (0.3 km/h)."""
    kit = request.equipment
    if not isinstance(kit, MotorizedTreadmill):
        return
    largest = Speed.mph(0.2).in_unit(kit.speed_unit)
    sessions = _prescribed(preview_plan(request))
    for before, after in itertools.pairwise(sessions):
        if _is_restart(after):
            continue
        old, new = before.decision.dose.speed, after.decision.dose.speed
        assert old is not None and new is not None
        assert abs(new.in_unit(kit.speed_unit) - old.in_unit(kit.speed_unit)) <= largest + EPSILON


@given(plan_requests())
def test_the_first_session_is_within_the_start_dose(request):
    sessions = preview_plan(request).sessions
    if not sessions:
        return
    first = sessions[0].decision
    assert first.kind is DecisionKind.START
    dose = first.dose
    assert dose.minutes <= 5
    assert dose.incline_percent == 0 or isinstance(request.equipment, ManualTreadmill)
    if has_handrails(request.equipment):
        assert dose.hands is HandSupport.BOTH
    if isinstance(request.equipment, MotorizedTreadmill) and dose.speed is not None:
        slowest = request.equipment.minimum_speed
        assert dose.speed <= max(Speed.mph(1.0), slowest, key=lambda s: s.metres_per_second)


@given(plan_requests(screened_out=True))
def test_a_red_flag_yields_no_sessions(request):
    preview = preview_plan(request)
    if not preview.screening.cleared_to_start:
        assert preview.sessions == ()
    else:
        assert preview.sessions


@given(plan_requests())
def test_the_same_request_always_yields_the_same_plan(request):
    assert preview_plan(request) == preview_plan(request)


def test_speed_unit_names_are_the_contract_spelling():
    assert {u.value for u in SpeedUnit} == {"mph", "kmh"}
