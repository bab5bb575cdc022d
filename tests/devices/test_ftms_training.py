"""Training Status (0x2AD3): flags, status code and the optional UTF-8 string."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrowalk.devices.ftms_training import (
    TrainingStatus,
    TrainingStatusCode,
    decode_training_status,
    encode_training_status,
)
from retrowalk.domain.errors import DeviceError
from tests.strategies import training_statuses

# Written from the Training Status layout and values in DEVICES.md 2.1 and 2.3.
TRAINING_VECTORS = [
    ("00 01", TrainingStatus(TrainingStatusCode.IDLE)),
    ("00 0D", TrainingStatus(TrainingStatusCode.MANUAL_MODE)),
    ("01 0D 51 75 69 63 6B", TrainingStatus(TrainingStatusCode.MANUAL_MODE, "Quick")),
    ("01 0B", TrainingStatus(TrainingStatusCode.COOL_DOWN, "")),
    ("03 02 57 61 72", TrainingStatus(TrainingStatusCode.WARMING_UP, "War", extended_string=True)),
    ("01 00 C3 A9", TrainingStatus(TrainingStatusCode.OTHER, "é")),
    ("00 0F", TrainingStatus(TrainingStatusCode.POST_WORKOUT)),
]


@pytest.mark.parametrize(("hex_bytes", "training"), TRAINING_VECTORS)
def test_a_training_status_decodes_to_its_code_and_string(hex_bytes, training):
    assert decode_training_status(bytes.fromhex(hex_bytes)) == training
    assert encode_training_status(training) == bytes.fromhex(hex_bytes)


@pytest.mark.parametrize(
    ("hex_bytes", "offset", "why"),
    [
        ("", 0, "too short"),
        ("04 01", 0, "reserved flag bit 2"),
        ("80 01", 0, "reserved flag bit 7"),
        ("00", 1, "too short"),
        ("00 10", 1, "Training Status 0x10 is reserved"),
        ("00 01 41", 2, "1 trailing byte"),
        ("01 01 FF", 2, "not UTF-8"),
        ("01 01 41 C3", 3, "not UTF-8"),
    ],
)
def test_a_malformed_training_status_is_refused_with_the_byte_and_the_reason(
    hex_bytes, offset, why
):
    with pytest.raises(DeviceError, match=f"byte {offset}: .*{why}"):
        decode_training_status(bytes.fromhex(hex_bytes))


@given(training_statuses)
def test_decoding_an_encoded_training_status_gives_it_back(training):
    assert decode_training_status(encode_training_status(training)) == training


@given(st.binary(max_size=12))
def test_any_training_bytes_either_decode_and_re_encode_to_themselves_or_raise_device_error(data):
    try:
        training = decode_training_status(data)
    except DeviceError:
        return

    assert encode_training_status(training) == data
