"""Progress and today through the API, and one walker's data out of another account's reach."""

from __future__ import annotations

from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from retrowalk.services.onboard import onboard as onboard_service
from retrowalk.services.onboard import onboard_command
from retrowalk.store.snapshot import read_snapshot
from tests.web.builders import onboard, walker_json


def test_today_gives_the_dose_the_sets_and_the_reasons(client: TestClient) -> None:
    walker_id = onboard(client)

    body = client.get(f"/api/walkers/{walker_id}/today").json()

    assert body["session"]["is_today"] is True
    assert body["session"]["sets"] == [3.0]
    assert body["session"]["decision"]["reasons"]


def test_progress_has_a_point_for_a_logged_session(client: TestClient) -> None:
    walker_id = onboard(client)
    client.post(f"/api/walkers/{walker_id}/sessions", json={"minutes_done": 2.5})

    body = client.get(f"/api/walkers/{walker_id}/progress").json()

    assert [(p["on"], p["minutes"]) for p in body["points"]] == [("2027-01-04", 2.5)]
    assert body["weeks"][0]["sessions"] == 1


def test_a_period_whose_start_is_after_its_end_is_refused(client: TestClient) -> None:
    walker_id = onboard(client)

    response = client.get(
        f"/api/walkers/{walker_id}/progress", params={"since": "2027-02-01", "until": "2027-01-01"}
    )

    assert response.status_code == 422


def _other_walker(wiring: Wiring) -> int:
    data = walker_json() | {"account": "someone-else"}
    return onboard_service(onboard_command(data), wiring.uow(), wiring.clock).walker.id


def test_another_accounts_walker_is_not_found_and_nothing_is_written(
    client: TestClient, wiring: Wiring
) -> None:
    onboard(client)
    other = _other_walker(wiring)
    before = read_snapshot(wiring.database.engine)

    reads = [client.get(f"/api/walkers/{other}{path}") for path in ("", "/today", "/progress")]
    writes = [
        client.post(f"/api/walkers/{other}/sessions", json={}),
        client.post(f"/api/walkers/{other}/undo"),
        client.delete(f"/api/walkers/{other}/sessions/1"),
    ]

    assert [r.status_code for r in reads + writes] == [404] * 6
    assert read_snapshot(wiring.database.engine) == before


def test_an_id_too_large_for_the_database_is_refused_before_it(client: TestClient) -> None:
    response = client.get(f"/api/walkers/{2**63}/today")

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "walker_id"
