"""`retrowalk equipment`: the equipment in use, and a change that re-plans the next session."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.support import as_json, data_dir_fixture, invoke, onboard

__all__ = ["data_dir_fixture"]

KMH_OPTIONS = [
    "--kind",
    "motorized_treadmill",
    "--speed-unit",
    "kmh",
    "--min-speed",
    "0.8",
    "--max-speed",
    "16",
    "--speed-step",
    "0.1",
    "--max-incline-percent",
    "12",
    "--incline-step-percent",
    "1",
    "--handrails",
    "--safety-clip",
]


def test_without_options_it_shows_the_equipment_in_use(data_dir: Path) -> None:
    onboard()

    result = invoke("equipment")

    assert result.exit_code == 0, result.output
    assert "Equipment in use: motorized treadmill" in result.stdout
    assert "0.5 mph to 10 mph in steps of 0.1 mph" in result.stdout
    assert "safety clip" in result.stdout and "no safety clip" not in result.stdout


def test_a_km_h_treadmill_takes_the_next_session_and_today_shows_it(data_dir: Path) -> None:
    onboard()

    result = invoke("equipment", *KMH_OPTIONS, "--json")

    assert result.exit_code == 0, result.output
    changed = json.loads(result.stdout)
    assert changed["cleared_to_start"] is True
    assert changed["next_session"]["decision"]["dose"]["speed"] == {"kmh": 0.8, "mph": 0.5}
    assert any("own steps" in note for note in changed["notes"])
    shown = as_json(invoke("equipment", "--json"))
    assert (shown["kind"], shown["speed_unit"], shown["min_speed"]) == (
        "motorized_treadmill",
        "kmh",
        0.8,
    )


def test_a_mistake_names_the_option_and_changes_nothing(data_dir: Path) -> None:
    onboard()
    options = [o if o != "0.1" else "0" for o in KMH_OPTIONS]

    result = invoke("equipment", *options)

    assert result.exit_code == 2
    assert "--speed-step" in result.stderr and "greater than 0" in result.stderr
    assert "Traceback" not in result.output
    assert as_json(invoke("equipment", "--json"))["speed_unit"] == "mph"


def test_equipment_screening_will_not_plan_for_is_refused(data_dir: Path) -> None:
    onboard()
    options = [o if o != "--safety-clip" else "--no-safety-clip" for o in KMH_OPTIONS]

    result = invoke("equipment", *options)

    assert result.exit_code == 2
    assert "safety clip" in result.stderr and "unchanged" in result.stderr
    assert as_json(invoke("equipment", "--json"))["speed_unit"] == "mph"


def test_a_profile_file_s_equipment_can_be_given(data_dir: Path, tmp_path: Path) -> None:
    onboard()
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({"equipment": {"kind": "outdoor", "spotter": True}}))

    result = invoke("equipment", "--from-file", str(profile))

    assert result.exit_code == 0, result.output
    assert "Equipment changed: outdoor" in result.stdout
    assert "begins again at the start dose" in result.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    refused = invoke("equipment", "--from-file", str(bad))
    assert refused.exit_code == 2 and "--from-file" in refused.stderr
