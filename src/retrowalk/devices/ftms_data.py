"""Treadmill Data (FTMS 0x2ACD): the live numbers a treadmill notifies, about once a second.

A uint16 flags field says which fields follow, always in the order of their flag bits. Bit 0 is
inverted: clear means Instantaneous Speed is present, set ("More Data") means this record goes on
in the next notification and carries no speed. A field the flags leave out is `None` here; a field
that is present but sent as the "not available" value is `None` inside its group.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntFlag

from retrowalk.devices.wire import Field, FrameReader, FrameWriter, reject_reserved_bits

CHARACTERISTIC = "Treadmill Data"


class TreadmillDataFlag(IntFlag):
    MORE_DATA = 1 << 0
    AVERAGE_SPEED = 1 << 1
    TOTAL_DISTANCE = 1 << 2
    INCLINATION_AND_RAMP_ANGLE = 1 << 3
    ELEVATION_GAIN = 1 << 4
    INSTANTANEOUS_PACE = 1 << 5
    AVERAGE_PACE = 1 << 6
    EXPENDED_ENERGY = 1 << 7
    HEART_RATE = 1 << 8
    METABOLIC_EQUIVALENT = 1 << 9
    ELAPSED_TIME = 1 << 10
    REMAINING_TIME = 1 << 11
    FORCE_ON_BELT_AND_POWER_OUTPUT = 1 << 12
    # Not in FTMS 1.0 (bits 13-15 are reserved), but FitShow machines send a step count here.
    STEP_COUNT = 1 << 13


_Flag = TreadmillDataFlag
_KNOWN_FLAGS = (1 << 14) - 1  # bits 0-13; 14 and 15 are reserved

_FLAGS = Field("Flags", 2)
_SPEED = Field("Instantaneous Speed", 2, per_unit=100, unit="km/h")
_AVERAGE_SPEED = Field("Average Speed", 2, per_unit=100, unit="km/h")
_TOTAL_DISTANCE = Field("Total Distance", 3, unit="m")
_INCLINATION = Field("Inclination", 2, signed=True, per_unit=10, unit="%", not_available=0x7FFF)
_RAMP_ANGLE = Field(
    "Ramp Angle Setting", 2, signed=True, per_unit=10, unit="°", not_available=0x7FFF
)
_POSITIVE_ELEVATION = Field("Positive Elevation Gain", 2, per_unit=10, unit="m")
_NEGATIVE_ELEVATION = Field("Negative Elevation Gain", 2, per_unit=10, unit="m")
_INSTANTANEOUS_PACE = Field("Instantaneous Pace", 1, per_unit=10, unit="km/min")
_AVERAGE_PACE = Field("Average Pace", 1, per_unit=10, unit="km/min")
_TOTAL_ENERGY = Field("Total Energy", 2, unit="kcal", not_available=0xFFFF)
_ENERGY_PER_HOUR = Field("Energy Per Hour", 2, unit="kcal", not_available=0xFFFF)
_ENERGY_PER_MINUTE = Field("Energy Per Minute", 1, unit="kcal", not_available=0xFF)
_HEART_RATE = Field("Heart Rate", 1, unit="bpm")
_METABOLIC_EQUIVALENT = Field("Metabolic Equivalent", 1, per_unit=10)
_ELAPSED_TIME = Field("Elapsed Time", 2, unit="s")
_REMAINING_TIME = Field("Remaining Time", 2, unit="s")
_FORCE_ON_BELT = Field("Force on Belt", 2, signed=True, unit="N", not_available=0x7FFF)
_POWER_OUTPUT = Field("Power Output", 2, signed=True, unit="W", not_available=0x7FFF)
_STEP_COUNT = Field("Step Count", 3)


@dataclass(frozen=True, slots=True)
class Inclination:
    """Inclination and ramp angle travel together; `None` is the machine's "not available"."""

    inclination_percent: float | None
    ramp_angle_degrees: float | None


@dataclass(frozen=True, slots=True)
class ElevationGain:
    positive_m: float
    negative_m: float


