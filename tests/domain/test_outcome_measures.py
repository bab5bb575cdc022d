"""KOOS (five subscales 0-100, higher is better) and WOMAC (pain 0-20, stiffness 0-8, function
0-68, higher is worse): ranges written out here, not read from the module."""

from __future__ import annotations

from datetime import date

import pytest

from retrowalk.domain.errors import InputError
from retrowalk.domain.outcome_measures import (
    Direction,
    Instrument,
    outcome_measure,
    since_intake,
)

INTAKE, LATER = date(2027, 1, 4), date(2027, 2, 15)


@pytest.mark.parametrize(
    ("instrument", "name", "top"),
    [
        (Instrument.KOOS, "pain", 100),
        (Instrument.KOOS, "symptoms", 100),
        (Instrument.KOOS, "adl", 100),
        (Instrument.KOOS, "sport", 100),
        (Instrument.KOOS, "qol", 100),
        (Instrument.WOMAC, "pain", 20),
        (Instrument.WOMAC, "stiffness", 8),
        (Instrument.WOMAC, "function", 68),
    ],
)
def test_each_subscale_takes_its_ends_and_refuses_past_them(
    instrument: Instrument, name: str, top: int
) -> None:
    for ok in (0, top):
        assert outcome_measure(instrument, INTAKE, {name: ok}).score(name) == ok

    for bad in (-1, top + 1):
        with pytest.raises(InputError) as refused:
            outcome_measure(instrument, INTAKE, {name: bad})
        assert refused.value.field == f"{instrument.value}.{name}"
        assert f"from 0 to {top}" in str(refused.value)


def test_an_unknown_subscale_is_refused_by_name() -> None:
    with pytest.raises(InputError) as refused:
        outcome_measure(Instrument.WOMAC, INTAKE, {"sport": 3})

    assert refused.value.field == "womac.sport"


def test_subscales_not_given_stay_unknown_not_0() -> None:
    measure = outcome_measure(Instrument.KOOS, INTAKE, {"pain": 50})

    assert measure.score("qol") is None


def test_a_measure_with_no_score_at_all_is_refused() -> None:
    with pytest.raises(InputError):
        outcome_measure(Instrument.KOOS, INTAKE, {"pain": None})


def test_koos_rising_is_better_and_womac_rising_is_worse() -> None:
    koos = [
        outcome_measure(Instrument.KOOS, INTAKE, {"pain": 50}),
        outcome_measure(Instrument.KOOS, LATER, {"pain": 70}),
    ]
    womac = [
        outcome_measure(Instrument.WOMAC, INTAKE, {"pain": 8}),
        outcome_measure(Instrument.WOMAC, LATER, {"pain": 10}),
    ]

    assert since_intake(koos, Instrument.KOOS)[0].direction is Direction.BETTER
    assert since_intake(womac, Instrument.WOMAC)[0].direction is Direction.WORSE


def test_a_change_with_an_unknown_end_has_no_direction() -> None:
    measures = [
        outcome_measure(Instrument.KOOS, INTAKE, {"pain": 50, "qol": 40}),
        outcome_measure(Instrument.KOOS, LATER, {"pain": 60}),
    ]

    changes = {c.subscale.name: c.direction for c in since_intake(measures, Instrument.KOOS)}

    assert changes["pain"] is Direction.BETTER and changes["qol"] is None
