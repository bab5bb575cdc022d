"""Fitness Machine Control Point (0x2AD9): commands, their response indications, bad bytes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrowalk.devices.ftms_control import (
    ControlResponse,
    OpCode,
    RequestControl,
    Reset,
    ResultCode,
    SetTargetInclination,
    SetTargetSpeed,
    StartOrResume,
    StopAction,
    StopOrPause,
    UnsupportedOpCode,
    decode_command,
    decode_response,
    encode_command,
    encode_response,
)
from retrowalk.devices.wire import UnencodableValue
from retrowalk.domain.errors import DeviceError
from tests.strategies import control_commands, control_responses

# (command, bytes, source of the vector)
COMMAND_VECTORS = [
    (RequestControl(), "00", "DEVICES.md 2.3 typical session"),
    (Reset(), "01", "FTMS 4.16.2.2: Reset has no parameter"),
    (SetTargetSpeed(0.8), "02 50 00", "DEVICES.md 2.3: 0.5 mph = 0.80 km/h"),
    (SetTargetSpeed(1.61), "02 A1 00", "DEVICES.md 2.3: 1.0 mph = 1.61 km/h"),
    (SetTargetSpeed(3.2), "02 40 01", "issue 6 brief: set-speed 3.2"),
    (SetTargetSpeed(1.3), "02 82 00", "DEPENDENCIES.md: pyftms serialises 1.3 km/h"),
    (SetTargetInclination(1.0), "03 0A 00", "DEVICES.md 2.3: incline 1.0 %"),
    (SetTargetInclination(-1.0), "03 F6 FF", "DEVICES.md 2.3: incline -1.0 %"),
    (SetTargetInclination(1.5), "03 0F 00", "DEPENDENCIES.md: pyftms serialises 1.5 %"),
    (StartOrResume(), "07", "DEVICES.md 2.3 typical session"),
    (StopOrPause(StopAction.STOP), "08 01", "DEVICES.md 2.3: stop"),
    (StopOrPause(StopAction.PAUSE), "08 02", "DEVICES.md 2.3: pause"),
]
RESPONSE_VECTORS = [
    ("80 00 01", OpCode.REQUEST_CONTROL, ResultCode.SUCCESS, "DEVICES.md 2.3: 00 -> 80 00 01"),
    ("80 07 01", OpCode.START_OR_RESUME, ResultCode.SUCCESS, "DEVICES.md 2.3: 07 -> 80 07 01"),
    ("80 02 03", OpCode.SET_TARGET_SPEED, ResultCode.INVALID_PARAMETER, "FTMS: out of range"),
    ("80 07 04", OpCode.START_OR_RESUME, ResultCode.OPERATION_FAILED, "FTMS: already started"),
    ("80 02 05", OpCode.SET_TARGET_SPEED, ResultCode.CONTROL_NOT_PERMITTED, "FTMS: no control"),
    ("80 04 02", OpCode.SET_TARGET_RESISTANCE_LEVEL, ResultCode.OP_CODE_NOT_SUPPORTED, "FTMS"),
]


@pytest.mark.parametrize(("command", "hex_bytes", "source"), COMMAND_VECTORS)
def test_a_command_encodes_to_its_op_code_and_little_endian_parameter(command, hex_bytes, source):
    assert encode_command(command) == bytes.fromhex(hex_bytes), source


@pytest.mark.parametrize(("command", "hex_bytes", "source"), COMMAND_VECTORS)
def test_a_machine_reads_each_command_back_from_its_bytes(command, hex_bytes, source):
    assert decode_command(bytes.fromhex(hex_bytes)) == command, source


@pytest.mark.parametrize(("hex_bytes", "op_code", "result", "source"), RESPONSE_VECTORS)
def test_a_response_indication_names_the_request_and_its_result(hex_bytes, op_code, result, source):
    response = decode_response(bytes.fromhex(hex_bytes))

    assert response == ControlResponse(op_code, result), source
    assert response.succeeded is (result is ResultCode.SUCCESS)
    assert encode_response(response) == bytes.fromhex(hex_bytes)


@pytest.mark.parametrize(
    ("hex_bytes", "offset", "why"),
    [
        ("", 0, "too short"),
        ("81 00 01", 0, "not a Response Code indication"),
        ("07 07 01", 0, "not a Response Code indication"),
        ("80", 1, "too short"),
        ("80 15 01", 1, "Request Op Code 0x15 is reserved"),
        ("80 80 01", 1, "Request Op Code 0x80 is reserved"),
        ("80 02", 2, "too short"),
        ("80 02 00", 2, "Result Code 0x00 is reserved"),
        ("80 02 06", 2, "Result Code 0x06 is reserved"),
        ("80 02 01 00", 3, "1 trailing byte"),
    ],
)
def test_a_malformed_response_is_refused_with_the_byte_and_the_reason(hex_bytes, offset, why):
    with pytest.raises(DeviceError, match=f"byte {offset}: .*{why}"):
        decode_response(bytes.fromhex(hex_bytes))


@pytest.mark.parametrize(
    ("hex_bytes", "offset", "why"),
    [
        ("", 0, "too short"),
        ("02 50", 1, "too short for Target Speed"),
        ("03", 1, "too short for Target Inclination"),
        ("08", 1, "too short"),
        ("08 00", 1, "Stop or Pause parameter 0x00 is reserved"),
        ("08 03", 1, "Stop or Pause parameter 0x03 is reserved"),
        ("07 00", 1, "1 trailing byte"),
        ("02 50 00 00", 3, "1 trailing byte"),
    ],
)
def test_a_malformed_command_is_refused_with_the_byte_and_the_reason(hex_bytes, offset, why):
    with pytest.raises(DeviceError, match=f"byte {offset}: .*{why}"):
        decode_command(bytes.fromhex(hex_bytes))


@pytest.mark.parametrize("op_code", [0x04, 0x05, 0x06, 0x09, 0x13, 0x14, 0x15, 0x80, 0xFF])
def test_a_command_retrowalk_does_not_handle_is_refused_with_its_op_code(op_code):
    with pytest.raises(UnsupportedOpCode, match=f"byte 0: op code 0x{op_code:02X}") as raised:
        decode_command(bytes([op_code, 0x0A]))

    assert raised.value.op_code == op_code


@pytest.mark.parametrize(
    ("command", "field"),
    [
        (SetTargetSpeed(655.36), "Target Speed"),
        (SetTargetSpeed(-0.01), "Target Speed"),
        (SetTargetSpeed(3.255), "Target Speed"),
        (SetTargetSpeed(float("inf")), "Target Speed"),
        (SetTargetInclination(3276.8), "Target Inclination"),
        (SetTargetInclination(-3276.9), "Target Inclination"),
        (SetTargetInclination(0.25), "Target Inclination"),
    ],
)
def test_a_target_its_field_cannot_hold_is_refused_rather_than_rounded(command, field):
    with pytest.raises(UnencodableValue, match="cannot be sent") as raised:
        encode_command(command)

    assert raised.value.field == field


def test_the_extreme_targets_of_each_field_are_sent_exactly():
    assert encode_command(SetTargetSpeed(655.35)) == bytes.fromhex("02 FF FF")
    assert encode_command(SetTargetInclination(-3276.8)) == bytes.fromhex("03 00 80")
    assert encode_command(SetTargetInclination(3276.7)) == bytes.fromhex("03 FF 7F")


@given(control_commands)
def test_decoding_an_encoded_command_gives_the_command_back(command):
    assert decode_command(encode_command(command)) == command


@given(control_responses)
def test_decoding_an_encoded_response_gives_the_response_back(response):
    assert decode_response(encode_response(response)) == response


@given(st.binary(max_size=5))
def test_any_command_bytes_either_decode_and_re_encode_to_themselves_or_raise_device_error(data):
    try:
        command = decode_command(data)
    except DeviceError:
        return

    assert encode_command(command) == data


@given(st.binary(max_size=5))
def test_any_response_bytes_either_decode_and_re_encode_to_themselves_or_raise_device_error(data):
    try:
        response = decode_response(data)
    except DeviceError:
        return

    assert encode_response(response) == data
