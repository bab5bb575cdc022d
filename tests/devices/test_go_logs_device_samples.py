"""`retrowalk go --device virtual` for the stored walker keeps the treadmill's 1 Hz samples with
the logged session, marked as a device session (issue 6)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RETROWALK = shutil.which("retrowalk", path=str(Path(sys.executable).parent))


def _run(data_dir: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    assert RETROWALK is not None
    environment = {**os.environ, "RETROWALK_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [RETROWALK, *arguments], capture_output=True, text=True, env=environment, timeout=120,
        check=False,
    )  # fmt: skip


def _walker_from_today(tmp_path: Path) -> tuple[Path, Path]:
    """A data directory with the example walker, starting today, and the check-in's answers."""
    scenario = json.loads((ROOT / "examples" / "knee_oa_mph.json").read_text(encoding="utf-8"))
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({k: scenario[k] for k in ("walker", "equipment")}), "utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text('{"pain_during": 1, "sharp_pain": false, "rpe": 4}', encoding="utf-8")
    data = tmp_path / "data"
    start = date.today().isoformat()
    assert (
        _run(data, "init", "--from-file", str(profile), "--start", start, "--yes").returncode == 0
    )
    return data, answers


def test_a_walk_on_the_virtual_treadmill_stores_its_samples_with_the_log(tmp_path):
    data, answers = _walker_from_today(tmp_path)

    walked = _run(
        data, "go", "--device", "virtual", "--control", "--auto-confirm",
        "--check-in-from", str(answers), "--time-scale", "120", "--no-voice", "--json",
    )  # fmt: skip

    assert walked.returncode == 0, walked.stderr
    device_samples = json.loads(walked.stdout)["device"]["samples"]
    exported = json.loads(_run(data, "export", "--format", "json").stdout)["tables"]
    assert len(exported["session_samples"]) == len(device_samples) > 100
    assert [log["source"] for log in exported["session_logs"]] == ["device"]


def test_the_straps_pulse_and_the_treadmills_mph_verdict_are_stored(tmp_path):
    data, answers = _walker_from_today(tmp_path)

    walked = _run(
        data, "go", "--device", "virtual:mph_for_kmh", "--control", "--strap", "virtual",
        "--auto-confirm", "--check-in-from", str(answers), "--time-scale", "120",
        "--no-voice", "--json",
    )  # fmt: skip

    assert walked.returncode == 0, walked.stderr
    device = json.loads(walked.stdout)["device"]
    exported = json.loads(_run(data, "export", "--format", "json").stdout)["tables"]
    stored = [s["heart_rate"] for s in exported["session_samples"]]
    assert stored == [s["heart_rate"] for s in device["samples"]]
    assert sum(pulse is not None for pulse in stored) >= len(stored) - 1 > 100
    verdicts = [(e["ftms_device"], e["mph_quirk"]) for e in exported["equipment"]]
    assert device["mph_quirk"] is True and verdicts == [("virtual:mph_for_kmh", True)]
