"""The API's manners with odd requests: short answers to huge bodies, 404 for ids that name
nothing, an `Allow` header listing every method an address takes, dates only as dates, and
minutes walked that measure something. Each refusal names the field and writes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from retrowalk.store.snapshot import read_snapshot
from tests.web.builders import onboard, walker_json


def _refused(response: Any, status: int, field: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    problem: dict[str, Any] = response.json()["detail"][0]
    assert problem["field"] == field
    return problem


def test_a_refusal_does_not_echo_a_huge_value_back(client: TestClient, wiring: Wiring) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)
    note = "knee " * 180_000  # 900 000 characters, under the 1 MiB body limit

    response = client.post(f"/api/walkers/{walker_id}/sessions", json={"notes": note})

    problem = _refused(response, 422, "notes")
    assert len(response.content) < 2_000
    assert "900000 characters" in problem["value"]
    assert len(problem["message"]) < 400
    assert read_snapshot(wiring.database.engine) == before


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("PATCH", "", {"pain_during": 1}),
        ("DELETE", "", None),
        ("POST", "/next-morning", {"pain": 1}),
    ],
)
def test_an_unknown_session_id_is_not_found(
    client: TestClient, wiring: Wiring, method: str, suffix: str, body: dict[str, Any] | None
) -> None:
    walker_id = onboard(client)
    client.post(f"/api/walkers/{walker_id}/sessions", json={"pain_during": 1})
    before = read_snapshot(wiring.database.engine)

    url = f"/api/walkers/{walker_id}/sessions/424242{suffix}"
    response = client.request(method, url, json=body)

    assert _refused(response, 404, "log_id")["value"] == 424242
    assert read_snapshot(wiring.database.engine) == before


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PUT", "/api/walkers/1/sessions", "GET, HEAD, POST"),
        ("PUT", "/api/walkers/1/sessions/5", "DELETE, PATCH"),
        ("DELETE", "/api/walkers/1/live", "GET, HEAD, POST"),
        ("DELETE", "/api/walkers/1", "GET, HEAD"),
    ],
)
def test_a_wrong_method_is_told_every_method_the_address_takes(
    sqlite_client: TestClient, method: str, path: str, allowed: str
) -> None:
    response = sqlite_client.request(method, path)

    problem = _refused(response, 405, "method")
    assert response.headers["allow"] == allowed
    assert allowed in problem["allowed"]


@pytest.mark.parametrize("given", [0, "0", "86400", 1.5e9, "9999-12-31", "1899-12-31", "4 Jan"])
def test_a_date_is_a_calendar_date_not_a_number(
    client: TestClient, wiring: Wiring, given: object
) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)

    logged = client.post(f"/api/walkers/{walker_id}/sessions", json={"date": given})
    listed = client.get(f"/api/walkers/{walker_id}/sessions", params={"since": str(given)})
    onboarded = client.post("/api/walkers", json=walker_json(start=given))

    assert _refused(logged, 422, "date")["value"] == given
    _refused(listed, 422, "since")
    _refused(onboarded, 422, "start")
    assert read_snapshot(wiring.database.engine) == before


def test_a_session_is_not_logged_before_the_plan_began(client: TestClient, wiring: Wiring) -> None:
    walker_id = onboard(client)  # screened on the test clock's day, 2027-01-04
    before = read_snapshot(wiring.database.engine)

    response = client.post(f"/api/walkers/{walker_id}/sessions", json={"date": "2027-01-01"})

    assert "2027-01-04" in _refused(response, 422, "date")["allowed"]
    assert read_snapshot(wiring.database.engine) == before


@pytest.mark.parametrize(
    ("minutes", "status"), [(0.001, 422), (0.0099, 422), (0, 201), (0.01, 201)]
)
def test_minutes_walked_are_none_or_measurable(
    client: TestClient, minutes: float, status: int
) -> None:
    walker_id = onboard(client)

    response = client.post(
        f"/api/walkers/{walker_id}/sessions", json={"done": False, "minutes_done": minutes}
    )

    assert response.status_code == status, response.text
    if status == 422:
        assert response.json()["detail"][0]["field"] == "minutes_done"
