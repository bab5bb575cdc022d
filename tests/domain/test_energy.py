"""The energy estimate: ACSM walking equation times the backward-walking ratio."""

from __future__ import annotations

import pytest

from retrowalk.domain.energy import estimate_energy
from retrowalk.domain.units import Speed
from retrowalk.protocols import load_protocol

RULES = load_protocol("default").energy


def test_level_walking_at_3_5_mph_follows_the_acsm_equation_times_the_ratio():
    speed = Speed.mph(3.5).metres_per_minute  # 93.9 m/min

    estimate = estimate_energy(speed, 0.0, 10, 70.0, RULES)

    forward_vo2 = 0.1 * speed + 3.5
    assert estimate.met == round(forward_vo2 * 1.4 / 3.5, 1)
    assert estimate.within_equation_range


def test_incline_adds_the_vertical_term():
    flat = estimate_energy(60.0, 0.0, 10, 70.0, RULES)
    hill = estimate_energy(60.0, 10.0, 10, 70.0, RULES)

    assert hill.met - flat.met == pytest.approx(1.8 * 60 * 0.10 * 1.4 / 3.5, abs=0.1)


def test_kcal_use_five_kcal_per_litre_of_oxygen_and_the_body_weight():
    estimate = estimate_energy(50.0, 0.0, 20, 80.0, RULES)

    litres_per_minute = (0.1 * 50 + 3.5) * 1.4 * 80 / 1000
    assert estimate.kcal == pytest.approx(litres_per_minute * 5 * 20, abs=0.1)


def test_without_a_body_weight_there_are_no_kcal_but_still_mets():
    estimate = estimate_energy(50.0, 0.0, 20, None, RULES)

    assert estimate.kcal is None
    assert estimate.met > 1


def test_slow_patient_speeds_are_flagged_outside_the_equations_range():
    assert not estimate_energy(
        Speed.mph(1.0).metres_per_minute, 0, 5, 70, RULES
    ).within_equation_range
