"""Hypothesis strategies for every value the device codecs carry, each on its field's grid."""

from __future__ import annotations

from typing import TypeVar

from hypothesis import strategies as st

from retrowalk.devices.ftms_control import (
    ControlCommand,
    ControlResponse,
    OpCode,
    RequestControl,
    Reset,
    ResultCode,
    SetTargetInclination,
    SetTargetSpeed,
    StartOrResume,
    StopAction,
    StopOrPause,
)
from retrowalk.devices.ftms_data import (
    ElevationGain,
    ExpendedEnergy,
    ForceAndPower,
    Inclination,
    TreadmillData,
)
from retrowalk.devices.ftms_features import (
    FitnessMachineFeatures,
    InclinationRange,
    MachineFeature,
    SpeedRange,
    TargetSettingFeature,
)
from retrowalk.devices.ftms_status import (
    OTHER_PARAMETER_SIZES,
    ControlPermissionLost,
    MachineReset,
    MachineStatus,
    OtherMachineStatus,
    StartedOrResumedByUser,
    StoppedBySafetyKey,
    StoppedOrPausedByUser,
    TargetInclinationChanged,
    TargetSpeedChanged,
)
from retrowalk.devices.ftms_training import TrainingStatus, TrainingStatusCode
from retrowalk.devices.heart_rate import HeartRateMeasurement

UINT8 = 0xFF
UINT16 = 0xFFFF
UINT24 = 0xFF_FFFF
UINT32 = 0xFFFF_FFFF
SINT16_LOW, SINT16_HIGH = -0x8000, 0x7FFF

T = TypeVar("T")


def on_grid(low: int, high: int, per_unit: int) -> st.SearchStrategy[float]:
    """Values count / per_unit for every count from low to high: exactly what the wire can hold."""
    return st.integers(low, high).map(lambda count: count / per_unit)


