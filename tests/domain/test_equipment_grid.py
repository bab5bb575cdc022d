"""A treadmill's grid: its minimum, whole steps, its maximum."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from retrowalk.domain.equipment import Grid
from retrowalk.domain.units import Speed, SpeedUnit
from tests.factories import treadmill


def test_the_grid_starts_at_the_minimum_and_steps_up():
    grid = Grid(0.5, 10.0, 0.1)

    assert grid.value_at(0) == 0.5
    assert grid.value_at(3) == 0.8
    assert grid.highest == 10.0


def test_a_maximum_off_the_grid_is_never_reached():
    assert Grid(0.8, 2.0, 0.25).highest == 1.8


def test_floor_and_ceil_snap_to_the_grid_inside_the_range():
    grid = Grid(0.5, 10.0, 0.2)

    assert grid.floor(1.0) == 0.9
    assert grid.ceil(1.0) == 1.1
    assert grid.floor(0.1) == 0.5
    assert grid.ceil(50) == 9.9


@given(
    st.sampled_from([0.1, 0.2, 0.25, 0.5, 1.0]),
    st.floats(min_value=0.1, max_value=2.0),
    st.floats(min_value=0.0, max_value=30.0),
)
def test_every_snapped_value_is_on_the_grid(step, low, value):
    grid = Grid(low, low + 8.0, step)

    assert grid.contains(grid.floor(value))
    assert grid.contains(grid.ceil(value))
    assert grid.floor(value) <= max(value, grid.minimum) + 1e-9


def test_a_kmh_treadmill_rounds_a_speed_in_mph_onto_its_own_grid():
    kmh = treadmill(unit=SpeedUnit.KMH, speeds=(0.8, 16.0, 0.1))

    assert kmh.speed_at_or_below(Speed.mph(1.0)) == Speed.kmh(1.6)
    assert kmh.speed_at_or_above(Speed.mph(1.0)) == Speed.kmh(1.7)
