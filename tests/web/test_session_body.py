"""A session's body on each way in: the API's `POST .../sessions` carries only what a log accepts
and is validated once (what FastAPI read becomes the service's command as it is); the page's
hand-log form has an input for every answer, and an edit keeps what it shows."""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any

import pytest
from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.services.commands import read_command
from retrowalk.services.log_session import LogIn
from retrowalk.store.snapshot import read_snapshot
from retrowalk.web.schemas.sessions import SessionCreate
from tests.web.builders import onboard

CHECKED = re.compile(r'<input id="(\w+)" name="\w+" type="checkbox" checked')


def _body_properties(client: TestClient) -> dict[str, Any]:
    schemas = client.get("/api/openapi.json").json()["components"]["schemas"]
    properties: dict[str, Any] = schemas["SessionCreate"]["properties"]
    return properties


def test_the_log_body_advertises_every_answer_and_no_clearance(client: TestClient) -> None:
    properties = _body_properties(client)

    assert "cleared_by_clinician" not in properties
    assert {f.name for f in fields(SessionOutcome)} <= set(properties)


def test_a_clearance_sent_with_a_log_is_refused_by_name_and_nothing_is_written(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)

    response = client.post(
        f"/api/walkers/{walker_id}/sessions", json={"pain_during": 1, "cleared_by_clinician": True}
    )

    assert response.status_code == 422
    assert [p["field"] for p in response.json()["detail"]] == ["cleared_by_clinician"]
    assert read_snapshot(wiring.database.engine) == before


def test_the_body_becomes_the_same_command_a_second_reading_would_give() -> None:
    sent = b'{"pain_during": 2, "rpe": 5, "seq": 0, "date": "2027-01-04", "notes": "ok"}'

    command = SessionCreate.model_validate_json(sent).for_walker(7)

    again = read_command(LogIn, {"pain_during": 2, "rpe": 5, "seq": 0, "date": "2027-01-04",
                                 "notes": "ok", "walker_id": 7})  # fmt: skip
    assert type(command) is LogIn and command == again
    assert command.model_fields_set == again.model_fields_set


def test_logging_through_the_api_does_not_validate_the_command_again(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    walker_id = onboard(client)

    def second_reading(*_: object, **__: object) -> None:
        raise AssertionError("the log body was validated a second time")

    monkeypatch.setattr(LogIn, "model_validate", second_reading)
    monkeypatch.setattr(LogIn, "__init__", second_reading)
    response = client.post(f"/api/walkers/{walker_id}/sessions", json={"pain_during": 1})

    assert response.status_code == 201, response.text
    assert response.json()["session"]["entry"]["pain_during"] == 1


def test_the_hand_log_form_has_an_input_for_every_answer(sqlite_client: TestClient) -> None:
    onboard(sqlite_client)

    page = sqlite_client.get("/history").text

    missing = [f.name for f in fields(SessionOutcome) if f'name="{f.name}"' not in page]
    assert missing == []


def test_an_edit_on_the_page_shows_a_knee_symptom_and_keeps_it(sqlite_client: TestClient) -> None:
    walker_id = onboard(sqlite_client)
    form = {"done": "on", "form_ok": "on", "swelling": "on", "pain_during": "1", "rpe": "4"}
    sqlite_client.post("/history", data=form)
    [item] = sqlite_client.get(f"/api/walkers/{walker_id}/sessions").json()
    edit = f"/history/{item['id']}"

    shown = set(CHECKED.findall(sqlite_client.get(f"{edit}/edit").text))
    saved = sqlite_client.post(edit, data=dict.fromkeys(shown, "on") | {"pain_during": "2"})

    assert shown == {"done", "form_ok", "swelling"}
    assert saved.status_code == 200 and "Saved your changes." in saved.text
    [after] = sqlite_client.get(f"/api/walkers/{walker_id}/sessions").json()
    assert (after["entry"]["swelling"], after["entry"]["pain_during"]) == (True, 2)
