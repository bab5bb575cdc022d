"""Units: exact conversions, the incline trigonometry, and numbers shown without noise."""

from __future__ import annotations

import math

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from retrowalk.domain.cues import duration_words
from retrowalk.domain.units import (
    Speed,
    SpeedUnit,
    degrees_to_percent,
    format_number,
    kmh_to_mph,
    mph_to_kmh,
    percent_to_degrees,
)


def test_one_mph_is_exactly_0_44704_metres_per_second():
    assert Speed.mph(1).metres_per_second == 0.44704


def test_one_mph_is_1_609344_kmh():
    assert mph_to_kmh(1.0) == pytest.approx(1.609344, abs=1e-12)
    assert kmh_to_mph(1.609344) == pytest.approx(1.0, abs=1e-12)


def test_a_speed_keeps_its_own_unit_exactly():
    assert Speed.kmh(0.8).in_unit(SpeedUnit.KMH) == 0.8


def test_speeds_in_different_units_compare_by_their_real_pace():
    assert Speed.mph(1.0) < Speed.kmh(1.7)
    assert Speed.kmh(1.6) < Speed.mph(1.0)
    assert Speed.mph(1.0) <= Speed.kmh(1.609344)


@pytest.mark.parametrize(
    ("degrees", "percent"),
    [(5, 8.75), (8, 14.05), (10, 17.63), (15, 26.79)],
)
def test_degrees_become_percent_grade_by_the_tangent(degrees, percent):
    assert degrees_to_percent(degrees) == pytest.approx(percent, abs=0.005)


@pytest.mark.parametrize(("percent", "degrees"), [(5, 2.86), (10, 5.71), (15, 8.53), (35, 19.29)])
def test_percent_grade_becomes_degrees_by_the_arctangent(percent, degrees):
    assert percent_to_degrees(percent) == pytest.approx(degrees, abs=0.005)


@given(st.floats(min_value=0, max_value=45, allow_nan=False))
def test_degrees_to_percent_and_back_is_the_identity(degrees):
    assert math.isclose(percent_to_degrees(degrees_to_percent(degrees)), degrees, abs_tol=1e-9)


@pytest.mark.parametrize(("value", "shown"), [(2.0, "2"), (0.5, "0.5"), (1.25, "1.25"), (0.0, "0")])
def test_numbers_are_shown_without_trailing_zeros(value, shown):
    assert format_number(value, 2) == shown


def test_a_speed_describes_itself_in_the_unit_asked_for():
    assert Speed.mph(0.5).describe(SpeedUnit.KMH) == "0.8 km/h"


@given(
    value=st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False),
    places=st.integers(min_value=0, max_value=3),
)
@example(value=30.0, places=0)
@example(value=100.0, places=1)
@example(value=19.9, places=0)
@example(value=-0.04, places=1)
def test_a_shown_number_reads_back_as_the_rounded_value(value: float, places: int) -> None:
    """No significant zero is lost: 30 seconds is never '3', 100 never '1', 19.9 kcal '20'."""
    shown = format_number(value, places)

    assert float(shown) == float(f"{value:.{places}f}")
    assert shown != "-0" and not (shown.endswith("0") and "." in shown)


def test_whole_seconds_and_hundreds_keep_their_zeros() -> None:
    assert [format_number(30, 0), format_number(100), format_number(19.9, 0)] == ["30", "100", "20"]
    assert duration_words(0.5) == "30 seconds"


def test_a_pound_is_exactly_0_45359237_kg_and_weights_read_in_the_walkers_unit() -> None:
    from retrowalk.domain.units import UnitSystem, kg_to_pounds, pounds_to_kg

    assert pounds_to_kg(1) == 0.45359237
    assert kg_to_pounds(pounds_to_kg(160)) == pytest.approx(160)
    assert UnitSystem.IMPERIAL.weight_in_kg(160) == 160 * 0.45359237
    assert UnitSystem.METRIC.weight_in_kg(72) == 72
    assert UnitSystem.IMPERIAL.describe_weight(72) == "158.7 lb"
    assert UnitSystem.METRIC.describe_weight(72) == "72 kg"
