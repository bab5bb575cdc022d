"""Hypothesis strategies, one module for the whole suite: random walkers, equipment of every kind
and outcome scripts (the engine); walks of every shape (the live coach); every value the device
codecs carry, each on its field's grid; and hostile files to import or restore."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any, TypeVar

from hypothesis import strategies as st

from retrowalk.coach.walk import TodaysWalk
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
from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.equipment import (
    Deadmill,
    Equipment,
    Grid,
    ManualTreadmill,
    MotorizedTreadmill,
    Outdoor,
    Sled,
)
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.plan import PlanRequest, ScriptedSession
from retrowalk.domain.population import resolve_population
from retrowalk.domain.schedule import session_dates
from retrowalk.domain.structure import split_into_sets
from retrowalk.domain.units import Speed, SpeedUnit, UnitSystem
from retrowalk.domain.walker import (
    Condition,
    Severity,
    Surgery,
    SurgeryKind,
    WalkerLimits,
    WalkerProfile,
)
from retrowalk.protocols import load_modality, protocol_for_walker
from tests.factories import treadmill

pain = st.integers(min_value=0, max_value=10)


@st.composite
def walkers(draw: st.DrawFn, screened_out: bool = False) -> WalkerProfile:
    """A walker; with `screened_out` False the answers never raise a red flag on their own."""
    condition = draw(st.sampled_from(Condition))
    surgery = None
    if condition.is_post_surgery and draw(st.booleans()):
        kind = SurgeryKind.TKR if condition is Condition.POST_TKR else SurgeryKind.ACL
        surgery = Surgery(kind, date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 300))))
    limits = WalkerLimits()
    if draw(st.booleans()):
        limits = WalkerLimits(
            max_speed=draw(st.none() | st.sampled_from([Speed.mph(1.2), Speed.kmh(2.5)])),
            max_incline_percent=draw(st.none() | st.sampled_from([0.0, 3.0, 7.5])),
            target_minutes=draw(st.none() | st.integers(4, 25)),
        )
    return WalkerProfile(
        age=draw(st.integers(18, 95)),
        weight_kg=draw(st.none() | st.floats(40, 150)),
        units=draw(st.sampled_from(UnitSystem)),
        condition=condition,
        severity=draw(st.sampled_from(Severity)),
        surgery=surgery,
        cleared_by_clinician=True if not screened_out else draw(st.booleans()),
        rest_pain=draw(st.integers(0, 10 if screened_out else 6)),
        falls_last_year=draw(st.integers(0, 4)),
        balance_concern=draw(st.booleans()),
        experienced=draw(st.booleans()),
        dizziness=screened_out and draw(st.booleans()),
        swelling=screened_out and draw(st.booleans()),
        limits=limits,
    )


@st.composite
def motorized_treadmills(draw: st.DrawFn) -> MotorizedTreadmill:
    unit = draw(st.sampled_from(SpeedUnit))
    if unit is SpeedUnit.MPH:
        step = draw(st.sampled_from([0.1, 0.1, 0.2, 0.25, 0.5]))
        low = draw(st.sampled_from([0.2, 0.4, 0.5, 0.6, 0.8, 1.0]))
        high = draw(st.sampled_from([1.5, 4.0, 8.0, 12.0]))
    else:
        step = draw(st.sampled_from([0.1, 0.1, 0.2, 0.5, 1.0]))
        low = draw(st.sampled_from([0.5, 0.8, 1.0, 1.5]))
        high = draw(st.sampled_from([2.5, 6.0, 16.0, 20.0]))
    incline_max = draw(st.sampled_from([0.0, 5.0, 10.0, 12.0, 15.0, 20.0]))
    incline_step = draw(st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0]))
    return MotorizedTreadmill(
        speed_unit=unit,
        speed_grid=Grid(low, high, step),
        incline_grid=Grid(0.0, incline_max, min(incline_step, incline_max or 1.0)),
        handrails=True,
        safety_clip=True,
    )


def equipment() -> st.SearchStrategy[Equipment]:
    return st.one_of(
        motorized_treadmills(),
        st.builds(Deadmill, handrails=st.just(True)),
        st.builds(
            ManualTreadmill,
            incline_degrees=st.sampled_from([0.0, 2.0, 8.0]),
            resistance_levels=st.integers(1, 10),
            handrails=st.booleans(),
        ),
        st.builds(
            Sled,
            start_load_kg=st.none() | st.sampled_from([0.0, 2.5, 10.0]),
            max_load_kg=st.none() | st.sampled_from([10.0, 20.0, 60.0]),
        ),
        st.builds(Outdoor, spotter=st.booleans()),
    )


@st.composite
def outcomes(draw: st.DrawFn) -> SessionOutcome:
    return SessionOutcome(
        done=draw(st.booleans() | st.just(True)),
        minutes_done=draw(st.none() | st.floats(0, 40)),
        pain_during=draw(st.sampled_from([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, None])),
        pain_after=draw(st.none() | pain),
        # None: not reported (PROTOCOL.md §11: unknown, never 0).
        pain_next_morning=draw(st.sampled_from([0, 0, 1, 2, 3, 4, 5, 6, None, None])),
        rpe=draw(st.none() | st.integers(0, 10)),
        sharp_pain=draw(_rarely()),
        stable_without_hands=draw(st.booleans()),
        form_ok=draw(st.booleans() | st.just(True) | st.none()),
        swelling=draw(_rarely(30)),
    )


@st.composite
def steady_scripts(draw: st.DrawFn, length: int) -> list[ScriptedSession]:
    """Runs of good walks without holding on, broken now and then by a run of missed sessions
    (a gap of more than 10 days) or one walk of any kind."""
    good_run = st.integers(3, 25).map(lambda n: [SessionOutcome(stable_without_hands=True)] * n)
    missed_run = st.integers(4, 10).map(lambda n: [SessionOutcome(done=False)] * n)
    odd_one = outcomes().map(lambda outcome: [outcome])
    blocks = draw(st.lists(good_run | good_run | missed_run | odd_one, min_size=1, max_size=14))
    entries = [entry for block in blocks for entry in block][:length]
    return [ScriptedSession(entry) for entry in entries]


def _rarely(one_in: int = 8) -> st.SearchStrategy[bool]:
    return st.integers(0, one_in - 1).map(lambda n: n == 0)


@st.composite
def scripts(draw: st.DrawFn, length: int) -> list[ScriptedSession]:
    """Outcome scripts with runs of missed sessions (layoffs) and a clinician's clearance now and
    then."""
    missed_run = st.integers(4, 15).map(lambda n: [SessionOutcome(done=False)] * n)
    blocks = draw(st.lists(st.lists(outcomes(), max_size=6) | missed_run, max_size=12))
    entries = [entry for block in blocks for entry in block][:length]
    return [ScriptedSession(entry, cleared_by_clinician=draw(_rarely(10))) for entry in entries]


# Changes a drawn walker before planning, knowing the plan's start (an operation before it...).
Adjust = Callable[[st.DrawFn, WalkerProfile, date], WalkerProfile]


def older(draw: st.DrawFn, who: WalkerProfile, start: date) -> WalkerProfile:
    """The walker at an age from which the balance limits apply (PROTOCOL.md §9: 80 or more)."""
    return replace(who, age=draw(st.integers(80, 110)))


def at_risk_of_falling(draw: st.DrawFn, who: WalkerProfile, start: date) -> WalkerProfile:
    """A walker the hands-and-balance rules cover (PROTOCOL.md §11, and §9's table: 2 or more
    falls in a year, a balance worry, 80 or more, or walking for balance), by one of the four."""
    cause = draw(st.sampled_from(["age", "falls", "worry", "balance"]))
    if cause == "age":
        return older(draw, who, start)
    if cause == "falls":
        return replace(who, falls_last_year=draw(st.integers(2, 12)))
    if cause == "worry":
        return replace(who, balance_concern=True)
    return replace(who, condition=Condition.BALANCE)


def operated(draw: st.DrawFn, who: WalkerProfile, start: date) -> WalkerProfile:
    """The walker after knee surgery of any kind in the 12 months before the start, cleared."""
    days = draw(st.integers(0, 365))
    surgery = Surgery(draw(st.sampled_from(SurgeryKind)), start - timedelta(days=days))
    return replace(who, surgery=surgery, cleared_by_clinician=True)


def walking_equipment() -> st.SearchStrategy[Equipment]:
    """Equipment with a prescribed or capped pace: a motorized treadmill, or outdoors."""
    return motorized_treadmills() | st.builds(Outdoor, spotter=st.just(True))


@st.composite
def plan_requests(
    draw: st.DrawFn,
    screened_out: bool = False,
    adjust: Adjust | None = None,
    kits: st.SearchStrategy[Equipment] | None = None,
    steady: bool = False,
) -> PlanRequest:
    """A plan to preview: any walker and equipment, and a script of outcomes (`steady`: mostly
    good walks, so that the plan gets far enough to let go of the rails and climb)."""
    who = draw(walkers(screened_out=screened_out))
    kit = draw(equipment() if kits is None else kits)
    weeks = draw(st.integers(16 if steady else 1, 30))
    per_week = draw(st.none() | st.integers(1, 7))
    start = date(2027, 1, 4) + timedelta(days=draw(st.integers(0, 400)))
    if adjust is not None:
        who = adjust(draw, who, start)
    protocol = protocol_for_walker(who, start)
    resolved = per_week or resolve_population(protocol, who).sessions_per_week_max
    dates = session_dates(start, weeks, resolved, protocol.schedule.rest_day_weeks)
    return PlanRequest(
        walker=who,
        equipment=kit,
        protocol=protocol,
        modality=load_modality(kit.kind),
        start=start,
        weeks=weeks,
        sessions_per_week=per_week,
        script=draw(
            _moved_a_day_early(draw((steady_scripts if steady else scripts)(len(dates))), dates)
        ),
    )


@st.composite
def _moved_a_day_early(
    draw: st.DrawFn, script: list[ScriptedSession], dates: list[date]
) -> list[ScriptedSession]:
    """Now and then a session walked a day before its planned day (often the day after the last
    walk, in the weeks that keep rest days), keeping the sessions in order."""
    moved, previous = [], dates[0] if dates else None
    for index, entry in enumerate(script):
        early = dates[index] - timedelta(days=1)
        if index > 0 and previous is not None and early > previous and draw(_rarely(6)):
            entry = replace(entry, on=early)
        moved.append(entry)
        previous = entry.on or dates[index]
    return moved


# The live coach: walks of every shape, and moments to act at.

# Half-minute steps from 2 to 30 minutes: every dose the protocols prescribe, and more.
minutes = st.integers(min_value=4, max_value=60).map(lambda halves: halves / 2)
belt_speeds = st.integers(min_value=5, max_value=20).map(lambda tenths: Speed.mph(tenths / 10))


@st.composite
def set_splits(draw: st.DrawFn, total: float) -> tuple[float, ...]:
    """`total` minutes as the plan splits them, or cut at random points (quarter minutes)."""
    if draw(st.booleans()):
        return split_into_sets(total, draw(st.sampled_from([2.0, 3.0, 5.0])))
    quarters = round(total * 4)
    cuts = draw(st.lists(st.integers(1, quarters - 1), max_size=4, unique=True))
    bounds = [0, *sorted(cuts), quarters]
    return tuple((b - a) / 4 for a, b in pairwise(bounds))


@st.composite
def walks(draw: st.DrawFn, with_belt: bool | None = None) -> TodaysWalk:
    """Today's walk: a dose, its sets and rests, maybe a belt and a speed step from last time."""
    total = draw(minutes)
    belt = draw(st.booleans()) if with_belt is None else with_belt
    speed = draw(belt_speeds) if belt else None
    previous = draw(st.none() | belt_speeds) if belt else None
    incline = draw(st.sampled_from([0.0, 0.0, 1.0, 2.5])) if belt else 0.0
    dose = Dose(total, draw(st.sampled_from(HandSupport)), speed, incline)
    return TodaysWalk(
        dose=dose,
        sets=draw(set_splits(total)),
        rest_minutes=draw(st.sampled_from([0.0, 0.5, 1.0, 1.5])),
        unit=draw(st.sampled_from(SpeedUnit)),
        previous_speed=previous,
        treadmill=treadmill() if belt else None,
        speed_ceiling=Speed.mph(2.0) if belt else None,
    )


