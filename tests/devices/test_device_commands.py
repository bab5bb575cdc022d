"""`retrowalk devices scan` and `retrowalk go --device` through Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from retrowalk.cli.app import app
from tests.devices.test_scan import NO_SYSTEM_BUS

# Exact by definition (1 mile = 1609.344 m); written out, never imported from the code under test.
METRES_PER_SECOND_IN_ONE_MPH = 0.44704

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ANSWERS = '{"pain_during": 1, "sharp_pain": false, "rpe": 4}'
runner = CliRunner()


def _go(tmp_path: Path, *options: str):
    answers = tmp_path / "answers.json"
    answers.write_text(ANSWERS, encoding="utf-8")
    scenario = str(EXAMPLES / "knee_oa_mph.json")
    arguments = ["go", "--scenario", scenario, "--no-voice", "--json"]
    arguments += ["--check-in-from", str(answers)]
    return runner.invoke(app, [*arguments, "--time-scale", "1000", *options])


def test_scan_lists_the_virtual_treadmill_and_strap():
    result = runner.invoke(app, ["devices", "scan", "--virtual", "--timeout", "0.5"])

    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "treadmill         VIRTUAL-TREADMILL     retrowalk virtual treadmill",
        "heart-rate strap  VIRTUAL-STRAP         retrowalk virtual strap",
    ]


def test_scan_without_an_adapter_says_so_in_one_line_not_a_traceback(monkeypatch):
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", NO_SYSTEM_BUS)

    result = runner.invoke(app, ["devices", "scan", "--timeout", "0.5"])

    assert result.exit_code == 1
    assert result.stderr == (
        "Error: no Bluetooth adapter found: switch Bluetooth on, or plug in an adapter\n"
    )


def test_go_on_the_virtual_treadmill_walks_the_plan_with_the_belt_following(tmp_path):
    result = _go(tmp_path, "--device", "virtual", "--control", "--auto-confirm")

    assert result.exit_code == 0, result.output
    session = json.loads(result.stdout)
    device = session["device"]
    assert session["completed"] is True and session["minutes_walked"] == 3
    assert device["control"] == "on" and device["partial"] is False
    walking = [s["speed_mps"] for s in device["samples"] if s["speed_mps"]]
    at_dose = [v for v in walking if round(v / METRES_PER_SECOND_IN_ONE_MPH, 2) == 0.5]
    assert len(at_dose) > 0.9 * 180  # 0.5 mph for nearly all of the 3 minutes


def test_go_without_control_only_reads_the_treadmill(tmp_path):
    result = _go(tmp_path, "--device", "virtual", "--auto-confirm")

    assert result.exit_code == 0, result.output
    device = json.loads(result.stdout)["device"]
    assert device["control"] == "off"
    assert {s["speed_mps"] for s in device["samples"]} == {0.0}  # nobody started the belt


def test_go_refuses_to_let_a_script_start_a_real_treadmills_belt(tmp_path):
    result = _go(tmp_path, "--device", "AA:BB:CC:DD:EE:FF", "--control", "--auto-confirm")

    assert result.exit_code == 2
    assert "--auto-confirm" in result.stderr and "walker's own Enter" in result.stderr


def test_go_with_a_real_treadmill_and_no_adapter_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", NO_SYSTEM_BUS)

    result = _go(tmp_path, "--device", "AA:BB:CC:DD:EE:FF", "--auto-confirm")

    assert result.exit_code == 1
    assert "no Bluetooth adapter found" in result.stderr
    assert "Traceback" not in result.output


def test_go_with_the_virtual_strap_keeps_its_pulse_in_every_second(tmp_path):
    result = _go(
        tmp_path, "--device", "virtual", "--control", "--strap", "virtual", "--auto-confirm"
    )

    assert result.exit_code == 0, result.output
    device = json.loads(result.stdout)["device"]
    assert device["strap"] == {"name": "retrowalk virtual strap", "dropped_at_seconds": []}
    pulses = [s["heart_rate"] for s in device["samples"]]
    assert len(pulses) > 150 and all(isinstance(p, int) and 60 < p < 120 for p in pulses[1:])


def test_go_on_the_virtual_treadmill_with_the_mph_quirk_finds_it_and_corrects_the_belt(tmp_path):
    result = _go(tmp_path, "--device", "virtual:mph_for_kmh", "--control", "--auto-confirm")

    assert result.exit_code == 0, result.output
    device = json.loads(result.stdout)["device"]
    assert device["mph_quirk"] is True and "mph_quirk" in [a["alert"] for a in device["alerts"]]
    walking = [
        round(s["speed_mps"] / METRES_PER_SECOND_IN_ONE_MPH, 2)
        for s in device["samples"]
        if s["speed_mps"]
    ]
    # A sample may land while the belt slows to its stop at the end: the walk ends on the last
    # speed before the slowing.
    while len(walking) > 1 and walking[-1] < walking[-2]:
        walking.pop()
    # Until it is found, 0.5 mph is sent as 0.8 "km/h", which this treadmill runs as 0.8 mph.
    assert max(walking) <= 0.81 and walking[-1] == 0.5 and walking.count(0.5) > len(walking) / 2


def test_go_refuses_a_strap_without_a_treadmill(tmp_path):
    result = _go(tmp_path, "--strap", "virtual", "--auto-confirm")

    assert result.exit_code == 2
    assert "--strap" in result.stderr and "--device" in result.stderr


def test_go_refuses_a_fault_the_virtual_treadmill_cannot_show(tmp_path):
    result = _go(tmp_path, "--device", "virtual:smoke", "--auto-confirm")

    assert result.exit_code == 2
    assert "virtual:smoke" in result.stderr and "mph_for_kmh" in result.stderr


def test_go_with_a_real_strap_and_no_adapter_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", NO_SYSTEM_BUS)

    result = _go(tmp_path, "--device", "virtual", "--strap", "C0:FF:EE:12:34:56", "--auto-confirm")

    assert result.exit_code == 1
    assert "no Bluetooth adapter found" in result.stderr
    assert "Traceback" not in result.output


def test_serve_refuses_a_fault_the_virtual_treadmill_cannot_show_before_it_starts():
    result = runner.invoke(app, ["serve", "--device", "virtual:smoke", "--control"])

    assert result.exit_code == 2
    assert "virtual:smoke" in result.stderr and "Traceback" not in result.output