def or_absent(values: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | values


speeds_kmh = on_grid(0, UINT16, 100)
inclinations_percent = on_grid(SINT16_LOW, SINT16_HIGH, 10)
# Fields with a "not available" value give up their top count to it.
available_sint16_tenths = on_grid(SINT16_LOW, SINT16_HIGH - 1, 10)
available_sint16 = st.integers(SINT16_LOW, SINT16_HIGH - 1)


@st.composite
def treadmill_records(draw: st.DrawFn) -> TreadmillData:
    """A Treadmill Data record with any combination of fields, including "not available" ones."""
    return TreadmillData(
        instantaneous_speed_kmh=draw(or_absent(speeds_kmh)),
        average_speed_kmh=draw(or_absent(speeds_kmh)),
        total_distance_m=draw(or_absent(st.integers(0, UINT24))),
        inclination=draw(
            or_absent(
                st.builds(
                    Inclination,
                    or_absent(available_sint16_tenths),
                    or_absent(available_sint16_tenths),
                )
            )
        ),
        elevation_gain=draw(
            or_absent(st.builds(ElevationGain, on_grid(0, UINT16, 10), on_grid(0, UINT16, 10)))
        ),
        instantaneous_pace_km_per_min=draw(or_absent(on_grid(0, UINT8, 10))),
        average_pace_km_per_min=draw(or_absent(on_grid(0, UINT8, 10))),
        expended_energy=draw(
            or_absent(
                st.builds(
                    ExpendedEnergy,
                    or_absent(st.integers(0, UINT16 - 1)),
                    or_absent(st.integers(0, UINT16 - 1)),
                    or_absent(st.integers(0, UINT8 - 1)),
                )
            )
        ),
        heart_rate_bpm=draw(or_absent(st.integers(0, UINT8))),
        metabolic_equivalent=draw(or_absent(on_grid(0, UINT8, 10))),
        elapsed_time_s=draw(or_absent(st.integers(0, UINT16))),
        remaining_time_s=draw(or_absent(st.integers(0, UINT16))),
        force_and_power=draw(
            or_absent(
                st.builds(ForceAndPower, or_absent(available_sint16), or_absent(available_sint16))
            )
        ),
        step_count=draw(or_absent(st.integers(0, UINT24))),
    )


control_commands: st.SearchStrategy[ControlCommand] = st.one_of(
    st.just(RequestControl()),
    st.just(Reset()),
    st.builds(SetTargetSpeed, speeds_kmh),
    st.builds(SetTargetInclination, inclinations_percent),
    st.just(StartOrResume()),
    st.builds(StopOrPause, st.sampled_from(StopAction)),
)

control_responses = st.builds(ControlResponse, st.sampled_from(OpCode), st.sampled_from(ResultCode))


@st.composite
def other_machine_statuses(draw: st.DrawFn) -> OtherMachineStatus:
    op_code = draw(st.sampled_from(sorted(OTHER_PARAMETER_SIZES)))
    size = OTHER_PARAMETER_SIZES[op_code]
    return OtherMachineStatus(op_code, draw(st.binary(min_size=size, max_size=size)))


machine_statuses: st.SearchStrategy[MachineStatus] = st.one_of(
    st.just(MachineReset()),
    st.builds(StoppedOrPausedByUser, st.sampled_from(StopAction)),
    st.just(StoppedBySafetyKey()),
    st.just(StartedOrResumedByUser()),
    st.builds(TargetSpeedChanged, speeds_kmh),
    st.builds(TargetInclinationChanged, inclinations_percent),
    st.just(ControlPermissionLost()),
    other_machine_statuses(),
)

training_statuses = st.builds(
    TrainingStatus,
    st.sampled_from(TrainingStatusCode),
    or_absent(st.text(max_size=40)),
    st.booleans(),
)

# Reserved feature bits are kept, so any 32-bit pattern must survive a round trip.
machine_features = st.builds(
    FitnessMachineFeatures,
    st.integers(0, UINT32).map(MachineFeature),
    st.integers(0, UINT32).map(TargetSettingFeature),
)


@st.composite
def speed_ranges(draw: st.DrawFn) -> SpeedRange:
    low, high = sorted(draw(st.lists(st.integers(0, UINT16), min_size=2, max_size=2)))
    return SpeedRange(low / 100, high / 100, draw(on_grid(1, UINT16, 100)))


@st.composite
def inclination_ranges(draw: st.DrawFn) -> InclinationRange:
    low, high = sorted(draw(st.lists(st.integers(SINT16_LOW, SINT16_HIGH), min_size=2, max_size=2)))
    return InclinationRange(low / 10, high / 10, draw(on_grid(1, UINT16, 10)))


@st.composite
def heart_rate_measurements(draw: st.DrawFn) -> HeartRateMeasurement:
    sixteen_bit_value = draw(st.booleans())
    return HeartRateMeasurement(
        bpm=draw(st.integers(0, UINT16 if sixteen_bit_value else UINT8)),
        contact_supported=draw(st.booleans()),
        contact_detected=draw(st.booleans()),
        energy_expended_kj=draw(or_absent(st.integers(0, UINT16))),
        rr_intervals_s=tuple(draw(st.lists(on_grid(0, UINT16, 1024), max_size=9))),
        sixteen_bit_value=sixteen_bit_value,
    )


# --- What the safety envelope is given: numbers a treadmill or a bug may produce ----------------
NOT_NUMBERS = st.sampled_from([float("nan"), float("inf"), float("-inf")])
# A status's target: what the wire can carry (up to 655.35 km/h), negative or absurd values a
# buggy firmware or decoder might let through, and values that are not numbers at all.
claimed_values = st.one_of(speeds_kmh, st.floats(-1e6, 1e6), NOT_NUMBERS)
# A belt's reported speed or incline: absent, plausible, a hair under a grid step (where a
# rounding rule shows), absurd, or not a number.
_just_under_steps = st.integers(-20, 240).map(lambda n: n / 20 - 0.03)
reported_speeds = st.one_of(
    st.none(), st.floats(0, 25), _just_under_steps, st.floats(0, 700), NOT_NUMBERS
)
reported_inclines = st.one_of(st.none(), st.floats(-10, 40), _just_under_steps, NOT_NUMBERS)
# Time passing: anything, and just under or at the 3 s between raises.
waits = st.one_of(st.floats(0.1, 5.0), st.sampled_from([2.95, 3.0]))


@st.composite
def envelope_events(draw: st.DrawFn) -> list[tuple[object, ...]]:
    """What happens around the envelope between two of its decisions: the coach's wishes,
    status claims, belt readings, time, the read-back holding raises, and starts."""
    event = st.one_of(
        st.tuples(st.just("want"), st.floats(0, 15), st.floats(-3, 20)),
        st.tuples(st.just("claim speed"), claimed_values),
        st.tuples(st.just("claim incline"), claimed_values),
        st.tuples(st.just("read"), reported_speeds, reported_inclines),
        st.tuples(st.just("read"), reported_speeds, reported_inclines),
        st.tuples(st.just("wait"), waits),
        st.tuples(st.just("wait"), waits),
        st.tuples(st.just("hold"), st.booleans()),
        st.tuples(st.just("start"), st.just(0)),
        # The belt near what it was told: behind, on it, or past it (a fraction of our speed),
        # and the deck a little off our incline.
        st.tuples(st.just("follow"), st.floats(0.0, 1.3), st.floats(-1.5, 0.5)),
        st.tuples(st.just("follow"), st.sampled_from([0.5, 0.8, 0.95, 1.0]), st.just(0.0)),
    )
    events: list[tuple[object, ...]] = []
    for _ in range(draw(st.integers(1, 6))):  # a wish, a reading, a raise's wait, and anything
        events += [
            ("want", draw(st.floats(0, 15)), draw(st.floats(-3, 20))),
            ("follow", draw(st.floats(0.0, 1.3)), draw(st.floats(-1.5, 0.5))),
            ("wait", draw(st.sampled_from([3.0, 4.0]))),
            *draw(st.lists(event, max_size=6)),
        ]
    return events
