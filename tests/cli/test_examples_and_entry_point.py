"""Every shipped example runs, and the installed `retrowalk` command works in a real process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
RETROWALK = shutil.which("retrowalk", path=str(Path(sys.executable).parent))


def _retrowalk(*args: str) -> subprocess.CompletedProcess[str]:
    assert RETROWALK is not None, "the retrowalk console script is not installed in this venv"
    return subprocess.run(
        [RETROWALK, *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_there_is_an_example_for_each_condition_and_each_equipment_kind_in_both_units():
    names = {path.stem for path in EXAMPLES}
    conditions = ["knee_oa", "patellofemoral_pain", "post_tkr", "post_acl", "knee_discomfort",
                  "balance", "athlete", "general"]  # fmt: skip
    kinds = ["deadmill", "manual_treadmill", "sled", "outdoor"]
    for stem in conditions + kinds:
        assert {f"{stem}_mph", f"{stem}_kmh"} <= names, stem


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_each_example_simulates_with_its_expected_exit_status(example):
    result = _retrowalk("simulate", str(example))

    expected = 3 if example.stem.startswith("red_flag") else 0
    assert result.returncode == expected, result.stderr
    plan = json.loads(result.stdout)
    assert bool(plan["sessions"]) is (expected == 0)


def test_the_entry_point_prints_its_version():
    result = _retrowalk("--version")

    assert result.returncode == 0
    assert result.stdout.startswith("retrowalk ")


def test_the_entry_point_refuses_a_bad_file_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"walker": 3}', encoding="utf-8")

    result = _retrowalk("simulate", str(bad))

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Error: ")


def test_plan_piped_to_a_file_has_no_colour_codes():
    result = _retrowalk("plan", str(ROOT / "examples" / "knee_oa_kmh.json"))

    assert result.returncode == 0
    assert "\x1b[" not in result.stdout
    assert "km/h" in result.stdout
