"""The virtual treadmill's and strap's simulated pulse can always be sent: within what a uint8
holds on FTMS, and in the 16-bit format on the strap when it is larger."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrowalk.devices.ftms_data import TreadmillData, decode_treadmill_data, encode_treadmill_data
from retrowalk.devices.heart_rate import (
    HeartRateMeasurement,
    decode_heart_rate,
    encode_heart_rate,
)
from retrowalk.devices.virtual.console import Console, heart_rate_of
from retrowalk.devices.virtual.spec import VirtualSpec
from retrowalk.devices.virtual.strap import VirtualStrap
from retrowalk.devices.wire import UnencodableValue

UINT8_MAX = 255  # FTMS Treadmill Data, Heart Rate: uint8


def console_moving(speed_kmh: float, incline_percent: float) -> Console:
    console = Console(VirtualSpec(), lambda: 0.0, lambda _: None)
    console.motion.speed_kmh, console.motion.incline_percent = speed_kmh, incline_percent
    return console


@given(st.floats(allow_nan=True, allow_infinity=True), st.floats(allow_nan=True))
def test_the_simulated_pulse_is_a_whole_number_a_uint8_holds_whatever_the_belt_does(speed, slope):
    """Any belt speed and incline, even nonsense, gives a pulse FTMS can send."""
    bpm = heart_rate_of(console_moving(speed, slope))

    assert isinstance(bpm, int) and 0 <= bpm <= UINT8_MAX
    record = TreadmillData(instantaneous_speed_kmh=1.0, heart_rate_bpm=bpm)
    assert decode_treadmill_data(encode_treadmill_data(record)).heart_rate_bpm == bpm


def test_a_fast_steep_belt_does_not_take_the_pulse_past_a_humans():
    assert heart_rate_of(console_moving(30.0, 15.0)) <= 220


@given(st.integers(0, 0xFFFF))
def test_the_virtual_strap_sends_any_pulse_in_the_format_that_holds_it(bpm):
    """Above 255 the strap sets the 16-bit flag rather than failing to pack."""
    heard: list[bytes] = []
    strap = VirtualStrap(lambda: bpm)
    strap._deliver, strap._subscribed = lambda _uuid, data: heard.append(data), True

    strap.tick()

    assert decode_heart_rate(heard[0]).bpm == bpm


def test_a_pulse_over_255_in_the_8_bit_format_is_refused_by_name():
    with pytest.raises(UnencodableValue, match="0 to 255 in the uint8 format"):
        encode_heart_rate(HeartRateMeasurement(256))


def test_a_pulse_no_format_holds_is_refused_not_packed():
    with pytest.raises(UnencodableValue, match="Heart Rate Measurement Value"):
        encode_heart_rate(HeartRateMeasurement(0x1_0000, sixteen_bit_value=True))
