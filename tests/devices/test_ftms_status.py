"""Fitness Machine Status (0x2ADA): what changed on the machine, from hand-written bytes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrowalk.devices.ftms_control import StopAction
from retrowalk.devices.ftms_status import (
    ControlPermissionLost,
    MachineReset,
    OtherMachineStatus,
    StartedOrResumedByUser,
    StatusOpCode,
    StoppedBySafetyKey,
    StoppedOrPausedByUser,
    TargetInclinationChanged,
    TargetSpeedChanged,
    decode_machine_status,
    encode_machine_status,
)
from retrowalk.devices.wire import UnencodableValue
from retrowalk.domain.errors import DeviceError
from tests.strategies import machine_statuses

# Written from the status op code list in DEVICES.md 2.3 (FTMS 4.17).
STATUS_VECTORS = [
    ("01", MachineReset()),
    ("02 01", StoppedOrPausedByUser(StopAction.STOP)),
    ("02 02", StoppedOrPausedByUser(StopAction.PAUSE)),
    ("03", StoppedBySafetyKey()),
    ("04", StartedOrResumedByUser()),
    ("05 50 00", TargetSpeedChanged(0.8)),
    ("06 F6 FF", TargetInclinationChanged(-1.0)),
    ("FF", ControlPermissionLost()),
    ("07 0A", OtherMachineStatus(StatusOpCode.TARGET_RESISTANCE_LEVEL_CHANGED, b"\x0a")),
    ("0D 10 27 00", OtherMachineStatus(StatusOpCode.TARGETED_DISTANCE_CHANGED, b"\x10\x27\x00")),
]


@pytest.mark.parametrize(("hex_bytes", "status"), STATUS_VECTORS)
def test_each_status_op_code_decodes_to_its_event_and_parameter(hex_bytes, status):
    assert decode_machine_status(bytes.fromhex(hex_bytes)) == status
    assert encode_machine_status(status) == bytes.fromhex(hex_bytes)


def test_the_safety_key_stop_is_its_own_event_not_a_user_stop():
    """DEVICES.md 2.3: 0x03 stopped by safety key ends the set; 0x02 is a button press."""
    assert isinstance(decode_machine_status(b"\x03"), StoppedBySafetyKey)
    assert not isinstance(decode_machine_status(b"\x02\x01"), StoppedBySafetyKey)


@pytest.mark.parametrize(
    ("hex_bytes", "offset", "why"),
    [
        ("", 0, "too short"),
        ("00", 0, "Op Code 0x00 is reserved"),
        ("16", 0, "Op Code 0x16 is reserved"),
        ("FE", 0, "Op Code 0xFE is reserved"),
        ("02", 1, "too short"),
        ("02 03", 1, "Stop or Pause parameter 0x03 is reserved"),
        ("05 50", 1, "too short for New Target Speed"),
        ("0D 10 27", 1, "too short for the TARGETED_DISTANCE_CHANGED parameter"),
        ("03 00", 1, "1 trailing byte"),
        ("06 F6 FF 00 00", 3, "2 trailing bytes"),
    ],
)
def test_a_malformed_status_is_refused_with_the_byte_and_the_reason(hex_bytes, offset, why):
    with pytest.raises(DeviceError, match=f"byte {offset}: .*{why}"):
        decode_machine_status(bytes.fromhex(hex_bytes))


@pytest.mark.parametrize(
    "status",
    [
        OtherMachineStatus(StatusOpCode.TARGETED_DISTANCE_CHANGED, b"\x10\x27"),
        OtherMachineStatus(StatusOpCode.TARGET_SPEED_CHANGED, b"\x50\x00"),
        TargetSpeedChanged(700.0),
    ],
)
def test_a_status_whose_parameter_does_not_fit_its_op_code_is_not_encoded(status):
    with pytest.raises(UnencodableValue):
        encode_machine_status(status)


@given(machine_statuses)
def test_decoding_an_encoded_status_gives_the_status_back(status):
    assert decode_machine_status(encode_machine_status(status)) == status


@given(st.binary(max_size=12))
def test_any_status_bytes_either_decode_and_re_encode_to_themselves_or_raise_device_error(data):
    try:
        status = decode_machine_status(data)
    except DeviceError:
        return

    assert encode_machine_status(status) == data
