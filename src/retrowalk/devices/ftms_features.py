"""What a machine can do: Fitness Machine Feature (0x2ACC) and its settable ranges (0x2AD4, 0x2AD5).

Feature bits are sometimes wrong on real machines (DEVICES.md 2.1), so callers should trust a
target setting only when its range characteristic can be read too. Bits the specification
reserves are kept rather than refused: they change no byte layout, and a treadmill that sets one
is still a treadmill.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntFlag

from retrowalk.devices.wire import Field, FrameReader, FrameWriter, UnencodableValue

FEATURE = "Fitness Machine Feature"
SPEED_RANGE = "Supported Speed Range"
INCLINATION_RANGE = "Supported Inclination Range"


class MachineFeature(IntFlag):
    AVERAGE_SPEED = 1 << 0
    CADENCE = 1 << 1
    TOTAL_DISTANCE = 1 << 2
    INCLINATION = 1 << 3
    ELEVATION_GAIN = 1 << 4
    PACE = 1 << 5
    STEP_COUNT = 1 << 6
    RESISTANCE_LEVEL = 1 << 7
    STRIDE_COUNT = 1 << 8
    EXPENDED_ENERGY = 1 << 9
    HEART_RATE_MEASUREMENT = 1 << 10
    METABOLIC_EQUIVALENT = 1 << 11
    ELAPSED_TIME = 1 << 12
    REMAINING_TIME = 1 << 13
    POWER_MEASUREMENT = 1 << 14
    FORCE_ON_BELT_AND_POWER_OUTPUT = 1 << 15
    USER_DATA_RETENTION = 1 << 16


class TargetSettingFeature(IntFlag):
    SPEED = 1 << 0
    INCLINATION = 1 << 1
    RESISTANCE = 1 << 2
    POWER = 1 << 3
    HEART_RATE = 1 << 4
    EXPENDED_ENERGY = 1 << 5
    STEP_NUMBER = 1 << 6
    STRIDE_NUMBER = 1 << 7
    DISTANCE = 1 << 8
    TRAINING_TIME = 1 << 9
    TIME_IN_TWO_HEART_RATE_ZONES = 1 << 10
    TIME_IN_THREE_HEART_RATE_ZONES = 1 << 11
    TIME_IN_FIVE_HEART_RATE_ZONES = 1 << 12
    INDOOR_BIKE_SIMULATION = 1 << 13
    WHEEL_CIRCUMFERENCE = 1 << 14
    SPIN_DOWN_CONTROL = 1 << 15
    CADENCE = 1 << 16


_MACHINE_FEATURES = Field("Fitness Machine Features", 4)
_TARGET_SETTINGS = Field("Target Setting Features", 4)
_SPEED_FIELDS = (
    Field("Minimum Speed", 2, per_unit=100, unit="km/h"),
    Field("Maximum Speed", 2, per_unit=100, unit="km/h"),
    Field("Minimum Speed Increment", 2, per_unit=100, unit="km/h"),
)
_INCLINATION_FIELDS = (
    Field("Minimum Inclination", 2, signed=True, per_unit=10, unit="%"),
    Field("Maximum Inclination", 2, signed=True, per_unit=10, unit="%"),
    Field("Minimum Inclination Increment", 2, per_unit=10, unit="%"),
)


@dataclass(frozen=True, slots=True)
class FitnessMachineFeatures:
    machine: MachineFeature
    target_settings: TargetSettingFeature


@dataclass(frozen=True, slots=True)
class SpeedRange:
    minimum_kmh: float
    maximum_kmh: float
    increment_kmh: float


@dataclass(frozen=True, slots=True)
class InclinationRange:
    minimum_percent: float
    maximum_percent: float
    increment_percent: float


def decode_features(data: bytes) -> FitnessMachineFeatures:
    frame = FrameReader(data, FEATURE)
    features = FitnessMachineFeatures(
        MachineFeature(frame.integer(_MACHINE_FEATURES)),
        TargetSettingFeature(frame.integer(_TARGET_SETTINGS)),
    )
    frame.finish()
    return features


def encode_features(features: FitnessMachineFeatures) -> bytes:
    out = FrameWriter()
    out.integer(_MACHINE_FEATURES, features.machine)
    out.integer(_TARGET_SETTINGS, features.target_settings)
    return out.to_bytes()


def decode_speed_range(data: bytes) -> SpeedRange:
    return SpeedRange(*_read_range(FrameReader(data, SPEED_RANGE), _SPEED_FIELDS))


def encode_speed_range(speeds: SpeedRange) -> bytes:
    bounds = (speeds.minimum_kmh, speeds.maximum_kmh, speeds.increment_kmh)
    return _write_range(bounds, _SPEED_FIELDS)


def decode_inclination_range(data: bytes) -> InclinationRange:
    return InclinationRange(*_read_range(FrameReader(data, INCLINATION_RANGE), _INCLINATION_FIELDS))


def encode_inclination_range(inclinations: InclinationRange) -> bytes:
    bounds = (
        inclinations.minimum_percent,
        inclinations.maximum_percent,
        inclinations.increment_percent,
    )
    return _write_range(bounds, _INCLINATION_FIELDS)


_Bounds = tuple[float, float, float]


def _read_range(frame: FrameReader, fields: tuple[Field, Field, Field]) -> _Bounds:
    """Minimum, maximum, increment; refused unless they make a grid a command can be put on."""
    minimum, maximum, increment = (frame.number(field) for field in fields)
    frame.finish()
    if maximum < minimum:
        raise frame.fail(f"{fields[1].name} {maximum:g} is below {fields[0].name} {minimum:g}", 2)
    if increment <= 0:
        raise frame.fail(f"{fields[2].name} is 0; a range needs a step", 4)
    return minimum, maximum, increment


def _write_range(bounds: _Bounds, fields: tuple[Field, Field, Field]) -> bytes:
    minimum, maximum, increment = bounds
    if maximum < minimum:
        raise UnencodableValue(fields[1].name, maximum, f"at least {fields[0].name} {minimum:g}")
    if increment <= 0:
        raise UnencodableValue(fields[2].name, increment, "more than 0")
    out = FrameWriter()
    for field, value in zip(fields, bounds, strict=True):
        out.number(field, value)
    return out.to_bytes()
