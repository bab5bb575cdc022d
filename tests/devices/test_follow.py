"""Reading the belt back after a command: followed in km/h, in mph, or not at all."""

from __future__ import annotations

from retrowalk.devices.follow import FollowCheck, FollowVerdict, Outcome

# Exact by definition (1 mile = 1609.344 m); written out, never imported from the code under test.
KM_PER_MILE = 1.609344
# docs/devices.md: 3 s for a belt to settle after a small step; one that has not followed
# within 20 s is not following.
SETTLE_SECONDS = 3.0
GIVE_UP_SECONDS = 20.0


def watch(check: FollowCheck, readings: list[float], unit: float | None = None) -> FollowVerdict:
    verdict = FollowVerdict(Outcome.WATCHING)
    for second, reading in enumerate(readings, start=1):
        verdict = check.observe(reading, check.sent_at + second, unit)
    return verdict


def test_a_belt_that_settles_on_the_parameter_followed_it_in_kmh():
    verdict = watch(FollowCheck(2.0, before_kmh=1.0, sent_at=0), [1.5, 2.0, 2.0])

    assert verdict == FollowVerdict(Outcome.FOLLOWED, 1.0)


def test_a_belt_that_settles_on_the_parameter_in_mph_shows_the_quirk():
    verdict = watch(FollowCheck(2.0, before_kmh=1.0, sent_at=0), [1.5, 2.5, 3.0, 3.22, 3.22])

    assert verdict == FollowVerdict(Outcome.FOLLOWED, KM_PER_MILE)


def test_a_belt_that_stays_where_it_was_did_not_follow():
    verdict = watch(FollowCheck(2.0, before_kmh=1.0, sent_at=0), [1.0, 1.0, 1.0])

    assert verdict.outcome is Outcome.NOT_FOLLOWED


def test_no_verdict_before_the_belt_has_had_time_to_settle():
    verdict = watch(FollowCheck(2.0, before_kmh=1.0, sent_at=0), [2.0] * int(SETTLE_SECONDS - 1))

    assert verdict.outcome is Outcome.WATCHING


def test_a_belt_still_moving_when_the_patience_runs_out_did_not_follow():
    readings = [1.0 + 0.05 * n for n in range(int(GIVE_UP_SECONDS) + 1)]

    verdict = watch(FollowCheck(9.0, before_kmh=1.0, sent_at=0), readings)

    assert verdict.outcome is Outcome.NOT_FOLLOWED


def test_a_belt_that_was_already_at_the_speed_proves_nothing_about_the_unit():
    verdict = watch(FollowCheck(1.0, before_kmh=1.0, sent_at=0), [1.0, 1.0, 1.0])

    assert verdict == FollowVerdict(Outcome.FOLLOWED, None)


def test_without_an_earlier_reading_the_unit_is_not_concluded():
    verdict = watch(FollowCheck(2.0, before_kmh=None, sent_at=0), [2.0, 2.0, 2.0])

    assert verdict == FollowVerdict(Outcome.FOLLOWED, None)


def test_once_the_unit_is_known_only_that_unit_counts():
    verdict = watch(FollowCheck(2.0, before_kmh=1.0, sent_at=0), [2.0, 2.0, 2.0], KM_PER_MILE)

    assert verdict.outcome is Outcome.NOT_FOLLOWED


def test_a_start_is_followed_when_the_belt_moves_at_all():
    moved = watch(FollowCheck(None, before_kmh=0.0, sent_at=0), [0.5, 0.8, 0.8])
    stood = watch(FollowCheck(None, before_kmh=0.0, sent_at=0), [0.0, 0.0, 0.0])

    assert moved.outcome is Outcome.FOLLOWED
    assert stood.outcome is Outcome.NOT_FOLLOWED
