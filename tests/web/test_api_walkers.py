"""Onboarding and the walker's profile through the JSON API."""

from __future__ import annotations

from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from retrowalk.store.snapshot import read_snapshot
from tests.store.builders import KMH_TREADMILL
from tests.web.builders import onboard, walker_json


def test_onboarding_screens_the_walker_and_plans_the_first_session(client: TestClient) -> None:
    response = client.post("/api/walkers", json=walker_json())

    assert response.status_code == 201
    body = response.json()
    assert body["cleared_to_start"] is True
    assert body["first_session"]["on"] == "2027-01-04"
    assert body["first_session"]["decision"]["dose"]["speed"] == {"mph": 0.5, "kmh": 0.8}


def test_a_red_flag_stores_the_walker_without_a_plan_and_says_why(client: TestClient) -> None:
    not_cleared = {"condition": "post_tkr", "surgery": {"kind": "tkr", "date": "2026-10-12"}}
    body = walker_json(walker={**not_cleared, "cleared_by_clinician": False})

    response = client.post("/api/walkers", json=body)

    assert response.status_code == 201
    assert response.json()["cleared_to_start"] is False
    assert response.json()["first_session"] is None
    assert [f["level"] for f in response.json()["walker"]["flags"]] == ["red"]


def test_the_walker_of_the_local_account_is_found_without_a_login(client: TestClient) -> None:
    walker_id = onboard(client)

    assert client.get("/api/walker").json()["id"] == walker_id
    assert client.get(f"/api/walkers/{walker_id}").json()["condition"] == "knee_oa"


def test_before_onboarding_the_walker_is_not_found(client: TestClient) -> None:
    response = client.get("/api/walker")

    assert response.status_code == 404
    assert response.json()["detail"][0]["field"] == "walker"


def test_every_mistake_in_an_onboarding_body_is_named_and_nothing_is_written(
    client: TestClient, wiring: Wiring
) -> None:
    before = read_snapshot(wiring.database.engine)
    body = walker_json(walker={"age": "67", "rest_pain": 11})

    response = client.post("/api/walkers", json=body)

    assert response.status_code == 422
    problems = {p["field"]: p for p in response.json()["detail"]}
    assert set(problems) == {"walker.age", "walker.rest_pain"}
    assert problems["walker.rest_pain"]["value"] == 11
    assert "less than or equal to 10" in problems["walker.rest_pain"]["allowed"]
    assert read_snapshot(wiring.database.engine) == before


def test_a_body_that_is_not_json_is_refused_with_a_problem_not_a_crash(client: TestClient) -> None:
    response = client.post(
        "/api/walkers", content=b"{not json", headers={"content-type": "application/json"}
    )

    assert response.status_code == 422
    assert "not valid JSON" in response.json()["detail"][0]["allowed"]


def test_a_second_onboarding_of_the_same_account_is_refused(client: TestClient) -> None:
    onboard(client)

    response = client.post("/api/walkers", json=walker_json())

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "account"


def test_the_openapi_document_describes_the_onboarding_body_with_the_services_model(
    client: TestClient,
) -> None:
    document = client.get("/api/openapi.json").json()

    body = document["paths"]["/api/walkers"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"] == {"$ref": "#/components/schemas/WalkerCreate"}
    schemas = document["components"]["schemas"]
    assert {"WalkerCreate", "WalkerIn", "MotorizedIn"} <= set(schemas)
    assert not any(path.startswith("/history") for path in document["paths"])


def test_new_equipment_re_plans_the_next_session_on_it(client: TestClient) -> None:
    walker_id = onboard(client)

    response = client.put(f"/api/walkers/{walker_id}/equipment", json={"equipment": KMH_TREADMILL})

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["walker"]["equipment"] == "motorized_treadmill"
    assert body["cleared_to_start"] is True
    assert body["next_session"]["decision"]["dose"]["speed"]["kmh"] == 0.8
    assert body["notes"]
    today = client.get(f"/api/walkers/{walker_id}/today").json()
    assert today["session"]["decision"]["dose"]["speed"]["kmh"] == 0.8


def test_equipment_screening_refuses_is_a_422_and_nothing_is_written(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)
    unsafe = KMH_TREADMILL | {"safety_clip": False}

    response = client.put(f"/api/walkers/{walker_id}/equipment", json={"equipment": unsafe})

    assert response.status_code == 422
    problem = response.json()["detail"][0]
    assert problem["field"] == "equipment.kind"
    assert "safety" in problem["allowed"]
    assert read_snapshot(wiring.database.engine) == before


def test_a_bad_equipment_body_names_the_field(client: TestClient) -> None:
    walker_id = onboard(client)
    bad = KMH_TREADMILL | {"speed_step_kmh": 0}

    response = client.put(f"/api/walkers/{walker_id}/equipment", json={"equipment": bad})

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "equipment.speed_step_kmh"
