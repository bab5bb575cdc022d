"""The mph-for-km/h quirk is verified once per treadmill: a stored walker's first walk on the
virtual treadmill with the quirk finds it by reading the belt back and keeps it with the
equipment; the next walk opens knowing it and finds nothing again (issue 6).

The walks run as `retrowalk go --device` runs them (`walk_in_terminal`, the stored walker's walk
source and logger, the device thread pacing a clock 120 times faster than the wall's), on SQLite.
"""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from rich.console import Console

from retrowalk.coach.clock import ScaledClock
from retrowalk.coach.speech import Transcript
from retrowalk.coach.terminal.live import WalkParts, walk_in_terminal
from retrowalk.devices.alerts import Alert
from retrowalk.devices.choice import DeviceChoice
from retrowalk.devices.opening import connected_belt
from retrowalk.devices.report import DeviceReport
from retrowalk.domain.units import SpeedUnit
from retrowalk.services.answers_file import AnswersFile
from retrowalk.services.clock import FixedClock
from retrowalk.services.live_walk import StoredLogger, StoredWalks, walk_for
from retrowalk.services.records import MphVerdict, StoredWalker
from retrowalk.services.today import today_session
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    clock_fixture,
    sql_backend_fixture,
)
from tests.store.builders import onboarded

# Exact by definition (1 mile = 1609.344 m); written out, never imported from the code under test.
METRES_PER_SECOND_IN_ONE_MPH = 0.44704

QUIRKY = "virtual:mph_for_kmh"
ANSWERS = '{"pain_during": 1, "sharp_pain": false, "rpe": 4}'
SCALE = 120.0

pytestmark = pytest.mark.parametrize("sql_backend", ["sqlite"], indirect=True)


def _walker(backend: Backend, walker_id: int) -> StoredWalker:
    with backend.uow() as uow:
        walker = uow.walkers.get(walker_id)
    assert walker is not None
    return walker


def _walk_today(backend: Backend, clock: FixedClock, walker_id: int) -> DeviceReport:
    """Today's session for the stored walker, on the quirky virtual treadmill under control."""
    walker = _walker(backend, walker_id)
    parts = WalkParts(
        StoredLogger(walker_id, backend.uow, clock),
        ScaledClock(SCALE),
        Transcript(),
        Console(file=io.StringIO()),
        SCALE,
        AnswersFile(ANSWERS),
    )
    walk = StoredWalks(walker, backend.uow, clock, SpeedUnit.MPH).todays_walk()
    with connected_belt(DeviceChoice(QUIRKY, control=True), walk, parts.clock) as treadmill:
        walk_in_terminal(walk, parts, treadmill=treadmill, presses_enter=True)
    assert treadmill.walked is not None
    return treadmill.walked


def _next_session_day(backend: Backend, clock: FixedClock, walker_id: int) -> None:
    ahead = today_session(walker_id, backend.uow(), clock).session
    assert ahead is not None
    clock.current = datetime.combine(ahead.on, clock.current.time())


def _belt_mph(report: DeviceReport) -> set[float]:
    return {
        round(s.speed_mps / METRES_PER_SECOND_IN_ONE_MPH, 2) for s in report.samples if s.speed_mps
    }


def test_the_verdict_found_on_the_quirky_treadmill_is_kept_with_the_equipment(
    sql_backend: Backend, clock
) -> None:
    walker = onboarded(sql_backend, clock).walker

    report = _walk_today(sql_backend, clock, walker.id)

    assert report.mph_quirk is True
    assert Alert.MPH_QUIRK in [told.alert for told in report.alerts]
    assert _walker(sql_backend, walker.id).mph_verdict == MphVerdict(QUIRKY, mph_quirk=True)


def test_the_next_walk_opens_knowing_the_quirk_and_finds_nothing_again(
    sql_backend: Backend, clock
) -> None:
    walker = onboarded(sql_backend, clock).walker
    _walk_today(sql_backend, clock, walker.id)
    _next_session_day(sql_backend, clock, walker.id)

    report = _walk_today(sql_backend, clock, walker.id)

    assert report.mph_quirk is True
    assert Alert.MPH_QUIRK not in [told.alert for told in report.alerts]
    assert report.control == "on" and not report.partial
    assert 0.5 in _belt_mph(report) and max(_belt_mph(report)) <= 0.6  # mph, not 1.6 × too fast
    assert _walker(sql_backend, walker.id).mph_verdict == MphVerdict(QUIRKY, mph_quirk=True)


def test_the_live_pages_walk_opens_the_treadmill_knowing_the_stored_verdict(
    sql_backend: Backend, clock
) -> None:
    walker = onboarded(sql_backend, clock).walker
    _walk_today(sql_backend, clock, walker.id)
    _next_session_day(sql_backend, clock, walker.id)
    stored = _walker(sql_backend, walker.id)
    ahead = today_session(walker.id, sql_backend.uow(), clock).session
    assert ahead is not None

    walk = walk_for(stored, ahead, None, SpeedUnit.MPH)  # as the web app builds the live walk
    with connected_belt(DeviceChoice(QUIRKY, True), walk, ScaledClock(SCALE)) as belt:
        known = belt.session.controller.report.mph_quirk

    assert walk.mph_verdict == MphVerdict(QUIRKY, mph_quirk=True) and known is True


def test_a_verdict_is_not_taken_for_another_treadmills(sql_backend: Backend, clock) -> None:
    walker = onboarded(sql_backend, clock).walker
    _walk_today(sql_backend, clock, walker.id)
    _next_session_day(sql_backend, clock, walker.id)
    stored = _walker(sql_backend, walker.id)
    ahead = today_session(walker.id, sql_backend.uow(), clock).session
    assert ahead is not None

    walk = walk_for(stored, ahead, None, SpeedUnit.MPH)
    with connected_belt(DeviceChoice("virtual", True), walk, ScaledClock(SCALE)) as belt:
        known = belt.session.controller.report.mph_quirk

    assert known is None  # the plain virtual treadmill is another: its unit is found again
