"""Treadmill Data (0x2ACD): hand-written byte vectors, round trips and malformed notifications."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrowalk.devices.ftms_data import (
    ElevationGain,
    ExpendedEnergy,
    ForceAndPower,
    Inclination,
    TreadmillData,
    decode_treadmill_data,
    encode_treadmill_data,
)
from retrowalk.devices.wire import MalformedFrame, UnencodableValue
from retrowalk.domain.errors import DeviceError
from tests.strategies import treadmill_records

# Every flag from bit 1 to bit 13 set (so bit 0, More Data, too: no speed). Written by hand from
# the FTMS 1.0 Treadmill Data field table (DEVICES.md 2.2), one field per line.
EVERY_FIELD = bytes.fromhex(
    "FF 3F"  # flags 0x3FFF
    "90 01"  # average speed 4.00 km/h
    "D2 04 00"  # total distance 1234 m
    "E7 FF"  # inclination -2.5 %
    "FF 7F"  # ramp angle: not available
    "7B 00"  # positive elevation gain 12.3 m
    "05 00"  # negative elevation gain 0.5 m
    "0C"  # instantaneous pace 1.2 km/min
    "0A"  # average pace 1.0 km/min
    "96 00"  # total energy 150 kcal
    "FF FF"  # energy per hour: not available
    "05"  # energy per minute 5 kcal
    "62"  # heart rate 98 bpm
    "22"  # MET 3.4
    "58 02"  # elapsed time 600 s
    "2C 01"  # remaining time 300 s
    "F6 FF"  # force on belt -10 N
    "FF 7F"  # power output: not available
    "70 11 01"  # step count 70000 (FitShow's bit 13)
)
# Where each field of EVERY_FIELD starts, counted by hand from the comments above.
EVERY_FIELD_STARTS = [0, 2, 4, 7, 9, 11, 13, 15, 16, 17, 19, 21, 22, 23, 24, 26, 28, 30, 32]


def test_a_speed_only_frame_is_the_speed_in_hundredths_of_a_km_per_hour():
    """DEVICES.md 2.2 worked frame: `00 00 50 00` = 0.80 km/h."""
    record = decode_treadmill_data(bytes.fromhex("00 00 50 00"))

    assert record == TreadmillData(instantaneous_speed_kmh=0.8)
    assert not record.more_data


def test_the_worked_frame_with_distance_incline_and_time_decodes_field_by_field():
    """DEVICES.md 2.2 worked frame, flags 0x040C, ramp angle sent as "not available"."""
    frame = bytes.fromhex("0C 04 50 00 C8 00 00 0A 00 FF 7F 78 00")

    record = decode_treadmill_data(frame)

    assert record == TreadmillData(
        instantaneous_speed_kmh=0.8,
        total_distance_m=200,
        inclination=Inclination(inclination_percent=1.0, ramp_angle_degrees=None),
        elapsed_time_s=120,
    )
    assert encode_treadmill_data(record) == frame


def test_inclination_and_ramp_angle_are_signed_tenths():
    """DEPENDENCIES.md, the pyftms cross-check: 0.8 km/h, 100 m, incline 2.0 %, ramp 1.1°."""
    record = decode_treadmill_data(bytes.fromhex("0C00 5000 640000 1400 0B00"))

    assert record == TreadmillData(
        instantaneous_speed_kmh=0.8,
        total_distance_m=100,
        inclination=Inclination(inclination_percent=2.0, ramp_angle_degrees=1.1),
    )


def test_every_flagged_field_is_read_in_flag_order_with_its_own_type_and_resolution():
    """EVERY_FIELD above, written from the FTMS field table."""
    record = decode_treadmill_data(EVERY_FIELD)

    assert record == TreadmillData(
        instantaneous_speed_kmh=None,
        average_speed_kmh=4.0,
        total_distance_m=1234,
        inclination=Inclination(inclination_percent=-2.5, ramp_angle_degrees=None),
        elevation_gain=ElevationGain(positive_m=12.3, negative_m=0.5),
        instantaneous_pace_km_per_min=1.2,
        average_pace_km_per_min=1.0,
        expended_energy=ExpendedEnergy(total_kcal=150, per_hour_kcal=None, per_minute_kcal=5),
        heart_rate_bpm=98,
        metabolic_equivalent=3.4,
        elapsed_time_s=600,
        remaining_time_s=300,
        force_and_power=ForceAndPower(force_on_belt_n=-10, power_output_w=None),
        step_count=70000,
    )
    assert record.more_data
    assert encode_treadmill_data(record) == EVERY_FIELD


def test_a_set_more_data_bit_means_the_record_carries_no_speed():
    """FTMS 4.19: a split record has More Data = 1 and no Instantaneous Speed; here 200 m."""
    record = decode_treadmill_data(bytes.fromhex("05 00 C8 00 00"))

    assert record == TreadmillData(total_distance_m=200)
    assert record.more_data


def test_fitshow_step_count_at_flag_bit_13_follows_every_standard_field():
    """DEVICES.md 2.2: pyftms decodes a non-standard uint24 step count at bit 13 (FitShow)."""
    record = decode_treadmill_data(bytes.fromhex("00 20 50 00 10 27 00"))

    assert record == TreadmillData(instantaneous_speed_kmh=0.8, step_count=10000)


@pytest.mark.parametrize("flags", ["00 40", "00 80", "00 C0"])
def test_a_reserved_flag_bit_is_refused_at_byte_0(flags):
    with pytest.raises(DeviceError, match=r"byte 0: reserved flag bit 1[45]"):
        decode_treadmill_data(bytes.fromhex(flags + " 50 00"))


@pytest.mark.parametrize("length", range(len(EVERY_FIELD)))
def test_a_cut_short_frame_is_refused_at_the_first_byte_of_the_incomplete_field(length):
    expected_offset = max(start for start in EVERY_FIELD_STARTS if start <= length)

    with pytest.raises(MalformedFrame, match="too short") as raised:
        decode_treadmill_data(EVERY_FIELD[:length])

    assert raised.value.offset == expected_offset
    assert f"byte {expected_offset}:" in str(raised.value)


def test_a_byte_after_the_last_flagged_field_is_refused_as_trailing():
    with pytest.raises(DeviceError, match=r"byte 4: 1 trailing byte after the last field"):
        decode_treadmill_data(bytes.fromhex("00 00 50 00 00"))


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (TreadmillData(instantaneous_speed_kmh=655.36), "Instantaneous Speed"),
        (TreadmillData(instantaneous_speed_kmh=-0.01), "Instantaneous Speed"),
        (TreadmillData(instantaneous_speed_kmh=3.255), "Instantaneous Speed"),
        (TreadmillData(instantaneous_speed_kmh=float("nan")), "Instantaneous Speed"),
        (TreadmillData(total_distance_m=1 << 24), "Total Distance"),
        (TreadmillData(inclination=Inclination(3276.7, 0.0)), "Inclination"),
        (TreadmillData(expended_energy=ExpendedEnergy(0xFFFF, 1, 1)), "Total Energy"),
        (TreadmillData(force_and_power=ForceAndPower(0, 0x7FFF)), "Power Output"),
        (TreadmillData(elevation_gain=ElevationGain(None, 1.0)), "Positive Elevation Gain"),  # type: ignore[arg-type]
    ],
)
def test_a_value_its_field_cannot_hold_is_refused_with_the_field_named(record, field):
    with pytest.raises(UnencodableValue) as raised:
        encode_treadmill_data(record)

    assert raised.value.field == field


@given(treadmill_records())
def test_decoding_an_encoded_record_gives_the_record_back(record):
    """Encode then decode is the identity over every field combination."""
    assert decode_treadmill_data(encode_treadmill_data(record)) == record


@given(st.binary(max_size=40))
def test_any_bytes_either_decode_to_a_record_that_re_encodes_to_them_or_raise_device_error(data):
    """No IndexError or struct.error escapes, and nothing read is lost or invented."""
    try:
        record = decode_treadmill_data(data)
    except DeviceError:
        return

    assert encode_treadmill_data(record) == data
