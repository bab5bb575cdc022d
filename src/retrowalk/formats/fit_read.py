"""A watch's FIT activity as a `RecordedActivity`: `read_fit_activity(data)`.

What is read: the file type (activity), its one session (start, timer time, distance, calories,
sport and sub-sport), its laps, and its per-second records (speed or enhanced speed, distance,
heart rate, grade) as samples counted in seconds from the start. What is refused, each with one
InputError naming the file: bytes that are not a whole FIT file (formats/fit_decode.py), another
file type, no session or several, a sport that is not walking, running or indoor training, and
values no walk has or the store keeps (speed above 10 m/s, a timer or a record past a day, heart
rate outside 20-250, grade outside -10 to 40 %).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from retrowalk.domain.activity import ActivityLap, RecordedActivity
from retrowalk.domain.errors import InputError
from retrowalk.domain.treadmill_record import Sample
from retrowalk.formats.fit_decode import FILE, Message, fit_messages

# What a watch may call a walk on a treadmill: walking itself, a treadmill run or indoor
# training (some watches file a treadmill under fitness equipment). Any other sport is refused.
WALKING_SPORTS = frozenset({"walking", "running", "training", "fitness_equipment", "generic"})
# Sub-sports that say the walk was indoors, on a belt.
INDOOR_SUB_SPORTS = frozenset({"treadmill", "indoor_walking", "indoor_running"})

# The store's own bounds (store/sessions.py): a sample's second, speed, grade and heart rate.
LONGEST_SECONDS = 86_400
FASTEST_MPS = 10.0
INCLINE_RANGE = (-10.0, 40.0)
HEART_RATE_RANGE = (20, 250)


def read_fit_activity(data: bytes) -> RecordedActivity:
    """The activity in the FIT bytes `data`, or one InputError saying what is wrong."""
    messages = fit_messages(data)
    _check_activity_file(messages.get("file_id", []))
    session = _one_session(messages.get("session", []))
    started_at = _started_at(session, messages)
    seconds = _timer_seconds(session)
    sport, indoor = _sport(session)
    return RecordedActivity(
        started_at=started_at,
        seconds=seconds,
        laps=tuple(_lap(lap, started_at) for lap in messages.get("lap", [])),
        samples=_samples(messages.get("record", []), started_at),
        distance_m=_number(session, "total_distance"),
        kcal=_positive(_number(session, "total_calories")),
        average_incline_percent=_number(session, "avg_grade"),
        sport=sport,
        indoor=indoor,
    )


def _check_activity_file(file_ids: list[Message]) -> None:
    kind = file_ids[0].get("type") if file_ids else None
    if kind != "activity":
        shown = "no file type" if kind is None else str(kind)
        raise InputError(FILE, shown, "give an activity file (a recorded walk), not another kind")


def _one_session(sessions: list[Message]) -> Message:
    if len(sessions) != 1:
        allowed = "give an activity with exactly one session (one walk per file)"
        raise InputError(FILE, f"{len(sessions)} sessions", allowed)
    return sessions[0]


def _started_at(session: Message, messages: dict[str, list[Message]]) -> datetime:
    start = session.get("start_time")
    if not isinstance(start, datetime):  # an older watch: the first record's time
        times = [r["timestamp"] for r in messages.get("record", []) if "timestamp" in r]
        start = times[0] if times and isinstance(times[0], datetime) else None
    if start is None or start.tzinfo is None:
        raise InputError(FILE, "no start time", "the session must say when it started")
    return start


def _timer_seconds(session: Message) -> float:
    seconds = _number(session, "total_timer_time")
    if seconds is None:
        seconds = _number(session, "total_elapsed_time")
    if seconds is None or not 0 <= seconds <= LONGEST_SECONDS:
        allowed = f"the session's timer time must be 0 to {LONGEST_SECONDS} seconds (a day)"
        raise InputError(FILE, "no timer time" if seconds is None else seconds, allowed)
    return seconds


def _sport(session: Message) -> tuple[str, bool]:
    sport, sub_sport = session.get("sport", "generic"), session.get("sub_sport", "generic")
    if sport not in WALKING_SPORTS:
        allowed = "give a walking, running or indoor training activity (a walk on a treadmill)"
        raise InputError(FILE, f"sport {sport}", allowed)
    return str(sport), sub_sport in INDOOR_SUB_SPORTS


def _lap(lap: Message, started_at: datetime) -> ActivityLap:
    start = lap.get("start_time")
    offset = (start - started_at).total_seconds() if isinstance(start, datetime) else 0.0
    heart_rate = lap.get("avg_heart_rate")
    return ActivityLap(
        start_second=max(0.0, offset),
        seconds=_number(lap, "total_timer_time") or 0.0,
        distance_m=_number(lap, "total_distance"),
        average_speed_mps=_speed(lap, "enhanced_avg_speed", "avg_speed", "lap"),
        average_heart_rate=_heart_rate(heart_rate, "lap") if heart_rate else None,
    )


def _samples(records: list[Message], started_at: datetime) -> tuple[Sample, ...]:
    """One sample a second: a second a watch recorded twice keeps its first record."""
    samples: dict[int, Sample] = {}
    for record in records:
        moment = record.get("timestamp")
        if not isinstance(moment, datetime):
            continue  # a record without a time cannot be placed in the walk
        second = round((moment - started_at) / timedelta(seconds=1))
        if not 0 <= second <= LONGEST_SECONDS:
            allowed = f"every record must fall within a day of the start ({started_at})"
            raise InputError(FILE, f"a record at {moment}", allowed)
        if second not in samples:
            samples[second] = _sample(record, second)
    return tuple(samples[second] for second in sorted(samples))


def _sample(record: Message, second: int) -> Sample:
    where = f"the record at second {second}"
    grade = _number(record, "grade")
    if grade is not None and not INCLINE_RANGE[0] <= grade <= INCLINE_RANGE[1]:
        raise InputError(FILE, f"grade {grade} %", f"{where}: a grade is -10 to 40 %")
    heart_rate = record.get("heart_rate")
    distance = _number(record, "distance")
    return Sample(
        second=second,
        speed_mps=_speed(record, "enhanced_speed", "speed", where),
        incline_percent=grade,
        distance_m=distance,
        heart_rate=_heart_rate(heart_rate, where) if heart_rate else None,  # 0: no reading
    )


def _speed(message: Message, enhanced: str, plain: str, where: str) -> float | None:
    speed = _number(message, enhanced)
    speed = _number(message, plain) if speed is None else speed
    if speed is not None and speed > FASTEST_MPS:
        allowed = f"{where}: no walk is faster than {FASTEST_MPS:g} m/s"
        raise InputError(FILE, f"speed {speed} m/s", allowed)
    return speed


def _heart_rate(value: Any, where: str) -> int:
    low, high = HEART_RATE_RANGE
    if not isinstance(value, int) or not low <= value <= high:
        raise InputError(FILE, f"heart rate {value}", f"{where}: a heart rate is {low}-{high}")
    return value


def _number(message: Message, name: str) -> float | None:
    """A field as a finite number, or None when the file does not give it."""
    value = message.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if number == number and abs(number) != float("inf") else None


def _positive(value: float | None) -> float | None:
    return value if value else None  # 0 calories: the watch did not estimate them