@dataclass(frozen=True, slots=True)
class ExpendedEnergy:
    """Energy in kcal; `None` is the machine's "not available"."""

    total_kcal: int | None
    per_hour_kcal: int | None
    per_minute_kcal: int | None


@dataclass(frozen=True, slots=True)
class ForceAndPower:
    """Force on the belt and power output; `None` is the machine's "not available"."""

    force_on_belt_n: int | None
    power_output_w: int | None


@dataclass(frozen=True, slots=True)
class TreadmillData:
    """One Treadmill Data record; a field is `None` when the flags leave it out."""

    instantaneous_speed_kmh: float | None = None
    average_speed_kmh: float | None = None
    total_distance_m: int | None = None
    inclination: Inclination | None = None
    elevation_gain: ElevationGain | None = None
    instantaneous_pace_km_per_min: float | None = None
    average_pace_km_per_min: float | None = None
    expended_energy: ExpendedEnergy | None = None
    heart_rate_bpm: int | None = None
    metabolic_equivalent: float | None = None
    elapsed_time_s: int | None = None
    remaining_time_s: int | None = None
    force_and_power: ForceAndPower | None = None
    step_count: int | None = None

    @property
    def more_data(self) -> bool:
        """True when the record continues in the next notification (it then has no speed)."""
        return self.instantaneous_speed_kmh is None


def decode_treadmill_data(data: bytes) -> TreadmillData:
    frame = FrameReader(data, CHARACTERISTIC)
    flags = TreadmillDataFlag(frame.integer(_FLAGS))
    reject_reserved_bits(frame, flags, _KNOWN_FLAGS)

    def number(flag: TreadmillDataFlag, field: Field) -> float | None:
        return frame.number(field) if flag in flags else None

    def integer(flag: TreadmillDataFlag, field: Field) -> int | None:
        return frame.integer(field) if flag in flags else None

    # Keyword arguments are evaluated in the order written, which is the order on the wire.
    record = TreadmillData(
        instantaneous_speed_kmh=None if _Flag.MORE_DATA in flags else frame.number(_SPEED),
        average_speed_kmh=number(_Flag.AVERAGE_SPEED, _AVERAGE_SPEED),
        total_distance_m=integer(_Flag.TOTAL_DISTANCE, _TOTAL_DISTANCE),
        inclination=_read_inclination(frame) if _Flag.INCLINATION_AND_RAMP_ANGLE in flags else None,
        elevation_gain=_read_elevation_gain(frame) if _Flag.ELEVATION_GAIN in flags else None,
        instantaneous_pace_km_per_min=number(_Flag.INSTANTANEOUS_PACE, _INSTANTANEOUS_PACE),
        average_pace_km_per_min=number(_Flag.AVERAGE_PACE, _AVERAGE_PACE),
        expended_energy=_read_energy(frame) if _Flag.EXPENDED_ENERGY in flags else None,
        heart_rate_bpm=integer(_Flag.HEART_RATE, _HEART_RATE),
        metabolic_equivalent=number(_Flag.METABOLIC_EQUIVALENT, _METABOLIC_EQUIVALENT),
        elapsed_time_s=integer(_Flag.ELAPSED_TIME, _ELAPSED_TIME),
        remaining_time_s=integer(_Flag.REMAINING_TIME, _REMAINING_TIME),
        force_and_power=(
            _read_force_and_power(frame) if _Flag.FORCE_ON_BELT_AND_POWER_OUTPUT in flags else None
        ),
        step_count=integer(_Flag.STEP_COUNT, _STEP_COUNT),
    )
    frame.finish()
    return record


