"""The app's own totals and 1 Hz samples: counters that reset, gaps in the link, odd pulses."""

from __future__ import annotations

import pytest

from retrowalk.devices.ftms_data import Inclination, TreadmillData
from retrowalk.devices.totals import SampleRecorder, Totals


def data(speed: float, distance: int | None = None, bpm: int | None = None) -> TreadmillData:
    return TreadmillData(
        instantaneous_speed_kmh=speed,
        total_distance_m=distance,
        inclination=Inclination(1.5, None),
        heart_rate_bpm=bpm,
    )


def test_a_console_counter_that_goes_back_to_zero_is_counted_again_from_zero():
    totals = Totals()
    for second, distance in enumerate([10, 20, 30, 0, 5, 15]):
        totals.add(data(3.6, distance), second)

    assert totals.distance_m == 20 + 15


def test_without_a_distance_field_the_app_adds_speed_times_time():
    totals = Totals()
    for second in range(11):
        totals.add(data(3.6), second)

    assert totals.distance_m == pytest.approx(10.0)


def test_a_record_split_for_more_data_is_skipped():
    totals = Totals()
    totals.add(data(3.6, 10), 0)

    totals.add(TreadmillData(total_distance_m=999), 1)

    assert totals.latest.speed_kmh == 3.6 and totals.distance_m == 0


def test_there_is_one_sample_for_each_second_holding_the_latest_values():
    totals, recorder = Totals(), SampleRecorder(start=100.0)
    totals.add(data(3.6, 0, 90), 100.0)
    recorder.record(100.2, totals, None)
    totals.add(data(1.8, 4, 95), 103.0)
    recorder.record(103.5, totals, None)

    assert [s.second for s in recorder.samples] == [0, 1, 2, 3]
    assert [s.speed_mps for s in recorder.samples] == [1.0, 1.0, 1.0, 0.5]
    assert recorder.samples[3].distance_m == 4 and recorder.samples[3].incline_percent == 1.5


def test_while_the_link_is_down_a_sample_says_the_speed_is_unknown():
    totals, recorder = Totals(), SampleRecorder(start=0.0)
    totals.add(data(3.6, 0), 0.0)

    totals.link_lost()
    recorder.record(0.5, totals, None)

    assert recorder.samples[0].speed_mps is None


def test_a_sample_keeps_the_pulse_it_is_given_and_leaves_out_one_no_human_has():
    totals, recorder = Totals(), SampleRecorder(start=0.0)
    totals.add(data(3.6, 0, 0), 0.0)

    recorder.record(0.0, totals, 0)
    recorder.record(1.0, totals, 101)
    recorder.record(2.0, totals, None)

    assert [s.heart_rate for s in recorder.samples] == [None, 101, None]
