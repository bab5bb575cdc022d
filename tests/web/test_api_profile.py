"""A change to the walker's knee or profile, a clinician's clearance, and their history, through
the JSON API."""

from __future__ import annotations

from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from retrowalk.store.snapshot import read_snapshot
from tests.web.builders import onboard


def test_swelling_stops_the_plan_and_its_going_re_plans_it(client: TestClient) -> None:
    walker_id = onboard(client)

    stopped = client.put(f"/api/walkers/{walker_id}/profile", json={"swelling": True})

    assert stopped.status_code == 200, stopped.text
    body = stopped.json()
    assert body["cleared_to_walk"] is False and body["next_session"] is None
    assert [f["code"] for f in body["flags"] if f["level"] == "red"] == ["knee_symptoms"]
    assert body["walker"]["swelling"] is True
    today = client.get(f"/api/walkers/{walker_id}/today").json()
    assert today["session"] is None and today["red_flags"][0]["code"] == "knee_symptoms"
    logged = client.post(f"/api/walkers/{walker_id}/sessions", json={"pain_during": 1})
    assert logged.status_code == 422

    resumed = client.put(f"/api/walkers/{walker_id}/profile", json={"swelling": False})

    assert resumed.json()["cleared_to_walk"] is True
    assert resumed.json()["next_session"]["decision"]["walk"] is True
    change = resumed.json()["change"]
    assert change["changes"] == [{"field": "swelling", "from": True, "to": False}]
    assert change["account"] == "local" and change["kind"] == "profile"


def test_a_clearance_is_kept_with_its_date_and_clinician(client: TestClient) -> None:
    not_cleared = {
        "condition": "post_acl",
        "surgery": {"kind": "acl", "date": "2026-09-01"},
        "cleared_by_clinician": False,
    }
    walker_id = onboard(client, walker=not_cleared)
    body = {"on": "2027-01-03", "clinician": "Dr Lee", "notes": "Graft fine."}

    response = client.post(f"/api/walkers/{walker_id}/clearance", json=body)

    assert response.status_code == 200, response.text
    assert response.json()["cleared_to_walk"] is True
    assert response.json()["next_session"] is not None
    [kept] = client.get(f"/api/walkers/{walker_id}/profile/changes").json()
    assert kept["kind"] == "clearance"
    assert kept["clearance"] == {"on": "2027-01-03", "clinician": "Dr Lee", "notes": "Graft fine."}
    assert {"field": "cleared_by_clinician", "from": False, "to": True} in kept["changes"]


def test_a_bad_change_names_every_field_and_nothing_is_written(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)

    response = client.put(
        f"/api/walkers/{walker_id}/profile", json={"rest_pain": 11, "age": "70", "colour": "red"}
    )

    assert response.status_code == 422
    problems = {p["field"]: p for p in response.json()["detail"]}
    assert set(problems) == {"rest_pain", "age", "colour"}
    assert problems["rest_pain"]["value"] == 11
    assert read_snapshot(wiring.database.engine) == before


def test_a_rule_between_answers_is_a_422_naming_the_field(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)

    response = client.put(f"/api/walkers/{walker_id}/profile", json={"condition": "post_tkr"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "surgery"
    assert read_snapshot(wiring.database.engine) == before


def test_a_clearance_dated_tomorrow_is_refused(client: TestClient, wiring: Wiring) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)

    response = client.post(f"/api/walkers/{walker_id}/clearance", json={"on": "2027-01-05"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "on"
    assert read_snapshot(wiring.database.engine) == before


def test_another_walkers_profile_is_not_found_and_unchanged(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)

    changed = client.put(f"/api/walkers/{walker_id + 1}/profile", json={"swelling": True})
    cleared = client.post(f"/api/walkers/{walker_id + 1}/clearance", json={})
    history = client.get(f"/api/walkers/{walker_id + 1}/profile/changes")

    assert [r.status_code for r in (changed, cleared, history)] == [404, 404, 404]
    assert read_snapshot(wiring.database.engine) == before


def test_the_openapi_document_names_the_profile_bodies(client: TestClient) -> None:
    document = client.get("/api/openapi.json").json()

    put = document["paths"]["/api/walkers/{walker_id}/profile"]["put"]
    schema = put["requestBody"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/ProfileChange"}
    assert "/api/walkers/{walker_id}/clearance" in document["paths"]
