"""A FIT file written by the exporter reads back, through the importer's reader, to the same
numbers (issue 16: "a real-shaped FIT file written by the exporter imports back")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from retrowalk.domain.activity import ActivityLap, RecordedActivity
from retrowalk.domain.treadmill_record import Sample
from retrowalk.formats.fit_activity import fit_activity
from retrowalk.formats.fit_read import read_fit_activity

START = datetime(2026, 11, 30, 7, 15, 0, tzinfo=UTC)


def _two_sets_with_a_rest() -> RecordedActivity:
    """Two 3-minute sets at 0.40 m/s with a 60 s rest between them, a pulse, a 1 % incline."""
    samples, distance = [], 0.0
    for second in range(420):
        walking = second < 180 or second >= 240
        speed = 0.4 if walking else 0.0
        distance += speed
        samples.append(Sample(second, speed, 1.0, round(distance, 1), 90 + second % 7))
    laps = (
        ActivityLap(0, 180, 72.0, 0.4, 93),
        ActivityLap(240, 180, 72.0, 0.4, 93),
    )
    return RecordedActivity(
        started_at=START,
        seconds=360,
        laps=laps,
        samples=tuple(samples),
        distance_m=144.0,
        kcal=21.5,
        average_incline_percent=1.0,
    )


def test_a_walk_exported_as_fit_imports_back_to_the_same_numbers() -> None:
    sent = _two_sets_with_a_rest()

    back = read_fit_activity(fit_activity(sent, "0.1.0"))

    assert back.started_at == START
    assert back.seconds == pytest.approx(360, abs=0.01)
    assert back.distance_m == pytest.approx(144.0, abs=0.01)
    assert (back.sport, back.indoor) == ("walking", True)
    assert [(lap.start_second, lap.seconds) for lap in back.laps] == [(0, 180), (240, 180)]
    assert [lap.distance_m for lap in back.laps] == [pytest.approx(72.0, abs=0.01)] * 2
    walked = [s for s in sent.samples if s.second < 180 or s.second >= 240]
    by_second = {s.second: s for s in back.samples}
    assert len(back.samples) == len(walked) == 360
    for sample in walked:
        read = by_second[sample.second]
        assert read.speed_mps == pytest.approx(0.4, abs=0.001)
        assert read.heart_rate == sample.heart_rate
        assert read.distance_m == pytest.approx(sample.distance_m, abs=0.01)