# Every value the device codecs carry, each on its field's grid.

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


# Hostile files for `retrowalk import` and `restore` (tests/store/test_hostile_files.py).

HOSTILE_NUMBERS = (
    *(float("nan"), float("inf"), float("-inf"), -0.0, 1e308, 0.004),
    *(2**31, 2**31 - 1, -(2**31) - 1, 2**63, 2**63 - 1, -(2**63), 2**64, 10**30, -1, 0, 1),
)
HOSTILE_TEXTS = (
    *("", "\x00", "notes\x00more", "\ud800", "x" * 70_000, "admin", "root", "NaN", "mph"),
    *("9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01", "2027-02-30", " 2027-01-04"),
    *("2027-01-04T07:30:00+02:00", "2027-01-04 07:30:00", "[]", "{}", "null", "1e999"),
)
_SNAPSHOT_MUTATIONS = (
    "value",
    "value",
    "value",
    "borrowed",
    "borrowed",
    "swapped_type",
    "drop_column",
    "rename_column",
    "extra_column",
    "duplicate_row",
    "dangling_reference",
    "not_a_row",
    "drop_table",
    "extra_table",
    "rows_not_a_list",
    "header",
    "engine_state",
    "engine_state",
    "reasons",
)


@dataclass(frozen=True)
class Changed:
    """A file's content with one thing changed; shown in a failure report by what was changed
    only, not by the whole file."""

    content: Any
    what: str

    def __repr__(self) -> str:
        return f"Changed({self.what!r})"


