"""The shipped protocol files are built without pydantic (protocols/building.py): exactly what
pydantic builds from them, and anything unexpected makes the builder give up (the loader then
asks pydantic, whose message names the key)."""

from __future__ import annotations

import copy
import subprocess
import sys
from typing import Any

import pytest
from pydantic import TypeAdapter

from retrowalk.domain.equipment import EquipmentKind
from retrowalk.domain.modality import MotorizedRules
from retrowalk.domain.protocol import Protocol
from retrowalk.protocols import _MODALITY_TYPES, _read_shipped, _resolve
from retrowalk.protocols.building import DoesNotFit, built


def shipped_protocol(name: str) -> dict[str, Any]:
    return _resolve(_read_shipped(f"{name}.toml"), f"{name}.toml")


@pytest.mark.parametrize("name", ["default", "post_surgery", "athlete"])
def test_each_shipped_protocol_is_built_as_pydantic_builds_it(name):
    by_pydantic = TypeAdapter(Protocol).validate_python(shipped_protocol(name))

    by_builder = built(Protocol, shipped_protocol(name))

    assert by_builder == by_pydantic
    assert type(by_builder.severe.start_speed_mph) is float  # `0.5`, and a whole `1` too


@pytest.mark.parametrize("kind", list(EquipmentKind))
def test_each_shipped_modality_is_built_as_pydantic_builds_it(kind):
    raw = _read_shipped(f"modalities/{kind}.toml")
    by_pydantic = TypeAdapter(_MODALITY_TYPES[kind]).validate_python(copy.deepcopy(raw))

    assert built(_MODALITY_TYPES[kind], raw) == by_pydantic


def _changed(path: tuple[str, ...], value: object) -> dict[str, Any]:
    raw = shipped_protocol("default")
    table = raw
    for key in path[:-1]:
        table = table[key]
    if value is KeyError:
        del table[path[-1]]
    else:
        table[path[-1]] = value
    return raw


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("pain", "safe_max"), "2"),  # text for a whole number
        (("pain", "safe_max"), 2.5),  # a fraction for a whole number
        (("pain", "safe_max"), True),  # a yes/no for a whole number
        (("pain", "safe_max"), KeyError),  # missing
        (("pain", "made_up"), 1),  # unknown key
        (("made_up",), {}),  # unknown table
        (("conditions",), ["knee_oa", "not_a_condition"]),
        (("conditions",), "knee_oa"),  # one text for a list
        (("populations", "knee_oa", "sessions_before_wean"), "4"),
        (("energy",), 1.0),  # a number for a table
    ],
)
def test_the_builder_gives_up_on_anything_unexpected(path, value):
    with pytest.raises(DoesNotFit):
        built(Protocol, _changed(path, value))


def test_the_builder_gives_up_on_an_order_step_a_modality_does_not_have():
    raw = _read_shipped("modalities/motorized_treadmill.toml")
    raw["order"] = ["minutes", "load"]

    with pytest.raises(DoesNotFit):
        built(MotorizedRules, raw)


def test_loading_the_shipped_files_does_not_import_pydantic():
    probe = (
        "import sys\nfrom retrowalk.protocols import load_modality, load_protocol\n"
        "from retrowalk.domain.equipment import EquipmentKind\n"
        "[load_protocol(n) for n in ('default', 'post_surgery', 'athlete')]\n"
        "[load_modality(k) for k in EquipmentKind]\n"
        "print('pydantic' in sys.modules)"
    )

    ran = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)

    assert ran.stdout.strip() == "False"
