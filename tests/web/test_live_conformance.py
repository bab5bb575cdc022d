"""One walk, two runners: the same scripted walk played by the coach's Python runner and reported
as the live page's own runner reports it (static/live.js: where session time ended, STOP, the
pauses, the confirmed speed step, the stops it went on from) gives the same walk record, and the
same logged session (issue 13).

A script is in session seconds; the walker presses Enter at every prompt at once, so before the
first pause the clock and session time agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from retrowalk.coach.belt import HandSetBelt
from retrowalk.coach.clock import SimulatedClock
from retrowalk.coach.completed import CompletedSession
from retrowalk.coach.inbox import WalkerCommand
from retrowalk.coach.record import Pause, WalkRecord, WentOn
from retrowalk.coach.reported import Answers, WalkReport, walk_record
from retrowalk.coach.session import runner_for
from retrowalk.coach.timeline import EventKind, Timeline
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.stop_reason import StopReason
from retrowalk.services.live_walk import live_walk
from tests.coach.builders import ObedientWalker, ScriptedCheckIn, walk
from tests.devices.harness import DeviceWalk
from tests.web.builders import check_in, onboard
from tests.web.test_going_on_with_a_treadmill import belt_runs

# A walk with a step up inside the first set (last session 0.5 mph, today 0.6 mph).
STEPPING_UP = walk(minutes=10.0, sets=(5.0, 5.0), speed=0.6, previous=0.5)
ANSWERS = Answers(2, False, 4, None, False, "")
GONE_ON_AFTER = 15.0  # seconds the walker stood after a STOP by mistake before going on


@dataclass(frozen=True)
class Script:
    """Pause at `pause_at` for `pause_for` seconds; press STOP at `stop_at` (None: never); after
    the STOP, go on (by mistake) instead of ending the walk. `pause_at` and `stop_at` are
    fractions of the walk from the first set's start to the end, so a script fits any walk."""

    pause_at: float | None = None
    pause_for: float = 0.0
    stop_at: float | None = None
    goes_on: bool = False


SCRIPTS = {
    "walked to the end": Script(),
    "paused": Script(pause_at=0.3, pause_for=25),
    "paused, then stopped": Script(pause_at=0.15, pause_for=10, stop_at=0.8),
    "stopped by mistake and went on": Script(stop_at=0.6, goes_on=True),
}


def _first_set_start(timeline: Timeline) -> float:
    return next(e.at for e in timeline.events if e.kind is EventKind.SET_START)


def _second(timeline: Timeline, fraction: float) -> float:
    """The whole session second `fraction` of the way from the first set's start to the end."""
    start = _first_set_start(timeline)
    return float(round(start + fraction * (timeline.end - start)))


def python_runner(today: TodaysWalk, script: Script) -> WalkRecord:
    """The coach's runner on a simulated clock, the walker pressing what the script says."""
    clock, walker = SimulatedClock(), ObedientWalker()
    runner = runner_for(today, clock, walker, HandSetBelt(confirm=True))
    walker.inbox = runner.inbox
    paused = 0.0
    if script.pause_at is not None:
        at = _second(runner.timeline, script.pause_at)
        clock.call_at(at, lambda: runner.inbox.post(WalkerCommand.TOGGLE_PAUSE))
        clock.call_at(at + script.pause_for, lambda: runner.inbox.post(WalkerCommand.TOGGLE_PAUSE))
        paused = script.pause_for
    if script.stop_at is not None:
        at = _second(runner.timeline, script.stop_at) + paused
        clock.call_at(at, lambda: runner.inbox.post(WalkerCommand.STOP))
    record = runner.run()
    if script.goes_on:
        clock.sleep_until(clock.now() + GONE_ON_AFTER)
        runner.resume(StopReason.MISTAKE)
        record = runner.run()
    return record


def page_report(timeline: Timeline, script: Script, seq: int = 0) -> dict[str, Any]:
    """The report live.js sends at the end of the same script, as JSON."""
    pauses, went_on = [], []
    if script.pause_at is not None:
        pauses.append(
            {"at_seconds": _second(timeline, script.pause_at), "seconds": script.pause_for}
        )
    ended, stopped = timeline.end, False
    if script.stop_at is not None and not script.goes_on:
        ended, stopped = _second(timeline, script.stop_at), True
    if script.goes_on and script.stop_at is not None:
        at = _second(timeline, script.stop_at)
        pauses.append({"at_seconds": at, "seconds": GONE_ON_AFTER})
        went_on.append({"at_seconds": at, "reason": StopReason.MISTAKE.value})
    step = next((e.at for e in timeline.events if e.kind is EventKind.SPEED_STEP), None)
    return {
        "seq": seq,
        "ended_at_seconds": ended,
        "stopped": stopped,
        "pauses": pauses,
        "went_on": went_on,
        "step_confirmed_at_seconds": step if step is not None and step <= ended else None,
        "check_in": check_in(),
    }


