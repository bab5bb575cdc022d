"""FIT activity files: every one Garmin's own SDK decodes whole and without an error, fitdecode
reads alike, and the values read back are the activity's (a walk on a treadmill, never a
virtual activity; one lap a set; one record a sample)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from hypothesis import given

from retrowalk.domain.activity import ActivityLap, RecordedActivity
from retrowalk.domain.treadmill_record import Sample
from retrowalk.formats.fit_activity import fit_activity
from tests.formats.activities import activities, fitdecode_messages, garmin_messages

START = datetime(2027, 1, 4, 7, 30, tzinfo=UTC)


def two_sets() -> RecordedActivity:
    """Two sets of 6 and 5 seconds with a rest between, set-up before and a check-in after
    (samples a file leaves out: the timer is stopped then)."""
    moving = {*range(2, 8), *range(10, 15)}
    samples = tuple(
        Sample(
            second=second,
            speed_mps=1.25 if second in moving else 0.0,
            incline_percent=2.5,
            distance_m=round(1.25 * len([s for s in moving if s <= second]), 2),
            heart_rate=None if second % 3 == 0 else 90 + second,
        )
        for second in range(17)
    )
    laps = (ActivityLap(2, 6, 7.5, 1.25, 95), ActivityLap(10, 5, 6.25, 1.25, 102))
    return RecordedActivity(START, 11, laps, samples, 13.75, 33.4, 2.5)


def test_a_treadmill_walk_reads_back_whole_with_garmins_decoder() -> None:
    messages = garmin_messages(fit_activity(two_sets(), "0.1.0"))

    [file_id] = messages["file_id_mesgs"]
    assert (file_id["type"], file_id["manufacturer"]) == ("activity", "development")
    assert file_id["product_name"] == "retrowalk"
    [creator] = messages["device_info_mesgs"]
    assert creator["device_index"] == "creator" and creator["software_version"] == 0.01
    [session] = messages["session_mesgs"]
    assert (session["sport"], session["sub_sport"]) == ("walking", "treadmill")
    assert session["start_time"] == START
    assert session["total_timer_time"] == 11 and session["total_elapsed_time"] == 15
    assert session["total_distance"] == 13.75 and session["total_calories"] == 33
    assert session["avg_speed"] == 1.25 and session["max_speed"] == 1.25
    assert session["avg_heart_rate"] == 98 and session["max_heart_rate"] == 104
    assert session["num_laps"] == 2 and session["message_index"] == 0
    laps = messages["lap_mesgs"]
    assert [lap["message_index"] for lap in laps] == [0, 1]
    assert [lap["total_timer_time"] for lap in laps] == [6, 5]
    assert [lap["total_distance"] for lap in laps] == [7.5, 6.25]
    assert [lap["total_calories"] for lap in laps] == [18, 15]  # 33 kcal shared by time
    assert [lap["start_time"].second for lap in laps] == [2, 10]
    records = messages["record_mesgs"]  # one a second of each set: none while resting
    assert [r["timestamp"].second for r in records] == [*range(2, 8), *range(10, 15)]
    assert records[2]["speed"] == 1.25 and records[2]["grade"] == 2.5
    assert records[2]["heart_rate"] == 94 and "heart_rate" not in records[1]
    [activity] = messages["activity_mesgs"]
    assert activity["num_sessions"] == 1 and activity["total_timer_time"] == 11


def test_the_timer_stops_for_the_rest_between_sets() -> None:
    events = garmin_messages(fit_activity(two_sets(), "0.1.0"))["event_mesgs"]

    timer = [(e["event_type"], e["timestamp"].second) for e in events if e["event"] == "timer"]
    assert timer == [("start", 2), ("stop_all", 8), ("start", 10), ("stop_all", 15)]


def test_the_messages_come_in_the_activity_recipes_order() -> None:
    order = _order(fit_activity(two_sets(), "0.1.0"))

    assert order[:3] == ["file_id", "device_info", "event"]
    assert order[-4:] == ["lap", "lap", "session", "activity"]
    assert order.count("record") == 11 and order.index("record") < order.index("lap")
    assert order[-5] == "event"  # the timer stopped for good before the laps


def test_a_walk_logged_by_hand_has_a_summary_lap_and_no_records() -> None:
    lap = ActivityLap(0, 180, 40.2, 0.224)
    walk = RecordedActivity(START, 180, (lap,), (), 40.2, None, 0.0)

    messages = garmin_messages(fit_activity(walk, "1.12.3"))

    assert "record_mesgs" not in messages
    [session] = messages["session_mesgs"]
    assert session["total_timer_time"] == 180 and session["total_distance"] == 40.2
    assert "total_calories" not in session  # unknown: left out, never 0
    assert "avg_heart_rate" not in session
    assert messages["device_info_mesgs"][0]["software_version"] == 1.12


def test_a_walk_off_the_treadmill_is_generic_walking_never_a_virtual_activity() -> None:
    walk = RecordedActivity(START, 60, (ActivityLap(0, 60),), indoor=False)

    [session] = garmin_messages(fit_activity(walk, "0.1.0"))["session_mesgs"]

    assert (session["sport"], session["sub_sport"]) == ("walking", "generic")


@given(activities())
def test_every_activity_decodes_without_error_and_its_values_read_back(
    activity: RecordedActivity,
) -> None:
    data = fit_activity(activity, "0.1.0")
    messages = garmin_messages(data)

    [session] = messages["session_mesgs"]
    assert session["sport"] == "walking"  # and never the virtual_activity sub-sport:
    assert session["sub_sport"] == ("treadmill" if activity.indoor else "generic")
    assert session["start_time"] == activity.started_at
    assert session["total_timer_time"] == activity.seconds
    assert _same(session.get("total_distance"), activity.distance_m, 0.01)
    kcal = None if activity.kcal is None else round(activity.kcal)
    assert session.get("total_calories") == kcal
    laps = messages["lap_mesgs"]
    assert len(laps) == len(activity.laps) == session["num_laps"]
    for read, lap in zip(laps, activity.laps, strict=True):
        assert read["total_timer_time"] == lap.seconds
        assert _same(read.get("total_distance"), lap.distance_m, 0.01)
        assert _same(read.get("avg_speed"), lap.average_speed_mps, 0.001)
        assert read.get("avg_heart_rate") == lap.average_heart_rate
    if kcal is not None:
        assert sum(lap["total_calories"] for lap in laps) == kcal
    records = messages.get("record_mesgs", [])
    timed = [s for lap in activity.laps for s in activity.samples if _within(s, lap)]
    assert len(records) == len(timed)
    for read, sample in zip(records, timed, strict=True):
        assert (read["timestamp"] - activity.started_at).total_seconds() == sample.second
        assert read.get("heart_rate") == sample.heart_rate
        assert _same(read.get("speed"), sample.speed_mps, 0.001)
        assert _same(read.get("distance"), sample.distance_m, 0.01)
        assert _same(read.get("grade"), sample.incline_percent, 0.01)
    assert len(messages["activity_mesgs"]) == 1
    independent = fitdecode_messages(data)
    assert len(independent.get("record", [])) == len(timed)
    assert len(independent["lap"]) == len(activity.laps)
    assert independent["session"][0]["total_timer_time"] == activity.seconds


def _within(sample: Sample, lap: ActivityLap) -> bool:
    return lap.start_second <= sample.second < lap.start_second + lap.seconds


def _same(read: Any, given: float | None, within: float) -> bool:
    """A value read back equals the one written (within the format's resolution), and an
    unknown one was left out."""
    if given is None:
        return read is None
    return read is not None and abs(read - given) <= within / 2 + 1e-9


def _order(data: bytes) -> list[str]:
    import io

    import fitdecode

    with fitdecode.FitReader(io.BytesIO(data)) as reader:
        return [f.name for f in reader if isinstance(f, fitdecode.FitDataMessage)]
