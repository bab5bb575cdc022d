"""Fitness Machine Feature (0x2ACC) and the Supported Speed / Inclination Range characteristics."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrowalk.devices.ftms_features import (
    FitnessMachineFeatures,
    InclinationRange,
    MachineFeature,
    SpeedRange,
    TargetSettingFeature,
    decode_features,
    decode_inclination_range,
    decode_speed_range,
    encode_features,
    encode_inclination_range,
    encode_speed_range,
)
from retrowalk.devices.wire import UnencodableValue
from retrowalk.domain.errors import DeviceError
from tests.strategies import inclination_ranges, machine_features, speed_ranges


def test_a_real_fitshow_feature_read_lists_its_features_and_speed_and_incline_targets():
    """DEVICES.md 2.1: FitShow FS-6041F1 (TrackMyIndoorWorkout#470), 5C 16 00 00 03 00 00 00."""
    features = decode_features(bytes.fromhex("5C 16 00 00 03 00 00 00"))

    assert features == FitnessMachineFeatures(
        machine=MachineFeature.TOTAL_DISTANCE
        | MachineFeature.INCLINATION
        | MachineFeature.ELEVATION_GAIN
        | MachineFeature.STEP_COUNT
        | MachineFeature.EXPENDED_ENERGY
        | MachineFeature.HEART_RATE_MEASUREMENT
        | MachineFeature.ELAPSED_TIME,
        target_settings=TargetSettingFeature.SPEED | TargetSettingFeature.INCLINATION,
    )


def test_the_highest_defined_feature_bits_are_bit_16_of_each_word():
    """FTMS 4.3.1: user data retention and cadence target are bit 16; 17-31 are reserved."""
    features = decode_features(bytes.fromhex("00 00 01 00 00 00 01 00"))

    assert features.machine == MachineFeature.USER_DATA_RETENTION
    assert features.target_settings == TargetSettingFeature.CADENCE


def test_a_reserved_feature_bit_is_kept_so_the_machine_still_reads():
    data = bytes.fromhex("04 00 02 00 01 00 00 80")

    features = decode_features(data)

    assert MachineFeature.TOTAL_DISTANCE in features.machine
    assert int(features.machine) == 0x0002_0004
    assert int(features.target_settings) == 0x8000_0001
    assert encode_features(features) == data


def test_a_speed_range_is_three_hundredths_of_a_km_per_hour():
    """DEVICES.md 2.1: 64 00 B0 04 0A 00 = 1.00-12.00 km/h, step 0.10."""
    speeds = decode_speed_range(bytes.fromhex("64 00 B0 04 0A 00"))

    assert speeds == SpeedRange(minimum_kmh=1.0, maximum_kmh=12.0, increment_kmh=0.1)


def test_an_inclination_range_is_signed_tenths_of_a_percent():
    """DEVICES.md 2.1: 00 00 96 00 05 00 = 0.0-15.0 %, step 0.5."""
    inclinations = decode_inclination_range(bytes.fromhex("00 00 96 00 05 00"))

    assert inclinations == InclinationRange(0.0, 15.0, 0.5)


def test_an_inclination_range_may_start_below_level():
    """By hand from FTMS 4.13: sint16 minimum -3.0 % = 0xFFE2."""
    inclinations = decode_inclination_range(bytes.fromhex("E2 FF 96 00 05 00"))

    assert inclinations == InclinationRange(-3.0, 15.0, 0.5)


@pytest.mark.parametrize(
    ("decode", "hex_bytes", "offset", "why"),
    [
        (decode_features, "5C 16 00 00 03 00 00", 4, "too short for Target Setting Features"),
        (decode_features, "5C 16 00 00 03 00 00 00 00", 8, "1 trailing byte"),
        (decode_speed_range, "64 00 B0", 2, "too short for Maximum Speed"),
        (decode_speed_range, "64 00 B0 04 0A 00 00", 6, "1 trailing byte"),
        (decode_speed_range, "B0 04 64 00 0A 00", 2, "Maximum Speed 1 is below Minimum Speed 12"),
        (decode_speed_range, "64 00 B0 04 00 00", 4, "Minimum Speed Increment is 0"),
        (decode_inclination_range, "96 00 00 00 05 00", 2, "Maximum Inclination 0 is below"),
        (decode_inclination_range, "00 00 96 00 00 00", 4, "Increment is 0"),
        (decode_inclination_range, "", 0, "too short"),
    ],
)
def test_a_malformed_capability_is_refused_with_the_byte_and_the_reason(
    decode, hex_bytes, offset, why
):
    with pytest.raises(DeviceError, match=f"byte {offset}: .*{why}"):
        decode(bytes.fromhex(hex_bytes))


@pytest.mark.parametrize(
    ("encode", "value"),
    [
        (encode_speed_range, SpeedRange(12.0, 1.0, 0.1)),
        (encode_speed_range, SpeedRange(1.0, 12.0, 0.0)),
        (encode_speed_range, SpeedRange(1.0, 700.0, 0.1)),
        (encode_inclination_range, InclinationRange(0.0, 15.0, -0.5)),
        (encode_inclination_range, InclinationRange(0.0, 15.05, 0.5)),
    ],
)
def test_a_range_that_makes_no_grid_or_does_not_fit_is_not_encoded(encode, value):
    with pytest.raises(UnencodableValue):
        encode(value)


@given(machine_features)
def test_decoding_encoded_features_gives_them_back(features):
    assert decode_features(encode_features(features)) == features


@given(speed_ranges())
def test_decoding_an_encoded_speed_range_gives_it_back(speeds):
    assert decode_speed_range(encode_speed_range(speeds)) == speeds


@given(inclination_ranges())
def test_decoding_an_encoded_inclination_range_gives_it_back(inclinations):
    assert decode_inclination_range(encode_inclination_range(inclinations)) == inclinations


@given(st.binary(max_size=10))
def test_any_range_bytes_either_decode_and_re_encode_to_themselves_or_raise_device_error(data):
    for decode, encode in [
        (decode_speed_range, encode_speed_range),
        (decode_inclination_range, encode_inclination_range),
        (decode_features, encode_features),
    ]:
        try:
            value = decode(data)
        except DeviceError:
            continue
        assert encode(value) == data  # type: ignore[operator]
