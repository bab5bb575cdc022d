"""Recorded activities of every shape for the writers' tests (hypothesis), and the two readers
the FIT files are checked with: Garmin's own SDK (integrity checked, errors kept) and
fitdecode, an independent reader."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import fitdecode
from garmin_fit_sdk import Decoder, Stream
from hypothesis import strategies as st

from retrowalk.domain.activity import ActivityLap, RecordedActivity
from retrowalk.domain.treadmill_record import Sample

speeds = st.none() | st.floats(0, 10, allow_nan=False).map(lambda v: round(v, 3))
pulses = st.none() | st.integers(20, 250)
inclines = st.none() | st.floats(-10, 40, allow_nan=False).map(lambda v: round(v, 1))


@st.composite
def laps(draw: st.DrawFn) -> tuple[ActivityLap, ...]:
    """One to five laps, each after the last, with rests (or none) between them."""
    made, at = [], draw(st.integers(0, 90))
    for _ in range(draw(st.integers(1, 5))):
        seconds = draw(st.integers(1, 150))
        made.append(
            ActivityLap(
                start_second=at,
                seconds=seconds,
                distance_m=draw(st.none() | _up_to(10.0 * seconds)),  # at most 10 m/s
                average_speed_mps=draw(speeds),
                average_heart_rate=draw(pulses),
            )
        )
        at += seconds + draw(st.sampled_from([0, 1, 30, 60]))
    return tuple(made)


@st.composite
def samples_over(draw: st.DrawFn, seconds: int) -> tuple[Sample, ...]:
    """One sample a second for `seconds`, the distance counting up (or unknown)."""
    made, distance = [], 0.0
    known_distance = draw(st.booleans())
    for second in range(seconds):
        speed = draw(speeds)
        distance += speed or 0.0
        made.append(
            Sample(
                second=second,
                speed_mps=speed,
                incline_percent=draw(inclines),
                distance_m=round(distance, 1) if known_distance else None,
                heart_rate=draw(pulses),
            )
        )
    return tuple(made)


@st.composite
def activities(draw: st.DrawFn, with_samples: bool | None = None) -> RecordedActivity:
    """An activity with or without samples (`with_samples` None: either), any value unknown."""
    chosen_laps = draw(laps())
    end = chosen_laps[-1].start_second + chosen_laps[-1].seconds
    sampled = draw(st.booleans()) if with_samples is None else with_samples
    samples = draw(samples_over(int(end) + draw(st.integers(0, 30)))) if sampled else ()
    started = datetime(2000, 1, 1, tzinfo=UTC) + timedelta(
        seconds=draw(st.integers(0, 60 * 365 * 24 * 3600))
    )
    return RecordedActivity(
        started_at=started,
        seconds=sum(lap.seconds for lap in chosen_laps),
        laps=chosen_laps,
        samples=samples,
        distance_m=draw(st.none() | _up_to(10.0 * sum(lap.seconds for lap in chosen_laps))),
        kcal=draw(st.none() | st.floats(0, 3000).map(lambda v: round(v, 1))),
        average_incline_percent=draw(st.none() | st.floats(0, 40).map(lambda v: round(v, 1))),
        indoor=draw(st.booleans()),
    )


def _up_to(most: float) -> st.SearchStrategy[float]:
    return st.floats(0, most).map(lambda v: round(v, 1))


def garmin_messages(data: bytes) -> dict[str, list[dict[str, Any]]]:
    """The file read by Garmin's FIT SDK, which must find it whole and without an error."""
    decoder = Decoder(Stream.from_byte_array(bytearray(data)))
    assert decoder.is_fit(), "Garmin's decoder does not take it for a FIT file"
    assert decoder.check_integrity(), "Garmin's decoder finds the file damaged (size or CRC)"
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == [], errors
    read: dict[str, list[dict[str, Any]]] = cast(Any, messages)
    return read


def fitdecode_messages(data: bytes) -> dict[str, list[dict[str, Any]]]:
    """The file read by fitdecode (its CRC checked): each message's named fields by kind."""
    found: dict[str, list[dict[str, Any]]] = {}
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                fields = {f.name: f.value for f in frame.fields if f.value is not None}
                found.setdefault(frame.name, []).append(fields)
    return found
