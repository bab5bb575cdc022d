"""Going on after a STOP on the live page with a treadmill connected on the server side, through
the API as the page uses it, on the virtual treadmill: the treadmill is held through the STOP,
going on carries on with the same one, and the logged walk keeps the samples of the whole walk
(before and after the STOP, and the pause between), as the terminal's walk does."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from retrowalk.domain.treadmill_record import Sample
from retrowalk.web.app import create_app
from retrowalk.web.treadmills import TreadmillBelts
from tests.web.builders import check_in
from tests.web.client import OwnPage
from tests.web.test_api_treadmill import live_session, start
from tests.web.virtual import VirtualTreadmills

WALKED_BEFORE, AWAY, WALKED_AFTER = 20, 10, 40  # session seconds


def belt_runs(samples: list[Sample]) -> list[tuple[bool, int]]:
    """The record as runs of seconds with the belt moving or not: (moving, how many seconds)."""
    moving = [(s.speed_mps or 0.0) > 0 for s in samples]
    return [(key, len(list(run))) for key, run in groupby(moving)]


def _report(seq: int) -> dict[str, Any]:
    """What the page sends: walked 20 s, STOP by mistake, 10 s away, then 40 s more, STOP."""
    ended = WALKED_BEFORE + WALKED_AFTER
    return {
        "seq": seq,
        "ended_at_seconds": ended,
        "stopped": True,
        "pauses": [{"at_seconds": WALKED_BEFORE, "seconds": AWAY}],
        "went_on": [{"at_seconds": WALKED_BEFORE, "reason": "mistake"}],
        "check_in": check_in(),
    }


def walked_then_stopped(client: TestClient, virtual: VirtualTreadmills, seconds: float) -> int:
    """Start the live session, the walker's start, walk `seconds`, STOP; the walker."""
    walker_id, _ = live_session(client)
    start(client, walker_id)
    virtual.wait(session_seconds=seconds)
    client.delete(f"/api/walkers/{walker_id}/belt")
    return walker_id


def going_on(client: TestClient, walker_id: int, seq: int) -> Any:
    """The tap that goes on after a STOP: the live session again, going on."""
    return client.post(f"/api/walkers/{walker_id}/live", json={"seq": seq, "going_on": True})


def test_a_walk_gone_on_after_a_stop_is_logged_with_the_samples_of_the_whole_walk(
    wiring: Wiring,
) -> None:
    virtual = VirtualTreadmills()
    with OwnPage(create_app(wiring, belt=TreadmillBelts(virtual))) as client:
        walker_id = walked_then_stopped(client, virtual, WALKED_BEFORE)
        virtual.wait(session_seconds=AWAY)  # why, and "go on"
        seq = client.get(f"/api/walkers/{walker_id}/live").json()["seq"]
        again = going_on(client, walker_id, seq)
        assert again.status_code == 200, again.text
        start(client, walker_id)  # the walker's tap
        virtual.wait(session_seconds=WALKED_AFTER)
        client.delete(f"/api/walkers/{walker_id}/belt")
        logged = client.post(f"/api/walkers/{walker_id}/live-sessions", json=_report(seq))

    assert logged.status_code == 201, logged.text
    with wiring.uow() as uow:
        samples = uow.sessions.samples(logged.json()["session"]["id"])
    assert [s.second for s in samples] == list(range(len(samples)))
    assert len(samples) >= WALKED_BEFORE + AWAY + WALKED_AFTER
    runs = [moving for moving, _ in belt_runs(samples)]
    assert runs in ([True, False, True], [False, True, False, True])  # the start may lag a beat
    stood = [seconds for moving, seconds in belt_runs(samples) if not moving][-1]
    assert stood >= AWAY - 1
    distances = [s.distance_m for s in samples if s.distance_m is not None]
    assert distances == sorted(distances)  # one walk's distance: it never starts again at 0
    assert len(virtual.belts) == 1  # going on opened nothing new


def test_going_on_after_a_stop_carries_on_with_the_treadmill_held_and_only_the_tap_starts_it(
    wiring: Wiring,
) -> None:
    virtual = VirtualTreadmills()
    with OwnPage(create_app(wiring, belt=TreadmillBelts(virtual))) as client:
        walker_id = walked_then_stopped(client, virtual, 5)
        held = virtual.treadmill.connected and virtual.treadmill.console.control
        stopped = not virtual.running()
        seq = client.get(f"/api/walkers/{walker_id}/live").json()["seq"]
        again = going_on(client, walker_id, seq)
        news = client.get(f"/api/walkers/{walker_id}/belt").json()

    assert held and stopped
    assert again.json()["belt_follows"] is True
    assert (news["connected"], news["running"]) == (True, False)  # only the tap starts it
    assert len(virtual.belts) == 1
