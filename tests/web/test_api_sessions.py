"""Logging by hand, history, edits, the next-morning pain, delete and undo, through the API."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from retrowalk.services.clock import FixedClock
from retrowalk.store.snapshot import read_snapshot
from tests.web.builders import onboard


def log(client: TestClient, walker_id: int, **entry: object) -> dict[str, Any]:
    response = client.post(f"/api/walkers/{walker_id}/sessions", json=entry)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_logging_a_session_plans_the_next_one_and_says_why(client: TestClient) -> None:
    walker_id = onboard(client)

    logged = log(client, walker_id, pain_during=1, rpe=4)

    assert logged["session"]["on"] == "2027-01-04"
    assert logged["next"]["on"] == "2027-01-06"
    assert logged["summary"].startswith("Saved. Next session, 2027-01-06:")
    assert logged["next"]["decision"]["reasons"]


def test_history_lists_the_logged_session_beside_its_prescription(client: TestClient) -> None:
    walker_id = onboard(client)
    log(client, walker_id, pain_during=3, notes="felt fine")

    items = client.get(f"/api/walkers/{walker_id}/sessions").json()

    assert len(items) == 1
    assert items[0]["entry"]["notes"] == "felt fine"
    assert items[0]["prescribed"]["dose"]["minutes"] == 3.0


def test_a_future_date_is_refused_naming_the_date_and_nothing_is_written(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)

    response = client.post(f"/api/walkers/{walker_id}/sessions", json={"date": "2027-02-01"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "date"
    assert read_snapshot(wiring.database.engine) == before


def test_an_edit_changes_only_the_fields_given(client: TestClient) -> None:
    walker_id = onboard(client)
    log_id = log(client, walker_id, pain_during=1, notes="kept")["session"]["id"]

    response = client.patch(f"/api/walkers/{walker_id}/sessions/{log_id}", json={"pain_during": 4})

    assert response.status_code == 200
    entry = response.json()["entry"]
    assert (entry["pain_during"], entry["notes"]) == (4, "kept")


def test_the_next_morning_pain_is_added_once_that_morning_has_come(
    client: TestClient, clock: FixedClock
) -> None:
    walker_id = onboard(client)
    log_id = log(client, walker_id)["session"]["id"]
    clock.current = datetime(2027, 1, 5, 8)

    response = client.post(
        f"/api/walkers/{walker_id}/sessions/{log_id}/next-morning", json={"pain": 2}
    )

    assert response.status_code == 200
    assert response.json()["entry"]["pain_next_morning"] == 2


def test_a_deleted_session_leaves_the_history_and_undo_brings_it_back(client: TestClient) -> None:
    walker_id = onboard(client)
    log_id = log(client, walker_id)["session"]["id"]

    deleted = client.delete(f"/api/walkers/{walker_id}/sessions/{log_id}")
    after_delete = client.get(f"/api/walkers/{walker_id}/sessions").json()
    undone = client.post(f"/api/walkers/{walker_id}/undo")

    assert deleted.json()["deleted"] is True
    assert after_delete == []
    assert undone.json()["deleted"] is False
    assert len(client.get(f"/api/walkers/{walker_id}/sessions").json()) == 1


def test_undo_with_nothing_to_undo_says_so(client: TestClient) -> None:
    walker_id = onboard(client)

    response = client.post(f"/api/walkers/{walker_id}/undo")

    assert response.status_code == 422
    assert response.json()["detail"][0]["allowed"] == "there is no edit or delete left to undo"


def test_a_nul_character_in_notes_is_refused_before_the_database(client: TestClient) -> None:
    walker_id = onboard(client)

    response = client.post(f"/api/walkers/{walker_id}/sessions", json={"notes": "a\u0000b"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "notes"


def test_a_speed_beyond_the_databases_range_is_refused_by_name_and_nothing_is_written(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)

    response = client.post(f"/api/walkers/{walker_id}/sessions", json={"speed_done_kmh": 11.0})

    assert response.status_code == 422
    problem = response.json()["detail"][0]
    assert problem["field"].endswith("speed_done_kmh") and problem["value"] == 11.0
    assert "less than or equal to 10" in problem["allowed"]
    assert read_snapshot(wiring.database.engine) == before
