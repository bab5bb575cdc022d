"""A heart-rate strap joined to a walk on the virtual treadmill, on a simulated clock: its pulse is
in the 1 Hz samples and on the screen; when it drops the walk goes on, the samples say nothing
for those seconds, and it is reconnected when it is back in reach (issue 6)."""

from __future__ import annotations

import pytest
from rich.console import Console

from retrowalk.coach.terminal.screen import render
from retrowalk.coach.view import RunnerView, RunState
from retrowalk.devices.virtual.strap import VirtualStrap
from retrowalk.domain.dose import HandSupport
from retrowalk.domain.errors import DeviceError
from retrowalk.domain.units import Speed, SpeedUnit
from tests.coach.builders import walk
from tests.devices.harness import DeviceWalk

TWO_SETS = walk(minutes=4, sets=(2.0, 2.0), speed=0.7)
# A pulse no treadmill relays (the virtual treadmill's own is 68 and up, by the belt's speed).
STRAP_BPM = 131


def _pulses(session: DeviceWalk) -> dict[int, int | None]:
    return {s.second: s.heart_rate for s in session.belt.session.report().samples}


def test_the_straps_pulse_is_in_every_sample_and_the_treadmills_own_is_not_used():
    session = DeviceWalk(TWO_SETS, strap=VirtualStrap(lambda: STRAP_BPM))

    record, report = session.run()

    pulses = [s.heart_rate for s in report.samples]
    assert record.minutes_walked == 4 and not report.partial
    assert len(pulses) > 250 and set(pulses[1:]) == {STRAP_BPM}
    assert report.strap == "retrowalk virtual strap" and report.strap_drops == []


def test_without_a_strap_the_samples_keep_the_pulse_the_treadmill_relays():
    session = DeviceWalk(TWO_SETS)

    _, report = session.run()

    pulses = {s.heart_rate for s in report.samples[1:]}
    assert pulses and all(p is not None and 68 <= p < 100 for p in pulses)
    assert report.strap is None


def test_a_strap_that_drops_leaves_those_seconds_without_a_pulse_and_the_walk_goes_on():
    strap = VirtualStrap(lambda: STRAP_BPM)
    session = DeviceWalk(TWO_SETS, strap=strap)
    session.at(60, strap.drop_link)
    session.at(90, strap.restore_link)

    record, report = session.run()

    pulses = _pulses(session)
    assert record.minutes_walked == 4 and not record.stopped_early and not report.partial
    assert all(pulses[second] is None for second in range(60, 90))
    assert all(pulses[second] == STRAP_BPM for second in range(95, 230))
    assert report.strap_drops == [59.5]
    assert report.alerts == []  # the treadmill's alerts only: a strap never stops the walk


def test_a_strap_that_never_comes_back_leaves_the_rest_of_the_walk_without_a_pulse():
    strap = VirtualStrap(lambda: STRAP_BPM)
    session = DeviceWalk(TWO_SETS, strap=strap)
    session.at(60, strap.drop_link)

    record, report = session.run()

    pulses = _pulses(session)
    assert record.minutes_walked == 4 and not report.partial
    assert {pulses[second] for second in range(60, len(pulses))} == {None}
    assert {speed for s in report.samples[60:230] if (speed := s.speed_mps)} != set()


def test_a_strap_out_of_reach_at_the_start_is_named_before_the_walk():
    strap = VirtualStrap(lambda: STRAP_BPM)
    strap.drop_link()

    with pytest.raises(DeviceError) as refused:
        DeviceWalk(TWO_SETS, strap=strap)

    assert "heart-rate strap cannot be used" in str(refused.value)
    assert "VIRTUAL-STRAP" in str(refused.value)


def test_the_screen_shows_the_straps_pulse_and_a_dash_while_it_is_away():
    strap = VirtualStrap(lambda: STRAP_BPM)
    session = DeviceWalk(TWO_SETS, strap=strap)
    session.at(60, strap.drop_link)
    seen: dict[str, str] = {}

    def look(name: str) -> None:
        seen[name] = _screen_text(session.desk.over(WALKING))

    session.clock.call_at(30.2, lambda: look("worn"))
    session.clock.call_at(70.2, lambda: look("away"))
    session.run()

    assert f"heart {STRAP_BPM} bpm" in seen["worn"]
    assert "heart —" in seen["away"]


WALKING = RunnerView(
    RunState.WALKING, 1, 2, 60.0, 30.0, Speed.mph(0.7), None, 0.0, True, HandSupport.BOTH,
    SpeedUnit.MPH, None, None, None,
)  # fmt: skip


def _screen_text(view: RunnerView) -> str:
    console = Console(record=True, width=110, color_system=None)
    console.print(render(view))
    return console.export_text()
