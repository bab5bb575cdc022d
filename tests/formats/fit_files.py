"""FIT files for tests, written with Garmin's own SDK (garmin-fit-sdk's Encoder): a treadmill
walk shaped as a watch records it (file id, timer start, one record a second, timer stop, one
lap per set, one session, one activity), with every part changeable to make a wrong file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from garmin_fit_sdk import Encoder, Profile

MESG = Profile["mesg_num"]
START = datetime(2027, 1, 4, 7, 30, tzinfo=UTC)


@dataclass
class WalkFile:
    """A walk of `sets`, each (seconds, metres per second), with `rest` seconds between sets
    (the timer stopped, no records). Heart rate climbs from `heart_rate`; `grade` is constant."""

    sets: list[tuple[int, float]] = field(default_factory=lambda: [(300, 0.6), (300, 0.7)])
    rest: int = 60
    start: datetime = START
    heart_rate: int | None = 95
    grade: float | None = 1.5
    sport: str = "walking"
    sub_sport: str = "treadmill"
    file_type: str = "activity"
    sessions: int = 1
    plain_speed: bool = False  # write `speed` instead of `enhanced_speed`
    record_changes: dict[str, Any] = field(default_factory=dict)  # put into every record

    def timer_seconds(self) -> int:
        return sum(seconds for seconds, _ in self.sets)

    def distance_m(self) -> float:
        return sum(seconds * speed for seconds, speed in self.sets)


def fit_bytes(walk: WalkFile) -> bytes:
    encoder = Encoder()
    encoder.write_mesg(
        {
            "mesg_num": MESG["FILE_ID"],
            "type": walk.file_type,
            "manufacturer": "development",
            "product": 1,
            "serial_number": 4242,
            "time_created": walk.start,
        }
    )
    at, distance, laps = walk.start, 0.0, []
    for index, (seconds, speed) in enumerate(walk.sets):
        lap_start = at
        _event(encoder, at, "start")
        for second in range(seconds):
            encoder.write_mesg(_record(walk, at + timedelta(seconds=second), distance, speed))
            distance += speed
        at += timedelta(seconds=seconds)
        _event(encoder, at, "stop_all")
        laps.append((index, lap_start, seconds, speed))
        at += timedelta(seconds=walk.rest)
    for index, lap_start, seconds, speed in laps:
        encoder.write_mesg(
            {
                "mesg_num": MESG["LAP"],
                "message_index": index,
                "timestamp": lap_start + timedelta(seconds=seconds),
                "start_time": lap_start,
                "total_timer_time": float(seconds),
                "total_elapsed_time": float(seconds),
                "total_distance": seconds * speed,
                "enhanced_avg_speed": speed,
                **({"avg_heart_rate": walk.heart_rate} if walk.heart_rate else {}),
            }
        )
    for index in range(walk.sessions):
        encoder.write_mesg(
            {
                "mesg_num": MESG["SESSION"],
                "message_index": index,
                "timestamp": at,
                "start_time": walk.start,
                "total_timer_time": float(walk.timer_seconds()),
                "total_elapsed_time": (at - walk.start).total_seconds(),
                "total_distance": walk.distance_m(),
                "total_calories": 40,
                "sport": walk.sport,
                "sub_sport": walk.sub_sport,
                "num_laps": len(laps),
                "first_lap_index": 0,
            }
        )
    encoder.write_mesg(
        {
            "mesg_num": MESG["ACTIVITY"],
            "timestamp": at,
            "num_sessions": walk.sessions,
            "type": "manual",
            "event": "activity",
            "event_type": "stop",
            "total_timer_time": float(walk.timer_seconds()),
        }
    )
    data: bytes = encoder.close()
    return data


def _event(encoder: Any, at: datetime, kind: str) -> None:
    encoder.write_mesg(
        {"mesg_num": MESG["EVENT"], "timestamp": at, "event": "timer", "event_type": kind}
    )


def _record(walk: WalkFile, at: datetime, distance: float, speed: float) -> dict[str, Any]:
    record: dict[str, Any] = {
        "mesg_num": MESG["RECORD"],
        "timestamp": at,
        "distance": distance,
        ("speed" if walk.plain_speed else "enhanced_speed"): speed,
    }
    if walk.heart_rate is not None:
        record["heart_rate"] = walk.heart_rate + (at - walk.start).seconds // 60
    if walk.grade is not None:
        record["grade"] = walk.grade
    return record | walk.record_changes
