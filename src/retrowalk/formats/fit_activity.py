"""A recorded activity as a FIT activity file, written with fit-tool (BSD-3).

The order is the FIT activity recipe's: file_id, device_info (the creator), a timer start,
the records of the laps (one a second) with a timer stop and start around each rest and no
record while the timer is stopped, the final timer stop, one lap per set, one session and one
activity. Sport walking (11); sub-sport treadmill (1) on a treadmill,
generic (0) otherwise; never virtual_activity, which makes Strava show a walk as a virtual run
the walker cannot change. docs/interchange.md lists every field.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.activity_message import ActivityMessage
from fit_tool.profile.messages.device_info_message import DeviceInfoMessage
from fit_tool.profile.messages.event_message import EventMessage
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.lap_message import LapMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.profile_type import (
    Activity,
    Event,
    EventType,
    FileType,
    Intensity,
    LapTrigger,
    Manufacturer,
    SessionTrigger,
    Sport,
    SubSport,
)

from retrowalk.domain.activity import RecordedActivity
from retrowalk.formats import activity_sums as sums
from retrowalk.formats.fit_records import record_message

PRODUCT_NAME = "retrowalk"
# The FIT profile's manufacturer for software without a Garmin-assigned manufacturer id.
DEVELOPMENT = Manufacturer.DEVELOPMENT.value
CREATOR = 0  # device_info's device_index of the device (here, the program) that wrote the file


def fit_activity(activity: RecordedActivity, version: str) -> bytes:
    """The activity as FIT bytes; `version` is retrowalk's, written as the creator's software."""
    builder = FitFileBuilder(auto_define=True, min_string_size=len(PRODUCT_NAME) + 1)
    start = _ms(activity.started_at)
    builder.add(_file_id(start))
    builder.add(_device_info(start, version))
    for message in _timeline(activity, start):
        builder.add(message)
    end = start + round(sums.elapsed_seconds(activity) * 1000)
    for index, kcal in enumerate(sums.lap_calories(activity)):
        builder.add(_lap(activity, index, start, kcal))
    builder.add(_session(activity, start, end))
    builder.add(_activity(activity, end))
    data: bytes = builder.build().to_bytes()
    return data


def _ms(moment: datetime) -> int:
    """fit-tool takes times as milliseconds since the Unix epoch."""
    return round(moment.timestamp() * 1000)


def _file_id(start: int) -> FileIdMessage:
    message = FileIdMessage()
    message.type = FileType.ACTIVITY
    message.manufacturer = DEVELOPMENT
    message.product_name = PRODUCT_NAME
    message.time_created = start  # as a watch does: the file begins with the walk
    return message


def _device_info(start: int, version: str) -> DeviceInfoMessage:
    major, minor = sums.software_version(version)
    message = DeviceInfoMessage()
    message.timestamp = start
    message.device_index = CREATOR
    message.manufacturer = DEVELOPMENT
    message.product_name = PRODUCT_NAME
    message.software_version = major + min(minor, 99) / 100
    return message


def _timer(at: int, kind: EventType) -> EventMessage:
    message = EventMessage()
    message.timestamp = at
    message.event = Event.TIMER
    message.event_type = kind
    return message


def _timeline(activity: RecordedActivity, start: int) -> list[Any]:
    """Timer events and records in time order; at one second the event comes first."""
    timed: list[tuple[int, int, Any]] = []
    previous_end: float | None = None
    for lap in activity.laps:
        if previous_end != lap.start_second:
            if previous_end is not None:
                timed.append(_at(start, previous_end, _timer, EventType.STOP_ALL))
            timed.append(_at(start, lap.start_second, _timer, EventType.START))
        previous_end = sums.lap_end(lap)
    assert previous_end is not None  # an activity has a lap
    timed.append(_at(start, previous_end, _timer, EventType.STOP_ALL))
    for sample in sums.timed_samples(activity):
        at = start + sample.second * 1000
        timed.append((at, 1, record_message(at, sample)))
    return [message for _, _, message in sorted(timed, key=lambda item: item[:2])]


def _at(start: int, second: float, make: Any, kind: EventType) -> tuple[int, int, Any]:
    at = start + round(second * 1000)
    return at, 0, make(at, kind)


def _lap(activity: RecordedActivity, index: int, start: int, kcal: int | None) -> LapMessage:
    lap = activity.laps[index]
    inside = sums.samples_in(activity, lap)
    message = LapMessage()
    message.message_index = index
    message.timestamp = start + round(sums.lap_end(lap) * 1000)
    message.start_time = start + round(lap.start_second * 1000)
    message.event = Event.LAP
    message.event_type = EventType.STOP
    message.total_elapsed_time = lap.seconds
    message.total_timer_time = lap.seconds
    message.total_distance = lap.distance_m
    message.total_calories = kcal
    message.avg_speed = lap.average_speed_mps
    message.max_speed = sums.max_speed(inside)
    message.avg_heart_rate = lap.average_heart_rate
    message.max_heart_rate = sums.max_heart_rate(inside)
    message.intensity = Intensity.ACTIVE
    last = index == len(activity.laps) - 1
    message.lap_trigger = LapTrigger.SESSION_END if last else LapTrigger.TIME
    message.sport, message.sub_sport = _sport(activity)
    return message


def _session(activity: RecordedActivity, start: int, end: int) -> SessionMessage:
    timed = sums.timed_samples(activity)
    message = SessionMessage()
    message.message_index = 0
    message.timestamp = end
    message.start_time = start
    message.event = Event.SESSION
    message.event_type = EventType.STOP
    message.sport, message.sub_sport = _sport(activity)
    message.total_elapsed_time = (end - start) / 1000
    message.total_timer_time = activity.seconds
    message.total_distance = activity.distance_m
    message.total_calories = None if activity.kcal is None else round(activity.kcal)
    message.avg_speed = sums.average_speed(activity)
    message.max_speed = sums.max_speed(timed)
    message.avg_heart_rate = sums.mean_heart_rate(timed)
    message.max_heart_rate = sums.max_heart_rate(timed)
    message.avg_grade = activity.average_incline_percent
    message.first_lap_index = 0
    message.num_laps = len(activity.laps)
    message.trigger = SessionTrigger.ACTIVITY_END
    return message


def _activity(activity: RecordedActivity, end: int) -> ActivityMessage:
    message = ActivityMessage()
    message.timestamp = end
    message.total_timer_time = activity.seconds
    message.num_sessions = 1
    message.type = Activity.MANUAL
    message.event = Event.ACTIVITY
    message.event_type = EventType.STOP
    return message


def _sport(activity: RecordedActivity) -> tuple[Sport, SubSport]:
    """Walking, on a treadmill when it was one; never SubSport.VIRTUAL_ACTIVITY."""
    return Sport.WALKING, SubSport.TREADMILL if activity.indoor else SubSport.GENERIC
