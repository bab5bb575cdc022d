"""TCX activity files: valid under Garmin's published TrainingCenterDatabase v2 schema, a walk
as Sport "Other" (the schema knows only Running, Biking and Other), one lap a set with its
track points, and the values read back are the activity's; unknown calories and distance are
the schema's required 0, said so in the notes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from hypothesis import given

from retrowalk.domain.activity import ActivityLap, RecordedActivity
from retrowalk.domain.treadmill_record import Sample
from retrowalk.formats.tcx_activity import tcx_activity
from tests.formats.activities import activities
from tests.formats.tcx_schema import NAMES, valid_tcx

START = datetime(2027, 1, 4, 7, 30, tzinfo=UTC)


def two_sets() -> RecordedActivity:
    moving = {*range(0, 6), *range(8, 13)}
    pulses = [90, None, *range(92, 104)]
    samples = tuple(
        Sample(s, 1.25 if s in moving else 0.0, 2.5, 1.25 * len([m for m in moving if m <= s]), hr)
        for s, hr in enumerate(pulses)
    )
    laps = (ActivityLap(0, 6, 7.5, 1.25, 93), ActivityLap(8, 5, 6.25, 1.25, 100))
    return RecordedActivity(START, 11, laps, samples, 13.75, 33.4, 2.5)


def _all(node: Any, path: str) -> list[Any]:
    found: list[Any] = node.findall(path, NAMES)
    return found


def _text(node: Any, path: str) -> str | None:
    found = node.find(path, NAMES)
    return None if found is None else str(found.text)


def test_a_treadmill_walk_is_valid_tcx_with_a_lap_per_set_and_its_track() -> None:
    document = valid_tcx(tcx_activity(two_sets(), "0.1.0"))

    [activity] = _all(document, "t:Activities/t:Activity")
    assert activity.get("Sport") == "Other"
    assert _text(activity, "t:Id") == "2027-01-04T07:30:00Z"
    laps = _all(activity, "t:Lap")
    assert [lap.get("StartTime") for lap in laps] == [
        "2027-01-04T07:30:00Z",
        "2027-01-04T07:30:08Z",
    ]
    assert [_text(lap, "t:TotalTimeSeconds") for lap in laps] == ["6", "5"]
    assert [_text(lap, "t:DistanceMeters") for lap in laps] == ["7.5", "6.25"]
    assert [_text(lap, "t:Calories") for lap in laps] == ["18", "15"]
    assert [_text(lap, "t:AverageHeartRateBpm/t:Value") for lap in laps] == ["93", "100"]
    assert [_text(lap, "t:MaximumHeartRateBpm/t:Value") for lap in laps] == ["95", "102"]
    assert [_text(lap, "t:Intensity") for lap in laps] == ["Active", "Active"]
    first, second = (_all(lap, "t:Track/t:Trackpoint") for lap in laps)
    assert len(first) == 6 and len(second) == 5  # the rest's seconds are in no lap
    assert _text(first[1], "t:Time") == "2027-01-04T07:30:01Z"
    assert _text(first[1], "t:HeartRateBpm/t:Value") is None  # unknown: left out
    assert _text(first[2], "t:HeartRateBpm/t:Value") == "92"
    assert _text(first[2], "t:DistanceMeters") == "3.75"
    assert _text(first[2], "t:Extensions/x:TPX/x:Speed") == "1.25"
    assert _text(laps[0], "t:Extensions/x:LX/x:AvgSpeed") == "1.25"
    notes = _text(activity, "t:Notes") or ""
    assert "retrowalk 0.1.0" in notes and "unknown" not in notes


def test_unknown_calories_and_distance_are_the_required_zero_and_said_so() -> None:
    walk = RecordedActivity(START, 180, (ActivityLap(0, 180),), indoor=False)

    document = valid_tcx(tcx_activity(walk, "0.1.0"))

    [lap] = _all(document, "t:Activities/t:Activity/t:Lap")
    assert (_text(lap, "t:Calories"), _text(lap, "t:DistanceMeters")) == ("0", "0")
    assert _all(lap, "t:Track") == []
    notes = _text(document, "t:Activities/t:Activity/t:Notes") or ""
    assert "Calories unknown" in notes and "Distance unknown" in notes
    assert "not on a treadmill" in notes


@given(activities())
def test_every_activity_is_valid_tcx_and_its_values_read_back(activity: RecordedActivity) -> None:
    document = valid_tcx(tcx_activity(activity, "0.1.0"))

    laps = _all(document, "t:Activities/t:Activity/t:Lap")
    assert len(laps) == len(activity.laps)
    kcal = 0 if activity.kcal is None else round(activity.kcal)
    # Garmin's original schema requires Calories in every lap (the copy used here allows none).
    assert sum(int(_text(lap, "t:Calories") or "-1") for lap in laps) == kcal
    for read, lap in zip(laps, activity.laps, strict=True):
        assert float(_text(read, "t:TotalTimeSeconds") or "nan") == lap.seconds
        assert abs(float(_text(read, "t:DistanceMeters") or "nan") - (lap.distance_m or 0)) < 1e-3
        inside = [
            s
            for s in activity.samples
            if lap.start_second <= s.second < lap.start_second + lap.seconds
        ]
        points = _all(read, "t:Track/t:Trackpoint")
        assert len(points) == len(inside)
        for point, sample in zip(points, inside, strict=True):
            pulse = _text(point, "t:HeartRateBpm/t:Value")
            assert pulse == (None if sample.heart_rate is None else str(sample.heart_rate))
            speed = _text(point, "t:Extensions/x:TPX/x:Speed")
            assert (speed is None) == (sample.speed_mps is None)
            if speed is not None and sample.speed_mps is not None:
                assert abs(float(speed) - sample.speed_mps) < 1e-3