def hostile_values() -> st.SearchStrategy[Any]:
    """Values a file may hold where a column's value belongs."""
    return st.one_of(
        st.none(),
        st.booleans(),
        st.sampled_from(HOSTILE_NUMBERS),
        st.sampled_from(HOSTILE_TEXTS),
        st.integers(),
        st.floats(),
        st.text(max_size=12),
        st.dates(min_value=date(1, 1, 1)).map(date.isoformat),
        st.datetimes().map(datetime.isoformat),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
    )


@st.composite
def mutated_snapshots(draw: st.DrawFn, snapshot: dict[str, Any]) -> Changed:
    """A copy of a valid `snapshot` with one thing changed, and what was changed."""
    changed = copy.deepcopy(snapshot)
    tables: dict[str, list[Any]] = changed["tables"]
    mutation = draw(st.sampled_from(_SNAPSHOT_MUTATIONS))
    filled = sorted(name for name, rows in tables.items() if rows)
    name = draw(st.sampled_from(filled))
    number = draw(st.integers(0, len(tables[name]) - 1))
    row = tables[name][number]
    column = draw(st.sampled_from(sorted(row)))
    where = f"{mutation} {name}[{number}].{column}"
    if mutation == "value":
        row[column] = draw(hostile_values())
    elif mutation == "borrowed":  # plausible alone, maybe not beside the rest of its row
        row[column] = copy.deepcopy(draw(st.sampled_from(tables[name]))[column])
    elif mutation == "swapped_type":
        value = row[column]
        row[column] = draw(st.sampled_from([str(value), [value], {"v": value}]))
    elif mutation == "drop_column":
        del row[column]
    elif mutation == "rename_column":
        row[draw(st.sampled_from([column + "_x", column.upper(), "", "\x00"]))] = row.pop(column)
    elif mutation == "extra_column":
        row[draw(st.text(max_size=8).filter(lambda k: k not in row))] = draw(hostile_values())
    elif mutation == "duplicate_row":
        tables[name].append(copy.deepcopy(row))
    elif mutation == "dangling_reference":
        keys = _reference_columns(name) or [column]
        row[draw(st.sampled_from(keys))] = draw(st.sampled_from([999, 10**6, 0, -1]))
    elif mutation == "not_a_row":
        tables[name][number] = draw(hostile_values())
    elif mutation == "drop_table":
        del tables[name]
    elif mutation == "extra_table":
        tables[draw(st.text(max_size=10).filter(lambda t: t not in tables))] = []
    elif mutation == "rows_not_a_list":
        tables[name] = draw(hostile_values())
    elif mutation == "header":
        key = draw(st.sampled_from(["format", "format_version", "schema_revision", "extra"]))
        changed[key] = draw(hostile_values())
    elif mutation == "engine_state":
        where = _mutate_state(draw, tables)
    else:
        plan = draw(st.sampled_from(tables["planned_sessions"]))
        plan["reasons"] = draw(hostile_values().map(json.dumps) | st.sampled_from(HOSTILE_TEXTS))
    return Changed(changed, where)


