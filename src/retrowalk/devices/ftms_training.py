"""Training Status (FTMS 0x2AD3): what the machine thinks the session is doing.

uint8 flags (bit 0: a UTF-8 string follows; bit 1: the string is longer than this value and the
rest must be read with a long read), uint8 status, then the string to the end of the value.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, IntFlag

from retrowalk.devices.wire import (
    Field,
    FrameReader,
    FrameWriter,
    read_choice,
    reject_reserved_bits,
)

CHARACTERISTIC = "Training Status"


class TrainingStatusFlag(IntFlag):
    STRING_PRESENT = 1 << 0
    EXTENDED_STRING = 1 << 1


_Flag = TrainingStatusFlag


class TrainingStatusCode(IntEnum):
    OTHER = 0x00
    IDLE = 0x01
    WARMING_UP = 0x02
    LOW_INTENSITY_INTERVAL = 0x03
    HIGH_INTENSITY_INTERVAL = 0x04
    RECOVERY_INTERVAL = 0x05
    ISOMETRIC = 0x06
    HEART_RATE_CONTROL = 0x07
    FITNESS_TEST = 0x08
    SPEED_TOO_LOW = 0x09  # "speed outside of control region, low": go faster to regain control
    SPEED_TOO_HIGH = 0x0A
    COOL_DOWN = 0x0B
    WATT_CONTROL = 0x0C
    MANUAL_MODE = 0x0D  # quick start
    PRE_WORKOUT = 0x0E
    POST_WORKOUT = 0x0F


_FLAGS = Field("Flags", 1)
_STATUS = Field("Training Status", 1)


@dataclass(frozen=True, slots=True)
class TrainingStatus:
    """`text` is None when no string is sent; `extended_string` says it goes on past this value."""

    status: TrainingStatusCode
    text: str | None = None
    extended_string: bool = False


def decode_training_status(data: bytes) -> TrainingStatus:
    frame = FrameReader(data, CHARACTERISTIC)
    flags = TrainingStatusFlag(frame.integer(_FLAGS))
    reject_reserved_bits(frame, flags, _Flag.STRING_PRESENT | _Flag.EXTENDED_STRING)
    status = read_choice(frame, _STATUS, TrainingStatusCode)
    text = _read_text(frame) if _Flag.STRING_PRESENT in flags else None
    frame.finish()
    return TrainingStatus(status, text, extended_string=_Flag.EXTENDED_STRING in flags)


def encode_training_status(training: TrainingStatus) -> bytes:
    flags = _Flag(0)
    if training.text is not None:
        flags |= _Flag.STRING_PRESENT
    if training.extended_string:
        flags |= _Flag.EXTENDED_STRING
    out = FrameWriter()
    out.integer(_FLAGS, flags)
    out.integer(_STATUS, training.status)
    out.raw((training.text or "").encode("utf-8"))
    return out.to_bytes()


def _read_text(frame: FrameReader) -> str:
    start = frame.offset
    raw = frame.rest()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise frame.fail("the Training Status String is not UTF-8", start + error.start) from None
