"""The protocol files: every shipped file loads, and a bad file is refused by key and problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrowalk.domain.equipment import EquipmentKind
from retrowalk.domain.errors import ProtocolError
from retrowalk.domain.walker import Condition
from retrowalk.protocols import load_modality, load_protocol, load_protocol_file, protocol_for


@pytest.mark.parametrize("name", ["default", "post_surgery", "athlete"])
def test_each_shipped_protocol_loads(name):
    assert load_protocol(name).name == name


@pytest.mark.parametrize("kind", list(EquipmentKind))
def test_each_equipment_kind_has_a_modality_file(kind):
    assert load_modality(kind).kind == kind.value


@pytest.mark.parametrize("condition", list(Condition))
def test_every_condition_has_a_protocol_with_its_row(condition):
    protocol = protocol_for(condition)

    assert condition in protocol.conditions
    assert condition in protocol.populations


def test_no_population_can_reach_running_speed():
    ceilings = [
        row.speed_ceiling_mph
        for name in ("default", "post_surgery", "athlete")
        for row in load_protocol(name).populations.values()
    ]

    assert max(ceilings) < 3.5


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_that_extends_the_default_overrides_only_what_it_names(tmp_path):
    path = _write(tmp_path, 'extends = "default"\nname = "mine"\n[pain]\nprogress_max = 2\n')

    protocol = load_protocol_file(path)

    assert protocol.pain.progress_max == 2
    assert protocol.pain.acceptable_max == load_protocol("default").pain.acceptable_max


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ('extends = "default"\n[pain]\nsafe_max = "three"\n', "pain.safe_max", "valid integer"),
        ('extends = "default"\n[pain]\nloud = 1\n', "pain.loud", "unknown key"),
        ('extends = "default"\n[pain]\nsafe_max = 6\n', "pain.safe_max", "acceptable_max"),
        (
            'extends = "default"\n[populations.knee_oa]\nstart_minutes = 30\n',
            "populations.knee_oa.start_minutes",
            "target_minutes",
        ),
        ('extends = "default"\n[populations.knees]\nstart_minutes = 3\n', "populations.knees", ""),
        ('extends = "nothing"\n', "extends", "not a shipped protocol"),
        ('name = "alone"\n', "title", "required"),
        ("this is not toml", "(file)", "not valid TOML"),
    ],
)
def test_a_bad_protocol_file_is_refused_naming_the_key_and_the_problem(
    tmp_path, text, key, problem
):
    with pytest.raises(ProtocolError) as refused:
        load_protocol_file(_write(tmp_path, text))

    assert refused.value.key.startswith(key)
    assert problem in refused.value.problem


def test_a_missing_protocol_file_is_refused_plainly(tmp_path):
    with pytest.raises(ProtocolError, match="cannot be read"):
        load_protocol_file(tmp_path / "absent.toml")
