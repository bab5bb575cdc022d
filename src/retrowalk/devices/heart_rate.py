"""Heart Rate Measurement (HRS 0x2A37): the strap's notification.

uint8 flags, the heart rate (uint8, or uint16 when flag bit 0 is set), then Energy Expended
(uint16 kJ) if bit 3 is set, then RR intervals (uint16, 1/1024 s) to the end of the value if bit
4 is set. Bits 1 and 2 are sensor contact: bit 2 "supported", bit 1 "detected".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntFlag

from retrowalk.devices.wire import (
    Field,
    FrameReader,
    FrameWriter,
    UnencodableValue,
    reject_reserved_bits,
)

CHARACTERISTIC = "Heart Rate Measurement"


class HeartRateFlag(IntFlag):
    SIXTEEN_BIT_VALUE = 1 << 0
    CONTACT_DETECTED = 1 << 1
    CONTACT_SUPPORTED = 1 << 2
    ENERGY_EXPENDED = 1 << 3
    RR_INTERVALS = 1 << 4


_Flag = HeartRateFlag
_KNOWN_FLAGS = 0b1_1111  # bits 5-7 are reserved

_FLAGS = Field("Flags", 1)
_HEART_RATE_8 = Field("Heart Rate Measurement Value", 1, unit="bpm")
_HEART_RATE_16 = Field("Heart Rate Measurement Value", 2, unit="bpm")
_ENERGY_EXPENDED = Field("Energy Expended", 2, unit="kJ")
_RR_INTERVAL = Field("RR-Interval", 2, per_unit=1024, unit="s")


@dataclass(frozen=True, slots=True)
class HeartRateMeasurement:
    """One notification. `sixteen_bit_value` records the value's format, so bytes round-trip."""

    bpm: int
    contact_supported: bool = False
    contact_detected: bool = False
    energy_expended_kj: int | None = None
    rr_intervals_s: tuple[float, ...] = ()
    sixteen_bit_value: bool = False

    @property
    def skin_contact(self) -> bool | None:
        """Whether the strap touches the skin; None when the strap cannot tell."""
        return self.contact_detected if self.contact_supported else None


def decode_heart_rate(data: bytes) -> HeartRateMeasurement:
    frame = FrameReader(data, CHARACTERISTIC)
    flags = _Flag(frame.integer(_FLAGS))
    reject_reserved_bits(frame, flags, _KNOWN_FLAGS)
    value_field = _HEART_RATE_16 if _Flag.SIXTEEN_BIT_VALUE in flags else _HEART_RATE_8
    measurement = HeartRateMeasurement(
        bpm=frame.integer(value_field),
        contact_supported=_Flag.CONTACT_SUPPORTED in flags,
        contact_detected=_Flag.CONTACT_DETECTED in flags,
        energy_expended_kj=(
            frame.integer(_ENERGY_EXPENDED) if _Flag.ENERGY_EXPENDED in flags else None
        ),
        rr_intervals_s=_read_rr_intervals(frame) if _Flag.RR_INTERVALS in flags else (),
        sixteen_bit_value=_Flag.SIXTEEN_BIT_VALUE in flags,
    )
    frame.finish()
    return measurement


def encode_heart_rate(measurement: HeartRateMeasurement) -> bytes:
    out = FrameWriter()
    out.integer(_FLAGS, heart_rate_flags(measurement))
    if measurement.sixteen_bit_value:
        out.integer(_HEART_RATE_16, measurement.bpm)
    elif measurement.bpm > _HEART_RATE_8.highest:
        allowed = "0 to 255 in the uint8 format; set sixteen_bit_value for more"
        raise UnencodableValue(_HEART_RATE_8.name, measurement.bpm, allowed)
    else:
        out.integer(_HEART_RATE_8, measurement.bpm)
    if measurement.energy_expended_kj is not None:
        out.integer(_ENERGY_EXPENDED, measurement.energy_expended_kj)
    for interval in measurement.rr_intervals_s:
        out.number(_RR_INTERVAL, interval)
    return out.to_bytes()


def heart_rate_flags(measurement: HeartRateMeasurement) -> HeartRateFlag:
    present = {
        _Flag.SIXTEEN_BIT_VALUE: measurement.sixteen_bit_value,
        _Flag.CONTACT_DETECTED: measurement.contact_detected,
        _Flag.CONTACT_SUPPORTED: measurement.contact_supported,
        _Flag.ENERGY_EXPENDED: measurement.energy_expended_kj is not None,
        _Flag.RR_INTERVALS: bool(measurement.rr_intervals_s),
    }
    return _Flag(sum(flag for flag, is_set in present.items() if is_set))


def _read_rr_intervals(frame: FrameReader) -> tuple[float, ...]:
    if not frame.remaining:
        raise frame.fail("the RR-Interval flag is set but no RR interval follows")
    if frame.remaining % _RR_INTERVAL.size:
        odd_byte = frame.offset + frame.remaining - 1
        raise frame.fail("RR intervals are 2 bytes each; one byte is left over", odd_byte)
    return tuple(frame.number(_RR_INTERVAL) for _ in range(frame.remaining // _RR_INTERVAL.size))