def encode_treadmill_data(record: TreadmillData) -> bytes:
    out = FrameWriter()
    out.integer(_FLAGS, treadmill_data_flags(record))
    _write_present(out, _SPEED, record.instantaneous_speed_kmh)
    _write_present(out, _AVERAGE_SPEED, record.average_speed_kmh)
    _write_present(out, _TOTAL_DISTANCE, record.total_distance_m)
    if record.inclination is not None:
        out.number(_INCLINATION, record.inclination.inclination_percent)
        out.number(_RAMP_ANGLE, record.inclination.ramp_angle_degrees)
    if record.elevation_gain is not None:
        out.number(_POSITIVE_ELEVATION, record.elevation_gain.positive_m)
        out.number(_NEGATIVE_ELEVATION, record.elevation_gain.negative_m)
    _write_present(out, _INSTANTANEOUS_PACE, record.instantaneous_pace_km_per_min)
    _write_present(out, _AVERAGE_PACE, record.average_pace_km_per_min)
    if record.expended_energy is not None:
        out.integer(_TOTAL_ENERGY, record.expended_energy.total_kcal)
        out.integer(_ENERGY_PER_HOUR, record.expended_energy.per_hour_kcal)
        out.integer(_ENERGY_PER_MINUTE, record.expended_energy.per_minute_kcal)
    _write_present(out, _HEART_RATE, record.heart_rate_bpm)
    _write_present(out, _METABOLIC_EQUIVALENT, record.metabolic_equivalent)
    _write_present(out, _ELAPSED_TIME, record.elapsed_time_s)
    _write_present(out, _REMAINING_TIME, record.remaining_time_s)
    if record.force_and_power is not None:
        out.integer(_FORCE_ON_BELT, record.force_and_power.force_on_belt_n)
        out.integer(_POWER_OUTPUT, record.force_and_power.power_output_w)
    _write_present(out, _STEP_COUNT, record.step_count)
    return out.to_bytes()


def treadmill_data_flags(record: TreadmillData) -> TreadmillDataFlag:
    """The flags field that announces exactly the fields `record` carries."""
    present = {
        _Flag.MORE_DATA: record.instantaneous_speed_kmh is None,
        _Flag.AVERAGE_SPEED: record.average_speed_kmh is not None,
        _Flag.TOTAL_DISTANCE: record.total_distance_m is not None,
        _Flag.INCLINATION_AND_RAMP_ANGLE: record.inclination is not None,
        _Flag.ELEVATION_GAIN: record.elevation_gain is not None,
        _Flag.INSTANTANEOUS_PACE: record.instantaneous_pace_km_per_min is not None,
        _Flag.AVERAGE_PACE: record.average_pace_km_per_min is not None,
        _Flag.EXPENDED_ENERGY: record.expended_energy is not None,
        _Flag.HEART_RATE: record.heart_rate_bpm is not None,
        _Flag.METABOLIC_EQUIVALENT: record.metabolic_equivalent is not None,
        _Flag.ELAPSED_TIME: record.elapsed_time_s is not None,
        _Flag.REMAINING_TIME: record.remaining_time_s is not None,
        _Flag.FORCE_ON_BELT_AND_POWER_OUTPUT: record.force_and_power is not None,
        _Flag.STEP_COUNT: record.step_count is not None,
    }
    return _Flag(sum(flag for flag, is_set in present.items() if is_set))


def _write_present(out: FrameWriter, field: Field, value: float | None) -> None:
    if value is not None:
        out.number(field, value)


def _read_inclination(frame: FrameReader) -> Inclination:
    return Inclination(frame.optional_number(_INCLINATION), frame.optional_number(_RAMP_ANGLE))


def _read_elevation_gain(frame: FrameReader) -> ElevationGain:
    return ElevationGain(frame.number(_POSITIVE_ELEVATION), frame.number(_NEGATIVE_ELEVATION))


def _read_energy(frame: FrameReader) -> ExpendedEnergy:
    return ExpendedEnergy(
        frame.optional_integer(_TOTAL_ENERGY),
        frame.optional_integer(_ENERGY_PER_HOUR),
        frame.optional_integer(_ENERGY_PER_MINUTE),
    )


def _read_force_and_power(frame: FrameReader) -> ForceAndPower:
    return ForceAndPower(
        frame.optional_integer(_FORCE_ON_BELT), frame.optional_integer(_POWER_OUTPUT)
    )
