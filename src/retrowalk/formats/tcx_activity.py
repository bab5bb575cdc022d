"""A recorded activity as TCX (Garmin TrainingCenterDatabase v2), built with xml.etree.

The schema's sports are Running, Biking and Other: a walk is Other. Each set is a lap with its
track points, one a second (time, distance, heart rate, and the belt speed in Garmin's
ActivityExtension v2); samples outside the laps (rests, set-up) are left out, as in FIT.
The schema requires a lap's DistanceMeters and Calories (Garmin's published copy does); when
retrowalk does not know one it writes 0 and the activity's Notes say which is unknown.
docs/interchange.md lists every element.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree as ET

from retrowalk.domain.activity import ActivityLap, RecordedActivity
from retrowalk.domain.treadmill_record import Sample
from retrowalk.formats import activity_sums as sums

TCX = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
EXTENSION = "http://www.garmin.com/xmlschemas/ActivityExtension/v2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = (
    f"{TCX} http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd "
    f"{EXTENSION} http://www.garmin.com/xmlschemas/ActivityExtensionv2.xsd"
)


def tcx_activity(activity: RecordedActivity, version: str) -> str:
    """The activity as a TCX document (UTF-8 text with its XML declaration)."""
    ET.register_namespace("", TCX)
    ET.register_namespace("ax2", EXTENSION)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(_tcx("TrainingCenterDatabase"), {f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
    node = ET.SubElement(ET.SubElement(root, _tcx("Activities")), _tcx("Activity"))
    node.set("Sport", "Other")
    _text(node, "Id", _time(activity.started_at))
    for lap, kcal in zip(activity.laps, sums.lap_calories(activity), strict=True):
        _lap(node, activity, lap, kcal)
    _text(node, "Notes", notes(activity, version))
    ET.indent(root, space=" ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def notes(activity: RecordedActivity, version: str) -> str:
    """Who wrote the file and what it could not know (written as 0 where TCX needs a number)."""
    where = "on a treadmill" if activity.indoor else "not on a treadmill"
    said = [f"Backward walking {where}, exported by retrowalk {version}."]
    if activity.distance_m is None:
        said.append("Distance unknown (no belt speed was recorded): written as 0.")
    if activity.kcal is None:
        said.append("Calories unknown (no body weight on record): written as 0.")
    return " ".join(said)


def _lap(
    parent: ET.Element,
    activity: RecordedActivity,
    lap: ActivityLap,
    kcal: int | None,
) -> None:
    start = activity.started_at + timedelta(seconds=lap.start_second)
    node = ET.SubElement(parent, _tcx("Lap"), {"StartTime": _time(start)})
    inside = sums.samples_in(activity, lap)
    _text(node, "TotalTimeSeconds", _number(lap.seconds))
    _text(node, "DistanceMeters", _number(lap.distance_m or 0.0))
    fastest = sums.max_speed(inside)
    if fastest is not None:
        _text(node, "MaximumSpeed", _number(fastest))
    _text(node, "Calories", str(kcal or 0))
    _heart_rate(node, "AverageHeartRateBpm", lap.average_heart_rate)
    _heart_rate(node, "MaximumHeartRateBpm", sums.max_heart_rate(inside))
    _text(node, "Intensity", "Active")
    _text(node, "TriggerMethod", "Time")
    if inside:
        points = ET.SubElement(node, _tcx("Track"))
        for sample in inside:
            _trackpoint(points, activity.started_at, sample)
    if lap.average_speed_mps is not None:
        extension = ET.SubElement(ET.SubElement(node, _tcx("Extensions")), _ext("LX"))
        ET.SubElement(extension, _ext("AvgSpeed")).text = _number(lap.average_speed_mps)


def _trackpoint(parent: ET.Element, started_at: datetime, sample: Sample) -> None:
    point = ET.SubElement(parent, _tcx("Trackpoint"))
    _text(point, "Time", _time(started_at + timedelta(seconds=sample.second)))
    if sample.distance_m is not None:
        _text(point, "DistanceMeters", _number(sample.distance_m))
    _heart_rate(point, "HeartRateBpm", sample.heart_rate)
    if sample.speed_mps is not None:
        extension = ET.SubElement(ET.SubElement(point, _tcx("Extensions")), _ext("TPX"))
        ET.SubElement(extension, _ext("Speed")).text = _number(sample.speed_mps)


def _heart_rate(parent: ET.Element, name: str, bpm: int | None) -> None:
    if bpm is not None:
        _text(ET.SubElement(parent, _tcx(name)), "Value", str(bpm))


def _text(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, _tcx(name)).text = text


def _tcx(name: str) -> str:
    return f"{{{TCX}}}{name}"


def _ext(name: str) -> str:
    return f"{{{EXTENSION}}}{name}"


def _time(moment: datetime) -> str:
    """UTC, to the second, with a Z (as watches write TCX)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _number(value: float) -> str:
    """A number as few digits as it needs: 120 for 120.0, 1.25 for 1.25."""
    return f"{value:.3f}".rstrip("0").rstrip(".")
