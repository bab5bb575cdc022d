"""The field layer under every codec: ranges, grids, and errors that say where and why."""

from __future__ import annotations

import pytest

from retrowalk.devices.ftms_control import ResultCode
from retrowalk.devices.wire import (
    Field,
    FrameReader,
    FrameWriter,
    UnencodableValue,
    read_choice,
)
from retrowalk.domain.errors import DeviceError


def test_a_field_with_a_not_available_value_cannot_send_that_value_as_a_real_one():
    inclination = Field("Inclination", 2, signed=True, per_unit=10, unit="%", not_available=0x7FFF)

    assert (inclination.lowest, inclination.highest) == (-0x8000, 0x7FFE)
    assert inclination.allowed() == "-3276.8 to 3276.6 %, in steps of 0.1 %"


def test_an_integer_field_describes_itself_as_whole_numbers():
    distance = Field("Total Distance", 3, unit="m")

    assert distance.allowed() == "a whole number from 0 to 16777215 m"


def test_a_binary_resolution_is_described_as_a_fraction():
    rr_interval = Field("RR-Interval", 2, per_unit=1024, unit="s")

    assert rr_interval.allowed().endswith("in steps of 1/1024 s")


def test_none_is_written_as_the_not_available_value():
    out = FrameWriter()

    out.number(Field("Ramp Angle", 2, signed=True, per_unit=10, not_available=0x7FFF), None)

    assert out.to_bytes() == b"\xff\x7f"


def test_none_is_refused_for_a_field_without_a_not_available_value():
    with pytest.raises(UnencodableValue, match="no 'not available' value"):
        FrameWriter().number(Field("Speed", 2, per_unit=100), None)


def test_a_value_between_two_grid_steps_is_refused_not_rounded():
    speed = Field("Speed", 2, per_unit=100, unit="km/h")

    with pytest.raises(UnencodableValue, match=r"Speed: 0.8049 cannot be sent; .* 0.01 km/h"):
        FrameWriter().number(speed, 0.8049)


def test_reading_past_the_end_names_the_field_its_type_and_what_is_left():
    frame = FrameReader(b"\x01\x02\x03", "Test Characteristic")
    frame.integer(Field("First", 2))

    with pytest.raises(DeviceError) as raised:
        frame.integer(Field("Second", 2))

    assert str(raised.value) == (
        "Test Characteristic, byte 2: too short for Second (uint16): needs 2 bytes, 1 left"
    )


def test_a_reserved_enumerated_value_is_refused_with_the_known_values_listed():
    frame = FrameReader(b"\x09", "Test Characteristic")

    with pytest.raises(DeviceError) as raised:
        read_choice(frame, Field("Result Code", 1), ResultCode)

    assert str(raised.value) == (
        "Test Characteristic, byte 0: Result Code 0x09 is reserved (known: 0x01-0x05)"
    )


@pytest.mark.parametrize("value", [72.0, 72.5, float("nan"), float("inf"), True])
def test_an_integer_field_refuses_what_is_not_a_whole_number_with_the_field_named(value):
    with pytest.raises(UnencodableValue, match=r"^Heart Rate: .* cannot be sent; a whole number"):
        FrameWriter().integer(Field("Heart Rate", 1, unit="bpm"), value)


@pytest.mark.parametrize("value", [-1, 256, 10**30])
def test_an_integer_outside_its_field_is_refused_with_the_fields_range(value):
    with pytest.raises(UnencodableValue, match=r"from 0 to 255 bpm"):
        FrameWriter().integer(Field("Heart Rate", 1, unit="bpm"), value)


@pytest.mark.parametrize("value", [256.0, -0.5, float("nan"), 1e300])
def test_a_number_outside_its_field_is_refused_not_packed(value):
    with pytest.raises(UnencodableValue, match=r"^Heart Rate: .* cannot be sent"):
        FrameWriter().number(Field("Heart Rate", 1, unit="bpm"), value)
