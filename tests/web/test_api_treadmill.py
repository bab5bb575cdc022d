"""The live session's belt on the virtual treadmill, through the API as the live page uses it
(`retrowalk serve --device virtual --control`): the treadmill opens when the live session
starts, only the walker's start starts the belt, settings reach the belt within today's dose,
STOP stops it, and the logged walk keeps the treadmill's samples."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring, bootstrap
from retrowalk.coach.walk import TodaysWalk
from retrowalk.devices.ftms_control import OpCode
from retrowalk.devices.held_walk import Opener
from retrowalk.devices.walk_treadmill import WalkTreadmill
from retrowalk.domain.errors import DeviceError
from retrowalk.services.clock import FixedClock
from retrowalk.services.records import MphVerdict
from retrowalk.web.app import create_app
from retrowalk.web.treadmills import TreadmillBelts
from tests.db import fresh_database_url
from tests.web.builders import check_in, onboard
from tests.web.client import OwnPage
from tests.web.conftest import settings_for
from tests.web.virtual import VirtualTreadmills, eventually

HALF_MPH_KMH = 0.80  # the virtual treadmill's slowest speed, on the walker's 0.1 mph grid
HALF_MPH = {"moving": True, "speed_mph": 0.5}


@pytest.fixture(name="virtual")
def virtual_fixture() -> VirtualTreadmills:
    return VirtualTreadmills()


@contextmanager
def app_on_sqlite(
    request: pytest.FixtureRequest, clock: FixedClock, tmp_path: Path, opener: Opener
) -> Iterator[TestClient]:
    url = fresh_database_url("sqlite", request, tmp_path)
    wired = bootstrap(settings_for(url, tmp_path), clock=clock)
    try:
        with OwnPage(create_app(wired, belt=TreadmillBelts(opener))) as client:
            yield client
    finally:
        wired.close()


@pytest.fixture(name="device_client")
def device_client_fixture(
    request: pytest.FixtureRequest, clock: FixedClock, tmp_path: Path, virtual: VirtualTreadmills
) -> Iterator[TestClient]:
    """The app on SQLite with the virtual treadmill under control (the belt follows)."""
    with app_on_sqlite(request, clock, tmp_path, virtual) as client:
        yield client


def live_session(client: TestClient) -> tuple[int, dict[str, Any]]:
    """Onboard, then start today's live session as the page does on the walker's first tap:
    the timeline it plays (a read), then the start (the treadmill opens)."""
    walker_id = onboard(client)
    seq = client.get(f"/api/walkers/{walker_id}/live").json()["seq"]
    response = client.post(f"/api/walkers/{walker_id}/live", json={"seq": seq})
    assert response.status_code == 200, response.text
    timeline: dict[str, Any] = response.json()
    return walker_id, timeline


def start(client: TestClient, walker_id: int, setting: dict[str, Any] = HALF_MPH) -> Any:
    return client.post(f"/api/walkers/{walker_id}/belt/start", json=setting)


def walking(client: TestClient, virtual: VirtualTreadmills) -> int:
    walker_id, _ = live_session(client)
    assert start(client, walker_id).json()["going"] is True
    eventually(lambda: virtual.belt_kmh() == HALF_MPH_KMH, "the belt runs at 0.5 mph")
    return walker_id


def test_the_live_session_opens_the_treadmill_and_each_set_start_waits_for_the_walkers_start(
    device_client: TestClient, virtual: VirtualTreadmills
) -> None:
    _, timeline = live_session(device_client)

    start_event = next(e for e in timeline["events"] if e["kind"] == "set_start")
    assert (timeline["belt_follows"], timeline["belt_waits_for_start"]) == (True, True)
    assert timeline["treadmill"] == "retrowalk virtual treadmill"
    assert start_event["waits"] is True
    assert start_event["prompt"] == "Tap Start the belt to start it at 0.5 mph."
    assert virtual.treadmill.connected and virtual.treadmill.console.control
    assert not virtual.running()


def test_a_setting_alone_never_starts_the_belt_however_long_it_waits(
    device_client: TestClient, virtual: VirtualTreadmills
) -> None:
    walker_id, _ = live_session(device_client)

    answer = device_client.put(f"/api/walkers/{walker_id}/belt", json=HALF_MPH)
    virtual.wait(session_seconds=30)

    assert answer.json() == {"applied": False, "follows": True}
    assert not virtual.running()
    assert virtual.sent(OpCode.START_OR_RESUME) == []


def test_the_walkers_start_starts_the_belt_once_at_todays_speed(
    device_client: TestClient, virtual: VirtualTreadmills
) -> None:
    walker_id, _ = live_session(device_client)

    answer = start(device_client, walker_id)

    assert answer.json() == {"going": True, "mode": "walker_starts"}
    eventually(lambda: virtual.belt_kmh() == HALF_MPH_KMH, "the belt runs at 0.5 mph")
    assert len(virtual.sent(OpCode.START_OR_RESUME)) == 1


def test_a_speed_step_reaches_the_virtual_belt(
    device_client: TestClient, virtual: VirtualTreadmills
) -> None:
    walker_id = walking(device_client, virtual)

    step = device_client.put(f"/api/walkers/{walker_id}/belt", json={**HALF_MPH, "speed_mph": 0.8})

    assert step.json() == {"applied": True, "follows": True}
    eventually(lambda: virtual.belt_kmh() == 1.28, "the belt steps up to 0.8 mph (1.28 km/h)")
    news = device_client.get(f"/api/walkers/{walker_id}/belt").json()
    assert (news["connected"], news["running"], news["speed_text"]) == (True, True, "0.8 mph")


def test_stop_on_the_page_stops_the_belt_at_once_and_the_treadmill_goes_once_the_walk_is_logged(
    device_client: TestClient, virtual: VirtualTreadmills
) -> None:
    walker_id, timeline = live_session(device_client)
    start(device_client, walker_id)
    eventually(lambda: virtual.belt_kmh() == HALF_MPH_KMH, "the belt runs at 0.5 mph")

    answer = device_client.delete(f"/api/walkers/{walker_id}/belt")
    held = virtual.treadmill.connected  # the walk may go on after a STOP
    log_stopped_walk(device_client, walker_id, timeline)

    assert answer.status_code == 204
    assert not virtual.running()
    assert virtual.treadmill.received[-1][1].op_code is OpCode.STOP_OR_PAUSE
    assert held and not virtual.treadmill.connected


def test_a_setting_above_todays_dose_is_refused_and_never_reaches_the_treadmill(
    device_client: TestClient, virtual: VirtualTreadmills
) -> None:
    walker_id = walking(device_client, virtual)
    too_fast = {"moving": True, "speed_mph": 9.0}

    refused = device_client.put(f"/api/walkers/{walker_id}/belt", json=too_fast)
    refused_start = start(device_client, walker_id, too_fast)
    virtual.wait(session_seconds=10)

    assert (refused.status_code, refused_start.status_code) == (409, 409)
    assert "above today's limit" in refused.json()["detail"][0]["allowed"]
    assert all(kmh <= HALF_MPH_KMH for kmh in virtual.speeds_sent())
    assert virtual.belt_kmh() == HALF_MPH_KMH


def test_a_pause_stops_the_belt_and_only_the_walkers_tap_starts_it_again(
    device_client: TestClient, virtual: VirtualTreadmills
) -> None:
    walker_id = walking(device_client, virtual)

    paused = device_client.put(f"/api/walkers/{walker_id}/belt", json={"moving": False})
    stood = not virtual.running()
    went_on = start(device_client, walker_id)

    assert paused.json() == {"applied": True, "follows": True} and stood
    assert went_on.json()["going"] is True
    eventually(lambda: virtual.belt_kmh() == HALF_MPH_KMH, "the belt runs again")
    assert len(virtual.sent(OpCode.START_OR_RESUME)) == 2


def test_a_lost_link_reaches_the_page_as_an_alert_that_ends_the_walk(
    device_client: TestClient, virtual: VirtualTreadmills
) -> None:
    walker_id = walking(device_client, virtual)

    virtual.on_its_thread(virtual.treadmill.drop_link)
    news = device_client.get(f"/api/walkers/{walker_id}/belt", params={"since": 0}).json()
    later = device_client.get(f"/api/walkers/{walker_id}/belt", params={"since": 1}).json()

    assert [(a["number"], a["alert"], a["ends_walk"]) for a in news["alerts"]] == [
        (1, "link_lost", True)
    ]
    assert "Use the safety key" in news["alerts"][0]["text"]
    assert "Use the safety key" in (news["urgent"] or "")
    assert (news["connected"], later["alerts"], later["urgent"]) == (False, [], news["urgent"])


def test_the_app_stops_every_belt_when_it_shuts_down(
    clock: FixedClock, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    virtual = VirtualTreadmills()
    with app_on_sqlite(request, clock, tmp_path, virtual) as client:
        walking(client, virtual)

    assert not virtual.running() and not virtual.treadmill.connected


@contextmanager
def unreachable(walk: TodaysWalk) -> Iterator[WalkTreadmill]:
    raise DeviceError("no Bluetooth adapter found")
    yield  # never reached: a context manager that fails on entry


def test_a_treadmill_that_cannot_be_opened_answers_the_start_with_a_503_naming_it(
    clock: FixedClock, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with app_on_sqlite(request, clock, tmp_path, unreachable) as client:
        walker_id = onboard(client)
        page = client.get("/live")
        seq = client.get(f"/api/walkers/{walker_id}/live").json()["seq"]
        started = client.post(f"/api/walkers/{walker_id}/live", json={"seq": seq})

    assert (page.status_code, started.status_code) == (200, 503)
    problem = started.json()["detail"][0]
    assert problem["field"] == "treadmill" and "no Bluetooth adapter" in problem["allowed"]


def test_a_read_only_treadmill_leaves_the_belt_to_the_walker_and_still_keeps_its_samples(
    clock: FixedClock, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    virtual = VirtualTreadmills(control=False)
    with app_on_sqlite(request, clock, tmp_path, virtual) as client:
        walker_id, timeline = live_session(client)
        going = start(client, walker_id).json()
        virtual.wait(session_seconds=5)
        logged = log_stopped_walk(client, walker_id, timeline)

    assert (timeline["belt_follows"], timeline["treadmill"]) == (
        False,
        "retrowalk virtual treadmill",
    )
    assert going == {"going": True, "mode": "by_hand"}
    assert virtual.sent(OpCode.START_OR_RESUME) == [] and not virtual.running()
    assert logged["session"]["entry"]["source"] == "device"


def log_stopped_walk(client: TestClient, walker_id: int, timeline: dict[str, Any]) -> Any:
    body = {"seq": timeline["seq"], "ended_at_seconds": 60, "stopped": True, "check_in": check_in()}
    response = client.post(f"/api/walkers/{walker_id}/live-sessions", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def test_the_logged_walk_keeps_the_treadmills_samples_as_a_device_session(
    wiring: Wiring, virtual: VirtualTreadmills
) -> None:
    with OwnPage(create_app(wiring, belt=TreadmillBelts(virtual))) as client:
        walker_id, timeline = live_session(client)
        start(client, walker_id)
        virtual.wait(session_seconds=20)
        client.delete(f"/api/walkers/{walker_id}/belt")
        logged = log_stopped_walk(client, walker_id, timeline)

    log_id = logged["session"]["id"]
    with wiring.uow() as uow:
        samples = uow.sessions.samples(log_id)
    assert logged["session"]["entry"]["source"] == "device"
    assert len(samples) >= 20 and [s.second for s in samples] == list(range(len(samples)))
    assert max(s.speed_mps or 0.0 for s in samples) == pytest.approx(HALF_MPH_KMH / 3.6, abs=0.01)


def test_a_treadmill_found_to_take_mph_for_km_h_is_remembered_with_the_equipment(
    clock: FixedClock, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    quirky = "virtual:mph_for_kmh"
    virtual = VirtualTreadmills(device=quirky)
    with app_on_sqlite(request, clock, tmp_path, virtual) as client:
        walker_id, timeline = live_session(client)
        start(client, walker_id)
        report = virtual.belt.session.controller.report
        eventually(lambda: report.mph_quirk is not None, "reading the belt back found its unit")
        client.delete(f"/api/walkers/{walker_id}/belt")
        log_stopped_walk(client, walker_id, timeline)
        wired: Wiring = client.app.state.wiring  # type: ignore[attr-defined]
        with wired.uow() as uow:
            kept = uow.walkers.get(walker_id)

    assert virtual.belt.session.controller.report.mph_quirk is True
    assert kept is not None and kept.mph_verdict == MphVerdict(quirky, mph_quirk=True)


def test_with_a_strap_the_news_carries_the_pulse_and_the_samples_keep_it(
    wiring: Wiring,
) -> None:
    virtual = VirtualTreadmills(strap="virtual")
    with OwnPage(create_app(wiring, belt=TreadmillBelts(virtual))) as client:
        walker_id, timeline = live_session(client)
        before = client.get(f"/api/walkers/{walker_id}/belt").json()
        start(client, walker_id)
        virtual.wait(session_seconds=20)
        news = client.get(f"/api/walkers/{walker_id}/belt").json()
        client.delete(f"/api/walkers/{walker_id}/belt")
        logged = log_stopped_walk(client, walker_id, timeline)

    assert before["pulse"] is True
    assert news["pulse"] is True and 40 <= news["heart_rate"] <= 200
    with wiring.uow() as uow:
        samples = uow.sessions.samples(logged["session"]["id"])
    assert any(s.heart_rate is not None for s in samples)


def test_without_a_strap_the_pulse_shown_is_the_one_the_treadmill_relays(
    wiring: Wiring, virtual: VirtualTreadmills
) -> None:
    """The virtual console sends a pulse in its data (as hand-grip treadmills do): with no strap,
    that is the pulse shown, once the treadmill has reported. (Asking before its first report
    raced the console's first tick.)"""
    with OwnPage(create_app(wiring, belt=TreadmillBelts(virtual))) as client:
        walker_id, _ = live_session(client)
        start(client, walker_id)
        virtual.wait(session_seconds=20)
        news = client.get(f"/api/walkers/{walker_id}/belt").json()
        client.delete(f"/api/walkers/{walker_id}/belt")

    assert news["pulse"] is True and 40 <= news["heart_rate"] <= 200
