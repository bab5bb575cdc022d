"""Heart Rate Measurement (0x2A37): value format, sensor contact, energy and RR intervals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrowalk.devices.heart_rate import (
    HeartRateMeasurement,
    decode_heart_rate,
    encode_heart_rate,
)
from retrowalk.devices.wire import UnencodableValue
from retrowalk.domain.errors import DeviceError
from tests.strategies import heart_rate_measurements


def test_the_hrs_example_has_contact_72_bpm_and_one_rr_interval_of_one_second():
    """DEVICES.md 2.5 (HRS_SPEC_V10 3.1-3.3): 16 48 00 04."""
    measurement = decode_heart_rate(bytes.fromhex("16 48 00 04"))

    assert measurement == HeartRateMeasurement(
        bpm=72, contact_supported=True, contact_detected=True, rr_intervals_s=(1.0,)
    )
    assert measurement.skin_contact is True


# Written by hand from the HRS flags (DEVICES.md 2.5).
HEART_RATE_VECTORS = [
    ("00 48", HeartRateMeasurement(bpm=72)),
    ("01 48 00", HeartRateMeasurement(bpm=72, sixteen_bit_value=True)),
    ("01 2C 01", HeartRateMeasurement(bpm=300, sixteen_bit_value=True)),
    ("04 48", HeartRateMeasurement(bpm=72, contact_supported=True)),
    ("08 48 E8 03", HeartRateMeasurement(bpm=72, energy_expended_kj=1000)),
    ("10 48 00 04 00 02 01 00", HeartRateMeasurement(bpm=72, rr_intervals_s=(1.0, 0.5, 1 / 1024))),
    (
        "1F 48 00 E8 03 00 04",
        HeartRateMeasurement(
            bpm=72,
            contact_supported=True,
            contact_detected=True,
            energy_expended_kj=1000,
            rr_intervals_s=(1.0,),
            sixteen_bit_value=True,
        ),
    ),
]


@pytest.mark.parametrize(("hex_bytes", "measurement"), HEART_RATE_VECTORS)
def test_each_flag_brings_in_its_field_in_order(hex_bytes, measurement):
    assert decode_heart_rate(bytes.fromhex(hex_bytes)) == measurement
    assert encode_heart_rate(measurement) == bytes.fromhex(hex_bytes)


@pytest.mark.parametrize(
    ("flags", "skin_contact"), [(0b000, None), (0b010, None), (0b100, False), (0b110, True)]
)
def test_contact_is_known_only_when_the_strap_supports_it(flags, skin_contact):
    """HRS 3.1.1.2: bit 2 clear means the contact feature is not supported, whatever bit 1 says."""
    measurement = decode_heart_rate(bytes([flags, 72]))

    assert measurement.skin_contact is skin_contact


@pytest.mark.parametrize(
    ("hex_bytes", "offset", "why"),
    [
        ("", 0, "too short"),
        ("20 48", 0, "reserved flag bit 5"),
        ("80 48", 0, "reserved flag bit 7"),
        ("00", 1, "too short"),
        ("01 48", 1, "too short for Heart Rate Measurement Value .uint16"),
        ("08 48 E8", 2, "too short for Energy Expended"),
        ("10 48", 2, "no RR interval follows"),
        ("10 48 00", 2, "one byte is left over"),
        ("10 48 00 04 00", 4, "one byte is left over"),
        ("00 48 00", 2, "1 trailing byte"),
    ],
)
def test_a_malformed_measurement_is_refused_with_the_byte_and_the_reason(hex_bytes, offset, why):
    with pytest.raises(DeviceError, match=f"byte {offset}: .*{why}"):
        decode_heart_rate(bytes.fromhex(hex_bytes))


@pytest.mark.parametrize(
    ("measurement", "field"),
    [
        (HeartRateMeasurement(bpm=300), "Heart Rate Measurement Value"),
        (HeartRateMeasurement(bpm=70000, sixteen_bit_value=True), "Heart Rate Measurement Value"),
        (HeartRateMeasurement(bpm=72, rr_intervals_s=(0.0001,)), "RR-Interval"),
        (HeartRateMeasurement(bpm=72, rr_intervals_s=(64.0,)), "RR-Interval"),
        (HeartRateMeasurement(bpm=72, energy_expended_kj=-1), "Energy Expended"),
    ],
)
def test_a_value_its_field_cannot_hold_is_not_encoded(measurement, field):
    with pytest.raises(UnencodableValue) as raised:
        encode_heart_rate(measurement)

    assert raised.value.field == field


@given(heart_rate_measurements())
def test_decoding_an_encoded_measurement_gives_it_back(measurement):
    assert decode_heart_rate(encode_heart_rate(measurement)) == measurement


@given(st.binary(max_size=12))
def test_any_strap_bytes_either_decode_and_re_encode_to_themselves_or_raise_device_error(data):
    try:
        measurement = decode_heart_rate(data)
    except DeviceError:
        return

    assert encode_heart_rate(measurement) == data