def _reference_columns(table: str) -> list[str]:
    from retrowalk.store.tables import metadata

    return sorted(
        key
        for constraint in metadata.tables[table].foreign_key_constraints
        for key in constraint.column_keys
    )


def _mutate_state(draw: st.DrawFn, tables: dict[str, list[Any]]) -> str:
    """Change one leaf of an engine snapshot (or cut its text short)."""
    name, column = draw(
        st.sampled_from([("planned_sessions", "state_before"), ("session_logs", "state_after")])
    )
    row = draw(st.sampled_from(tables[name]))
    if draw(st.booleans()):
        text = row[column]
        row[column] = text[: draw(st.integers(0, len(text) - 1))]
        return f"engine state cut short in {name}.{column}"
    state = json.loads(row[column])
    path = draw(st.sampled_from(_leaf_paths(state)))
    holder = state
    for part in path[:-1]:
        holder = holder[part]
    holder[path[-1]] = draw(hostile_values())
    row[column] = json.dumps(state)
    return f"engine state {name}.{column} at {path}"


def _leaf_paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict) and value:
        return [p for key, item in value.items() for p in _leaf_paths(item, (*path, key))]
    if isinstance(value, list) and value:
        return [p for i, item in enumerate(value) for p in _leaf_paths(item, (*path, i))]
    return [path] if path else []


