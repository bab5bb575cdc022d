"""Hypothesis strategies for random walkers, equipment of every kind and outcome scripts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import strategies as st

from retrowalk.domain.equipment import (
    Deadmill,
    Equipment,
    Grid,
    ManualTreadmill,
    MotorizedTreadmill,
    Outdoor,
    Sled,
)
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.plan import PlanRequest, ScriptedSession
from retrowalk.domain.population import resolve_population
from retrowalk.domain.schedule import session_dates
from retrowalk.domain.units import Speed, SpeedUnit, UnitSystem
from retrowalk.domain.walker import (
    Condition,
    Severity,
    Surgery,
    SurgeryKind,
    WalkerLimits,
    WalkerProfile,
)
from retrowalk.protocols import load_modality, protocol_for_walker

pain = st.integers(min_value=0, max_value=10)


@st.composite
def walkers(draw: st.DrawFn, screened_out: bool = False) -> WalkerProfile:
    """A walker; with `screened_out` False the answers never raise a red flag on their own."""
    condition = draw(st.sampled_from(Condition))
    surgery = None
    if condition.is_post_surgery and draw(st.booleans()):
        kind = SurgeryKind.TKR if condition is Condition.POST_TKR else SurgeryKind.ACL
        surgery = Surgery(kind, date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 300))))
    limits = WalkerLimits()
    if draw(st.booleans()):
        limits = WalkerLimits(
            max_speed=draw(st.none() | st.sampled_from([Speed.mph(1.2), Speed.kmh(2.5)])),
            max_incline_percent=draw(st.none() | st.sampled_from([0.0, 3.0, 7.5])),
            target_minutes=draw(st.none() | st.integers(4, 25)),
        )
    return WalkerProfile(
        age=draw(st.integers(18, 95)),
        weight_kg=draw(st.none() | st.floats(40, 150)),
        units=draw(st.sampled_from(UnitSystem)),
        condition=condition,
        severity=draw(st.sampled_from(Severity)),
        surgery=surgery,
        cleared_by_clinician=True if not screened_out else draw(st.booleans()),
        rest_pain=draw(st.integers(0, 10 if screened_out else 6)),
        falls_last_year=draw(st.integers(0, 4)),
        balance_concern=draw(st.booleans()),
        experienced=draw(st.booleans()),
        dizziness=screened_out and draw(st.booleans()),
        swelling=screened_out and draw(st.booleans()),
        limits=limits,
    )


@st.composite
def motorized_treadmills(draw: st.DrawFn) -> MotorizedTreadmill:
    unit = draw(st.sampled_from(SpeedUnit))
    if unit is SpeedUnit.MPH:
        step = draw(st.sampled_from([0.1, 0.1, 0.2, 0.25, 0.5]))
        low = draw(st.sampled_from([0.2, 0.4, 0.5, 0.6, 0.8, 1.0]))
        high = draw(st.sampled_from([1.5, 4.0, 8.0, 12.0]))
    else:
        step = draw(st.sampled_from([0.1, 0.1, 0.2, 0.5, 1.0]))
        low = draw(st.sampled_from([0.5, 0.8, 1.0, 1.5]))
        high = draw(st.sampled_from([2.5, 6.0, 16.0, 20.0]))
    incline_max = draw(st.sampled_from([0.0, 5.0, 10.0, 12.0, 15.0, 20.0]))
    incline_step = draw(st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0]))
    return MotorizedTreadmill(
        speed_unit=unit,
        speed_grid=Grid(low, high, step),
        incline_grid=Grid(0.0, incline_max, min(incline_step, incline_max or 1.0)),
        handrails=True,
        safety_clip=True,
    )


def equipment() -> st.SearchStrategy[Equipment]:
    return st.one_of(
        motorized_treadmills(),
        st.builds(Deadmill, handrails=st.just(True)),
        st.builds(
            ManualTreadmill,
            incline_degrees=st.sampled_from([0.0, 2.0, 8.0]),
            resistance_levels=st.integers(1, 10),
            handrails=st.booleans(),
        ),
        st.builds(
            Sled,
            start_load_kg=st.none() | st.sampled_from([0.0, 2.5, 10.0]),
            max_load_kg=st.none() | st.sampled_from([10.0, 20.0, 60.0]),
        ),
        st.builds(Outdoor, spotter=st.booleans()),
    )


@st.composite
def outcomes(draw: st.DrawFn) -> SessionOutcome:
    return SessionOutcome(
        done=draw(st.booleans() | st.just(True)),
        minutes_done=draw(st.none() | st.floats(0, 40)),
        pain_during=draw(st.sampled_from([0, 0, 1, 2, 3, 4, 5, 6, 8])),
        pain_after=draw(st.none() | pain),
        pain_next_morning=draw(st.sampled_from([0, 0, 1, 2, 3, 5])),
        rpe=draw(st.integers(0, 10)),
        sharp_pain=draw(_rarely()),
        stable_without_hands=draw(st.booleans()),
        form_ok=draw(st.booleans() | st.just(True)),
        swelling=draw(_rarely(30)),
    )


def _rarely(one_in: int = 8) -> st.SearchStrategy[bool]:
    return st.integers(0, one_in - 1).map(lambda n: n == 0)


@st.composite
def scripts(draw: st.DrawFn, length: int) -> list[ScriptedSession]:
    """Outcome scripts with runs of missed sessions (layoffs) and a clinician's clearance now and
    then."""
    missed_run = st.integers(4, 15).map(lambda n: [SessionOutcome(done=False)] * n)
    blocks = draw(st.lists(st.lists(outcomes(), max_size=6) | missed_run, max_size=12))
    entries = [entry for block in blocks for entry in block][:length]
    return [ScriptedSession(entry, cleared_by_clinician=draw(_rarely(10))) for entry in entries]


# Changes a drawn walker before planning, knowing the plan's start (an operation before it...).
Adjust = Callable[[st.DrawFn, WalkerProfile, date], WalkerProfile]


def older(draw: st.DrawFn, who: WalkerProfile, start: date) -> WalkerProfile:
    """The walker at an age from which the balance limits apply (PROTOCOL.md §9: 80 or more)."""
    return replace(who, age=draw(st.integers(80, 110)))


def operated(draw: st.DrawFn, who: WalkerProfile, start: date) -> WalkerProfile:
    """The walker after knee surgery of any kind in the 12 months before the start, cleared."""
    days = draw(st.integers(0, 365))
    surgery = Surgery(draw(st.sampled_from(SurgeryKind)), start - timedelta(days=days))
    return replace(who, surgery=surgery, cleared_by_clinician=True)


def walking_equipment() -> st.SearchStrategy[Equipment]:
    """Equipment with a prescribed or capped pace: a motorized treadmill, or outdoors."""
    return motorized_treadmills() | st.builds(Outdoor, spotter=st.just(True))


@st.composite
def plan_requests(
    draw: st.DrawFn,
    screened_out: bool = False,
    adjust: Adjust | None = None,
    kits: st.SearchStrategy[Equipment] | None = None,
) -> PlanRequest:
    who = draw(walkers(screened_out=screened_out))
    kit = draw(equipment() if kits is None else kits)
    weeks = draw(st.integers(1, 30))
    per_week = draw(st.none() | st.integers(1, 7))
    start = date(2027, 1, 4) + timedelta(days=draw(st.integers(0, 400)))
    if adjust is not None:
        who = adjust(draw, who, start)
    protocol = protocol_for_walker(who, start)
    resolved = per_week or resolve_population(protocol, who).sessions_per_week_max
    count = len(session_dates(start, weeks, resolved, protocol.schedule.rest_day_weeks))
    return PlanRequest(
        walker=who,
        equipment=kit,
        protocol=protocol,
        modality=load_modality(kit.kind),
        start=start,
        weeks=weeks,
        sessions_per_week=per_week,
        script=draw(scripts(count)),
    )
