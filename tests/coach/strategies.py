"""Hypothesis strategies for the live coach: walks of every shape, and moments to act at."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import strategies as st

from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.structure import split_into_sets
from retrowalk.domain.units import Speed, SpeedUnit
from tests.factories import treadmill

# Half-minute steps from 2 to 30 minutes: every dose the protocols prescribe, and more.
minutes = st.integers(min_value=4, max_value=60).map(lambda halves: halves / 2)
belt_speeds = st.integers(min_value=5, max_value=20).map(lambda tenths: Speed.mph(tenths / 10))


@st.composite
def set_splits(draw: st.DrawFn, total: float) -> tuple[float, ...]:
    """`total` minutes as the plan splits them, or cut at random points (quarter minutes)."""
    if draw(st.booleans()):
        return split_into_sets(total, draw(st.sampled_from([2.0, 3.0, 5.0])))
    quarters = round(total * 4)
    cuts = draw(st.lists(st.integers(1, quarters - 1), max_size=4, unique=True))
    bounds = [0, *sorted(cuts), quarters]
    return tuple((b - a) / 4 for a, b in pairwise(bounds))


@st.composite
def walks(draw: st.DrawFn, with_belt: bool | None = None) -> TodaysWalk:
    """Today's walk: a dose, its sets and rests, maybe a belt and a speed step from last time."""
    total = draw(minutes)
    belt = draw(st.booleans()) if with_belt is None else with_belt
    speed = draw(belt_speeds) if belt else None
    previous = draw(st.none() | belt_speeds) if belt else None
    incline = draw(st.sampled_from([0.0, 0.0, 1.0, 2.5])) if belt else 0.0
    dose = Dose(total, draw(st.sampled_from(HandSupport)), speed, incline)
    return TodaysWalk(
        dose=dose,
        sets=draw(set_splits(total)),
        rest_minutes=draw(st.sampled_from([0.0, 0.5, 1.0, 1.5])),
        unit=draw(st.sampled_from(SpeedUnit)),
        previous_speed=previous,
        treadmill=treadmill() if belt else None,
        speed_ceiling=Speed.mph(2.0) if belt else None,
    )