@st.composite
def damaged_texts(draw: st.DrawFn, text: str) -> Changed:
    """The bytes of a valid export cut short, with bytes flipped, or replaced by noise."""
    content = text.encode("utf-8")
    how = draw(st.sampled_from(["cut", "flip", "noise"]))
    if how == "cut":
        cut = draw(st.integers(0, len(content) - 1))
        return Changed(content[:cut], f"cut at byte {cut}")
    if how == "flip":
        spots = draw(st.lists(st.integers(0, len(content) - 1), min_size=1, max_size=4))
        damaged = bytearray(content)
        for spot in spots:
            damaged[spot] = draw(st.integers(0, 255))
        return Changed(bytes(damaged), f"bytes changed at {spots}")
    noise = draw(st.binary(max_size=200))
    return Changed(noise, f"noise {noise!r}")


# SQL to plant in a copy of a valid SQLite backup, each an attack or a corruption seen before.
RECURSIVE = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"
BACKUP_ATTACKS = (
    (f"CREATE VIEW boom AS {RECURSIVE}",),
    ("DROP TABLE session_samples", f"CREATE VIEW session_samples AS {RECURSIVE}"),
    ("CREATE TRIGGER t AFTER INSERT ON accounts BEGIN DELETE FROM walkers; END",),
    ("CREATE TABLE extra (x)",),
    ("CREATE VIRTUAL TABLE shape USING rtree(id, a, b)",),
    ("ALTER TABLE accounts ADD COLUMN g GENERATED ALWAYS AS (length(name)) VIRTUAL",),
    ("ALTER TABLE accounts ADD COLUMN extra TEXT",),
    ("DROP TABLE session_samples",),
    ("UPDATE alembic_version SET version_num = 'f00dcafe'",),
    ("DELETE FROM alembic_version",),
    ("INSERT INTO alembic_version VALUES ('0001')",),
    ("PRAGMA journal_mode=WAL",),
)
SQL_VALUES = (
    *("NULL", "9e999", "-9e999", "'text'", "X'00FF'", "9223372036854775807", "2147483648"),
    *("-9223372036854775808", "'9999-12-31'", "'a' || char(0) || 'b'", "'admin'", "3.5"),
    *("zeroblob(2000000)", "0", "-1", "2", "'2027-01-04 07:30:00.000000'", "'{\"v\":1}'"),
    *("printf('%.*c', 100000, 'x')", "'2027-01-04T07:30:00'", "0.004", "'mph'"),
)

_SQL_IDS = ("0", "-1", "2147483648", "9223372036854775807", "999")


@st.composite
def backup_mutations(draw: st.DrawFn, backup: bytes) -> Changed:
    """SQL to run on a copy of a valid backup (a list of statements), or its bytes damaged."""
    from retrowalk.store.tables import metadata

    how = draw(st.sampled_from(["attack", "value", "value", "value", "bytes"]))
    if how == "attack":
        attack = draw(st.sampled_from(BACKUP_ATTACKS))
        return Changed(list(attack), f"attack {attack}")
    if how == "bytes":
        return draw(_damaged_bytes(backup))
    table = draw(st.sampled_from(metadata.sorted_tables))
    column = draw(st.sampled_from([c.name for c in table.columns]))
    # SQLite itself refuses anything but a whole number as a row's own id.
    rowid = list(table.primary_key.columns) == [table.columns[column]]
    value = draw(st.sampled_from(_SQL_IDS if rowid else SQL_VALUES))
    offset = draw(st.integers(0, 1))
    target = f"SELECT rowid FROM {table.name} LIMIT 1 OFFSET {offset}"
    statement = f"UPDATE {table.name} SET {column} = {value} WHERE rowid IN ({target})"
    return Changed(["PRAGMA ignore_check_constraints=ON", statement], statement)


@st.composite
def _damaged_bytes(draw: st.DrawFn, backup: bytes) -> Changed:
    how = draw(st.sampled_from(["cut", "flip", "noise", "headed noise"]))
    if how == "cut":
        cut = draw(st.integers(0, len(backup) - 1))
        return Changed(backup[:cut], f"backup cut at byte {cut}")
    if how == "flip":
        spots = draw(st.lists(st.integers(0, len(backup) - 1), min_size=1, max_size=16))
        damaged = bytearray(backup)
        for spot in spots:
            damaged[spot] = draw(st.integers(0, 255))
        return Changed(bytes(damaged), f"backup bytes changed at {spots}")
    noise = draw(st.binary(max_size=4096))
    content = b"SQLite format 3\x00" + noise if how == "headed noise" else noise
    return Changed(content, f"{how} of {len(noise)} bytes")
