"""The live session through the API: the server-built timeline and logging the walk it plays."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from retrowalk.coach.belt import BeltSetting
from retrowalk.domain.cues import CATALOGUE, Cue
from retrowalk.services.clock import FixedClock
from retrowalk.store.snapshot import read_snapshot
from retrowalk.web.app import create_app
from tests.web.builders import check_in, onboard
from tests.web.client import OwnPage


def timeline(client: TestClient, walker_id: int, **query: str | int) -> dict[str, Any]:
    response = client.get(f"/api/walkers/{walker_id}/live", params=query)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def report(seq: int = 0, **changes: object) -> dict[str, Any]:
    return {"seq": seq, "ended_at_seconds": 180, "stopped": False, "check_in": check_in()} | changes


def test_the_timeline_opens_with_the_checklist_that_waits_for_the_walker(
    client: TestClient,
) -> None:
    walker_id = onboard(client)

    events = timeline(client, walker_id)["events"]

    assert events[0]["kind"] == "checklist"
    assert events[0]["waits"] is True
    assert events[0]["details"][0] == CATALOGUE[Cue.CLIP_ON][1]
    assert events[-1]["kind"] == "check_in"


def test_without_a_connected_treadmill_each_set_start_waits_for_the_walker(
    client: TestClient,
) -> None:
    walker_id = onboard(client)

    starts = [e for e in timeline(client, walker_id)["events"] if e["kind"] == "set_start"]

    assert starts and all(e["waits"] for e in starts)
    assert starts[0]["prompt"] == "Start the belt at 0.5 mph, then tap Go on once you are walking."


def test_speeds_are_said_in_the_units_asked_for(client: TestClient) -> None:
    walker_id = onboard(client)

    body = timeline(client, walker_id, units="metric", time_scale=60)

    assert body["unit"] == "km/h"
    assert body["time_scale"] == 60
    assert "0.8 km/h" in next(e["text"] for e in body["events"] if e["kind"] == "set_start")


def test_a_walk_stopped_early_is_logged_with_the_minutes_walked(client: TestClient) -> None:
    walker_id = onboard(client)

    response = client.post(
        f"/api/walkers/{walker_id}/live-sessions",
        json=report(ended_at_seconds=90, stopped=True, pauses=[{"at_seconds": 30, "seconds": 12}]),
    )

    assert response.status_code == 201
    entry = response.json()["session"]["entry"]
    assert (entry["minutes_done"], entry["source"], entry["hands_used"]) == (1.5, "live", "both")
    assert response.json()["next"]["decision"]["kind"] == "hold"


def test_a_walk_that_ends_before_its_end_without_stop_is_refused(client: TestClient) -> None:
    walker_id = onboard(client)

    response = client.post(
        f"/api/walkers/{walker_id}/live-sessions", json=report(ended_at_seconds=90)
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "stopped"


def test_the_same_walk_reported_again_is_a_conflict_and_writes_nothing(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    client.post(f"/api/walkers/{walker_id}/live-sessions", json=report())
    before = read_snapshot(wiring.database.engine)

    again = client.post(f"/api/walkers/{walker_id}/live-sessions", json=report())

    assert again.status_code == 409
    problem = again.json()["detail"][0]
    assert (problem["field"], problem["value"]) == ("seq", 0)
    assert "session 0 is logged already; the session to log now is number 1" in problem["allowed"]
    assert read_snapshot(wiring.database.engine) == before


def test_starting_a_walk_logged_already_is_a_conflict(client: TestClient) -> None:
    walker_id = onboard(client)
    client.post(f"/api/walkers/{walker_id}/live-sessions", json=report())

    response = client.post(f"/api/walkers/{walker_id}/live", json={"seq": 0})

    assert response.status_code == 409
    assert "session 0 is logged already" in response.json()["detail"][0]["allowed"]


def test_a_report_of_a_session_not_planned_yet_is_refused_naming_seq(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)

    response = client.post(f"/api/walkers/{walker_id}/live-sessions", json=report(seq=3))

    assert response.status_code == 422
    problem = response.json()["detail"][0]
    assert (problem["field"], problem["value"]) == ("seq", 3)
    assert "the session to log now is number 0" in problem["allowed"]
    assert read_snapshot(wiring.database.engine) == before


def test_a_check_in_mistake_names_its_field_and_nothing_is_written(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)

    response = client.post(
        f"/api/walkers/{walker_id}/live-sessions", json=report(check_in=check_in(pain_during=12))
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "check_in.pain_during"
    assert read_snapshot(wiring.database.engine) == before


def test_on_a_rest_day_there_is_no_timeline_to_play(client: TestClient, clock: FixedClock) -> None:
    walker_id = onboard(client)
    client.post(f"/api/walkers/{walker_id}/live-sessions", json=report())
    clock.current = datetime(2027, 1, 5, 9)

    response = client.get(f"/api/walkers/{walker_id}/live")

    assert response.status_code == 422
    assert "2027-01-06" in response.json()["detail"][0]["allowed"]


class FollowingBelt:
    """A treadmill that applies every setting itself (the seam a connected FTMS fills)."""

    def __init__(self) -> None:
        self.settings: list[BeltSetting] = []

    @property
    def walker_confirms(self) -> bool:
        return False

    def apply(self, setting: BeltSetting) -> bool:
        self.settings.append(setting)
        return True


def test_with_a_treadmill_that_follows_the_belt_is_set_and_nobody_waits(wiring: Wiring) -> None:
    belt = FollowingBelt()
    with OwnPage(create_app(wiring, belt=belt)) as client:
        walker_id = onboard(client)
        starts = [e for e in timeline(client, walker_id)["events"] if e["kind"] == "set_start"]
        response = client.put(
            f"/api/walkers/{walker_id}/belt", json={"moving": True, "speed_mph": 0.5}
        )

    assert not any(e["waits"] for e in starts)
    assert response.json() == {"applied": True, "follows": True}
    assert belt.settings[0].speed is not None and belt.settings[0].speed.value == 0.5


def test_a_belt_speed_above_todays_limit_never_reaches_the_treadmill(wiring: Wiring) -> None:
    belt = FollowingBelt()
    with OwnPage(create_app(wiring, belt=belt)) as client:
        walker_id = onboard(client)
        response = client.put(
            f"/api/walkers/{walker_id}/belt", json={"moving": True, "speed_mph": 9.0}
        )

    assert response.status_code == 409
    assert belt.settings == []


def test_without_a_treadmill_a_belt_setting_is_left_to_the_walker(client: TestClient) -> None:
    walker_id = onboard(client)

    response = client.put(f"/api/walkers/{walker_id}/belt", json={"moving": False})

    assert response.json() == {"applied": False, "follows": False}
