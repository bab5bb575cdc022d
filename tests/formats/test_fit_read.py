"""A watch's FIT activity read into a RecordedActivity: the numbers as recorded, and every file
that is not a sound activity refused with one clear InputError (never another exception)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fitdecode.utils import compute_crc
from hypothesis import given
from hypothesis import strategies as st

from retrowalk.domain.errors import InputError
from retrowalk.formats.fit_read import read_fit_activity
from tests.formats.fit_files import WalkFile, fit_bytes

WALK = fit_bytes(WalkFile())


def test_a_treadmill_walk_reads_to_its_numbers() -> None:
    activity = read_fit_activity(WALK)

    assert activity.started_at == datetime(2027, 1, 4, 7, 30, tzinfo=UTC)
    assert activity.seconds == 600.0
    assert activity.distance_m == pytest.approx(390.0)
    assert activity.kcal == 40.0
    assert (activity.sport, activity.indoor) == ("walking", True)
    assert [(lap.start_second, lap.seconds) for lap in activity.laps] == [(0, 300), (360, 300)]
    assert [lap.average_speed_mps for lap in activity.laps] == [0.6, 0.7]
    assert len(activity.samples) == 600


def test_samples_count_seconds_from_the_start_with_the_rest_left_out() -> None:
    samples = read_fit_activity(WALK).samples

    first, last_of_set, first_after_rest = samples[0], samples[299], samples[300]
    assert (first.second, first.speed_mps, first.heart_rate) == (0, 0.6, 95)
    assert (first.incline_percent, first.distance_m) == (1.5, 0.0)
    assert last_of_set.second == 299
    assert (first_after_rest.second, first_after_rest.speed_mps) == (360, 0.7)
    assert samples[-1].second == 659 and samples[-1].heart_rate == 105
    assert samples[-1].distance_m == pytest.approx(389.3)


def test_plain_speed_is_read_when_there_is_no_enhanced_speed() -> None:
    activity = read_fit_activity(fit_bytes(WalkFile(plain_speed=True, grade=None)))

    assert activity.samples[0].speed_mps == 0.6
    assert activity.samples[0].incline_percent is None


def test_a_walk_not_marked_indoor_is_read_and_says_so() -> None:
    activity = read_fit_activity(fit_bytes(WalkFile(sport="running", sub_sport="generic")))

    assert (activity.sport, activity.indoor) == ("running", False)


def test_a_heart_rate_of_zero_is_no_reading() -> None:
    activity = read_fit_activity(fit_bytes(WalkFile(record_changes={"heart_rate": 0})))

    assert {sample.heart_rate for sample in activity.samples} == {None}


@pytest.mark.parametrize(
    ("walk", "message"),
    [
        (WalkFile(file_type="workout"), "FILE: got 'workout'; give an activity file"),
        (WalkFile(sessions=2), "FILE: got '2 sessions'; give an activity with exactly one"),
        (WalkFile(sessions=0), "FILE: got '0 sessions'; give an activity with exactly one"),
        (WalkFile(sport="cycling"), "FILE: got 'sport cycling'; give a walking, running"),
        (
            WalkFile(record_changes={"enhanced_speed": 12.5}),
            "FILE: got 'speed 12.5 m/s'; the record at second 0: no walk is faster than 10 m/s",
        ),
        (
            WalkFile(record_changes={"heart_rate": 251}),
            "FILE: got 'heart rate 251'; the record at second 0: a heart rate is 20-250",
        ),
        (
            WalkFile(record_changes={"grade": 45.0}),
            "FILE: got 'grade 45.0 %'; the record at second 0: a grade is -10 to 40 %",
        ),
    ],
)
def test_a_wrong_activity_is_refused_with_what_is_wrong(walk: WalkFile, message: str) -> None:
    with pytest.raises(InputError) as refused:
        read_fit_activity(fit_bytes(walk))

    assert str(refused.value).startswith(message)


def test_a_record_past_a_day_from_the_start_is_refused() -> None:
    walk = WalkFile(sets=[(5, 0.6), (5, 0.6)], rest=86_400)

    with pytest.raises(InputError, match="every record must fall within a day of the start"):
        read_fit_activity(fit_bytes(walk))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "it is not a FIT file"),
        (b"date,done\n2027-01-04,true\n", "it is not a FIT file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "it is not a FIT file"),
        (WALK[:-2], "damaged or cut short"),
        (WALK[: len(WALK) // 2], "damaged or cut short"),
        (WALK[:14], "damaged or cut short"),
        (bytes(4 * 2**20 + 1), "give a FIT file of at most 4 MiB"),
    ],
)
def test_bytes_that_are_not_a_whole_fit_file_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_fit_activity(data)


@given(st.integers(min_value=0, max_value=len(WALK) - 1))
def test_a_walk_cut_anywhere_is_refused(cut: int) -> None:
    with pytest.raises(InputError) as refused:
        read_fit_activity(WALK[:cut])

    assert refused.value.field == "FILE"


@given(st.integers(min_value=0, max_value=len(WALK) - 1), st.integers(1, 255))
def test_a_walk_with_a_byte_changed_is_refused_by_its_crc(where: int, flip: int) -> None:
    damaged = bytearray(WALK)
    damaged[where] ^= flip

    with pytest.raises(InputError) as refused:
        read_fit_activity(bytes(damaged))

    assert refused.value.field == "FILE"


@given(st.binary(max_size=2000))
def test_random_bytes_are_refused(data: bytes) -> None:
    with pytest.raises(InputError):
        read_fit_activity(data)


@given(st.binary(min_size=1, max_size=400))
def test_random_bytes_behind_a_fit_header_are_refused(body: bytes) -> None:
    header = WALK[:12] + WALK[12:14]
    with pytest.raises(InputError):
        read_fit_activity(header + body)


@given(st.lists(st.tuples(st.integers(0, 600), st.floats(0, 10)), min_size=1, max_size=3))
def test_any_walk_within_bounds_reads_back_its_timer_and_distance(
    sets: list[tuple[int, float]],
) -> None:
    walk = WalkFile(sets=sets, rest=5)

    activity = read_fit_activity(fit_bytes(walk))

    assert activity.seconds == walk.timer_seconds()
    assert activity.distance_m == pytest.approx(walk.distance_m(), abs=0.01)
    assert len(activity.laps) == len(sets)


def _with_fresh_crcs(data: bytearray) -> bytes:
    """`data` with its header's and file's CRCs made right again, so the reader meets the
    damage inside the messages instead of at the CRC."""
    header_size = data[0]
    if header_size == 14:
        data[12:14] = compute_crc(data, end=12).to_bytes(2, "little")
    data[-2:] = compute_crc(data, end=len(data) - 2).to_bytes(2, "little")
    return bytes(data)


@given(st.integers(min_value=14, max_value=len(WALK) - 3), st.integers(1, 255))
def test_damage_inside_the_messages_is_read_or_refused_about_the_file(
    where: int, flip: int
) -> None:
    damaged = bytearray(WALK)
    damaged[where] ^= flip

    try:
        activity = read_fit_activity(_with_fresh_crcs(damaged))
    except InputError as error:
        assert error.field == "FILE"
    else:  # a changed value that stays in bounds reads as a walk still
        assert 0 <= activity.seconds <= 86_400
        assert all(s.speed_mps is None or 0 <= s.speed_mps <= 10 for s in activity.samples)
