"""`retrowalk devices decode` and `encode` through Typer's runner: JSON out, hex out, and one-line
errors with exit status 2 for every kind of bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given
from typer.testing import CliRunner

from retrowalk.cli.app import app
from retrowalk.cli.devices import KINDS
from retrowalk.devices.ftms_control import SetTargetInclination, SetTargetSpeed, decode_command
from tests.strategies import inclinations_percent, speeds_kmh

runner = CliRunner()

# One known value per KIND, from the vectors in DEVICES.md (see the codec tests).
KIND_EXAMPLES: dict[str, tuple[str, dict[str, object]]] = {
    "treadmill-data": ("00 00 50 00", {"type": "treadmill_data", "instantaneous_speed_kmh": 0.8}),
    "feature": (
        "5C 16 00 00 03 00 00 00",
        {"type": "fitness_machine_features", "target_settings": ["speed", "inclination"]},
    ),
    "speed-range": ("64 00 B0 04 0A 00", {"minimum_kmh": 1.0, "maximum_kmh": 12.0}),
    "incline-range": ("00 00 96 00 05 00", {"maximum_percent": 15.0, "increment_percent": 0.5}),
    "status": ("03", {"type": "stopped_by_safety_key"}),
    "control-response": (
        "80 02 03",
        {"request_op_code": "set_target_speed", "result": "invalid_parameter"},
    ),
    "training-status": ("01 0D 51 75 69 63 6B", {"status": "manual_mode", "text": "Quick"}),
    "heart-rate": ("16 48 00 04", {"bpm": 72, "rr_intervals_s": [1.0]}),
}


def _decode(*arguments: str):
    return runner.invoke(app, ["devices", "decode", *arguments])


def _encode(*arguments: str):
    return runner.invoke(app, ["devices", "encode", *arguments])


def _assert_one_line_error(result, *mentions: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    for mention in mentions:
        assert mention in lines[0]


def test_every_kind_the_help_lists_has_a_decoder_and_an_example_here():
    assert set(KINDS) == set(KIND_EXAMPLES)


@pytest.mark.parametrize("kind", KINDS)
def test_decode_prints_the_value_as_json(kind):
    hex_bytes, expected = KIND_EXAMPLES[kind]

    result = _decode(kind, hex_bytes)

    assert result.exit_code == 0, result.output
    decoded = json.loads(result.stdout)
    assert expected.items() <= decoded.items()


def test_decode_leaves_out_fields_the_flags_leave_out_and_shows_not_available_as_null():
    """DEVICES.md 2.2 worked frame: ramp angle sent as 0x7FFF, no average speed in the flags."""
    result = _decode("treadmill-data", "0C 04 50 00 C8 00 00 0A 00 FF 7F 78 00")

    assert json.loads(result.stdout) == {
        "type": "treadmill_data",
        "instantaneous_speed_kmh": 0.8,
        "total_distance_m": 200,
        "inclination": {"inclination_percent": 1.0, "ramp_angle_degrees": None},
        "elapsed_time_s": 120,
    }


@pytest.mark.parametrize(
    "arguments",
    [
        ["0C 04 50 00 C8 00 00 0A 00 FF 7F 78 00"],
        ["0c:04:50:00:c8:00:00:0a:00:ff:7f:78:00"],
        ["0C045000C800000A00FF7F7800"],
        ["0C", "04", "50", "00", "C8", "00", "00", "0A", "00", "FF", "7F", "78", "00"],
        ["0C04 5000 C80000:0A00  FF7F 7800"],
    ],
)
def test_hex_may_be_split_by_spaces_colons_separate_arguments_or_nothing(arguments):
    result = _decode("treadmill-data", *arguments)

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total_distance_m"] == 200


def test_reserved_feature_bits_are_listed_by_number():
    result = _decode("feature", "00 00 02 00 00 00 00 00")

    assert json.loads(result.stdout)["machine"] == ["reserved_bit_17"]


def test_an_unknown_kind_exits_2_naming_it_and_listing_the_kinds():
    _assert_one_line_error(_decode("treadmill", "00 00 50 00"), "KIND", "'treadmill'", *KINDS)


@pytest.mark.parametrize(
    ("arguments", "mentions"),
    [
        (["0G"], ["HEX", "'0G'", "'G' is not a hex digit"]),
        (["0x0C"], ["HEX", "'x' is not a hex digit"]),
        (["0C 4 50"], ["HEX", "'4' is not whole bytes"]),
        (["0C045"], ["HEX", "'0C045' is not whole bytes"]),
        ([], ["HEX", "give the value's bytes in hex"]),
        (["  :: "], ["HEX", "give the value's bytes in hex"]),
    ],
)
def test_text_that_is_not_hex_bytes_exits_2_saying_what_is_wrong(arguments, mentions):
    _assert_one_line_error(_decode("heart-rate", *arguments), *mentions)


@pytest.mark.parametrize(
    ("kind", "hex_bytes", "mentions"),
    [
        ("treadmill-data", "0C 04 50", ["Treadmill Data, byte 2", "too short"]),
        ("treadmill-data", "00 40 50 00", ["byte 0", "reserved flag bit 14"]),
        ("treadmill-data", "00 00 50 00 00", ["byte 4", "trailing"]),
        ("control-response", "80 02 09", ["byte 2", "Result Code 0x09 is reserved"]),
        ("speed-range", "B0 04 64 00 0A 00", ["byte 2", "below"]),
        ("heart-rate", "10 48 00", ["byte 2", "left over"]),
    ],
)
def test_bytes_that_cannot_be_read_exit_2_naming_the_byte_and_why(kind, hex_bytes, mentions):
    _assert_one_line_error(_decode(kind, hex_bytes), "HEX", *mentions)


@pytest.mark.parametrize(
    ("arguments", "printed"),
    [
        (["request-control"], "00"),
        (["reset"], "01"),
        (["set-speed", "3.2"], "02 40 01"),
        (["set-speed", "0.8"], "02 50 00"),
        (["set-incline", "1.5"], "03 0F 00"),
        (["set-incline", "-1.0"], "03 F6 FF"),
        (["start"], "07"),
        (["stop"], "08 01"),
        (["pause"], "08 02"),
    ],
)
def test_encode_prints_the_command_bytes_as_hex(arguments, printed):
    """Vectors from DEVICES.md 2.3 and the issue 6 brief."""
    result = _encode(*arguments)

    assert result.exit_code == 0, result.output
    assert result.stdout == printed + "\n"


@pytest.mark.parametrize(
    ("arguments", "mentions"),
    [
        (["set-speed", "700"], ["KMH", "'700'", "0 to 655.35 km/h"]),
        (["set-speed", "-1"], ["KMH", "'-1'", "0 to 655.35 km/h"]),
        (["set-speed", "3.255"], ["KMH", "'3.255'", "in steps of 0.01 km/h"]),
        (["set-speed", "fast"], ["KMH", "'fast'", "a number in km/h"]),
        (["set-speed", "nan"], ["KMH", "'nan'", "a number in km/h"]),
        (["set-incline", "3276.8"], ["PERCENT", "'3276.8'", "-3276.8 to 3276.7 %"]),
        (["set-incline", "1.25"], ["PERCENT", "'1.25'", "in steps of 0.1 %"]),
    ],
)
def test_a_target_that_cannot_be_sent_exits_2_naming_it_and_what_is_allowed(arguments, mentions):
    _assert_one_line_error(_encode(*arguments), *mentions)


@given(speeds_kmh)
def test_the_printed_set_speed_bytes_decode_to_the_speed_given(speed):
    result = _encode("set-speed", str(speed))

    assert decode_command(bytes.fromhex(result.stdout)) == SetTargetSpeed(speed)


@given(inclinations_percent)
def test_the_printed_set_incline_bytes_decode_to_the_incline_given(inclination):
    result = _encode("set-incline", str(inclination))

    assert decode_command(bytes.fromhex(result.stdout)) == SetTargetInclination(inclination)


def test_loading_the_cli_does_not_load_the_codecs():
    """ARCHITECTURE.md: commands import what they need; `retrowalk --help` pays for typer alone."""
    probe = (
        "import sys, retrowalk.cli.app; "
        "print(sorted(m for m in sys.modules if m.startswith('retrowalk.devices')))"
    )

    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )

    assert loaded.stdout.strip() == "[]"