def as_report(body: dict[str, Any]) -> WalkReport:
    """The page's JSON as the service reads it (web/api/live.py)."""
    return WalkReport(
        seq=body["seq"],
        ended_at=body["ended_at_seconds"],
        stopped=body["stopped"],
        pauses=tuple(Pause(p["at_seconds"], p["seconds"]) for p in body["pauses"]),
        step_confirmed_at=body["step_confirmed_at_seconds"],
        answers=ANSWERS,
        went_on=tuple(WentOn(w["at_seconds"], StopReason(w["reason"])) for w in body["went_on"]),
    )


@pytest.mark.parametrize("script", SCRIPTS.values(), ids=SCRIPTS.keys())
def test_the_python_runner_and_the_pages_report_give_the_same_walk_record(
    script: Script,
) -> None:
    played = python_runner(STEPPING_UP, script)

    reported = walk_record(played.timeline, as_report(page_report(played.timeline, script)))

    assert reported == played
    hands = STEPPING_UP.dose.hands
    ours = CompletedSession(STEPPING_UP, played, ANSWERS.check_in(hands)).log_entry()
    theirs = CompletedSession(STEPPING_UP, reported, ANSWERS.check_in(hands)).log_entry()
    assert theirs == ours


def test_the_script_really_steps_up_pauses_stops_and_goes_on() -> None:
    """The scripts reach what they are about, so the comparison above compares something."""
    records = {name: python_runner(STEPPING_UP, script) for name, script in SCRIPTS.items()}

    step_up = [(c.old.value, c.new.value) for c in records["walked to the end"].speed_changes]
    assert step_up == [(0.5, 0.6)]
    assert [p.seconds for p in records["paused"].pauses] == [25]
    assert records["paused, then stopped"].stopped_early
    gone_on = records["stopped by mistake and went on"]
    assert [w.reason for w in gone_on.went_on] == [StopReason.MISTAKE]
    assert not gone_on.stopped_early and gone_on.ended_at == gone_on.timeline.end


@pytest.mark.parametrize("script", SCRIPTS.values(), ids=SCRIPTS.keys())
def test_the_page_logs_the_walk_the_python_runner_would_have_logged(
    client: TestClient, wiring: Wiring, script: Script
) -> None:
    walker_id = onboard(client)
    with wiring.uow() as uow:
        walker = uow.walkers.get(walker_id)
    assert walker is not None
    live = live_walk(walker, wiring.uow, wiring.clock, walker.profile.units.speed_unit)
    played = python_runner(live.walk, script)
    ours = CompletedSession(live.walk, played, ANSWERS.check_in(live.walk.dose.hands)).log_entry()

    response = client.post(
        f"/api/walkers/{walker_id}/live-sessions", json=page_report(live.timeline, script)
    )

    assert response.status_code == 201, response.text
    entry = response.json()["session"]["entry"]
    logged = {key: entry[key] for key in ("done", "minutes_done", "notes", "stop_reason")}
    assert logged == {key: ours[key] for key in logged}
    assert entry["speed_done"]["mph"] == ours["speed_done_mph"]


def test_on_a_treadmill_a_walk_gone_on_after_a_stop_is_one_record_from_either_runner() -> None:
    """The terminal's walk on the virtual treadmill (STOP by mistake at 1:00, back 20 s later,
    going on) and the page's report of the same walk give the same walk record; the treadmill's
    record is one, with the pause between its two walked parts, as the page's now is
    (tests/web/test_going_on_with_a_treadmill.py)."""
    today = walk(minutes=4, sets=(2.0, 2.0), speed=0.7)
    session = DeviceWalk(today)  # the walker presses Enter at every prompt at once
    away = ScriptedCheckIn(session.clock, [StopReason.MISTAKE], [True], away=GONE_ON_AFTER)
    session.press(60, WalkerCommand.STOP)
    played, device = session.run(then_seconds=0, check_in=away)
    page = {
        "seq": 0,
        "ended_at_seconds": played.timeline.end,
        "stopped": False,
        "pauses": [{"at_seconds": 60, "seconds": GONE_ON_AFTER}],
        "went_on": [{"at_seconds": 60, "reason": StopReason.MISTAKE.value}],
        "step_confirmed_at_seconds": None,
        "check_in": check_in(),
    }

    reported = walk_record(played.timeline, as_report(page))

    assert reported == played
    runs = belt_runs(device.samples)
    assert [moving for moving, _ in runs][:3] == [True, False, True]
    assert runs[1][1] >= GONE_ON_AFTER - 3  # the pause, less the belt slowing down
