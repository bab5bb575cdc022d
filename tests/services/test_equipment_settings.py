"""Equipment's settings, as the faces ask for them, read back from stored equipment and given
again, make the same equipment."""

from __future__ import annotations

from hypothesis import given
from pydantic import TypeAdapter

from retrowalk.domain.equipment import Equipment
from retrowalk.services.equipment_settings import (
    SETTINGS_BY_KIND,
    equipment_settings,
    speeds_named,
)
from retrowalk.services.scenario import EquipmentIn, equipment_of
from tests.strategies import equipment

INPUT = TypeAdapter(EquipmentIn)


@given(equipment())
def test_settings_read_back_and_given_again_make_the_same_equipment(kit: Equipment) -> None:
    settings = equipment_settings(kit)

    again = equipment_of(INPUT.validate_python({"kind": kit.kind.value, **speeds_named(settings)}))

    assert tuple(settings) == SETTINGS_BY_KIND[kit.kind]
    assert again == kit


def test_a_treadmill_s_speeds_are_named_with_their_unit() -> None:
    named = speeds_named({"speed_unit": "kmh", "min_speed": 0.8, "handrails": True})

    assert named == {"min_speed_kmh": 0.8, "handrails": True}
    assert speeds_named({"max_speed": 10}) == {"max_speed_mph": 10}
