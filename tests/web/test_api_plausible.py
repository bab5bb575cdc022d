"""Implausible logs through the API: a value far from the prescription (3 min at 0.5 mph, 0 %
here) or a second log for one day is a 422 naming the field and saying to send `"confirm":
true`, with nothing written; sent again confirmed, it is logged as given."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from retrowalk.services.clock import FixedClock
from retrowalk.store.snapshot import read_snapshot
from tests.web.builders import onboard


def _sessions(walker_id: int) -> str:
    return f"/api/walkers/{walker_id}/sessions"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"minutes_done": 7}, "minutes_done"),
        ({"speed_done_mph": 1.2}, "speed_done_mph"),
        ({"speed_done_mph": "1,2"}, "speed_done_mph"),
        ({"incline_done_percent": 1}, "incline_done_percent"),
    ],
)
def test_a_far_value_needs_confirm_and_nothing_is_written_until_then(
    client: TestClient, wiring: Wiring, body: dict[str, Any], field: str
) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)

    refused = client.post(_sessions(walker_id), json=body)
    unchanged = read_snapshot(wiring.database.engine)
    confirmed = client.post(_sessions(walker_id), json=body | {"confirm": True})

    assert refused.status_code == 422, refused.text
    [problem] = refused.json()["detail"]
    assert problem["field"] == field
    assert "is that right?" in problem["allowed"] and '"confirm": true' in problem["allowed"]
    assert unchanged == before
    assert confirmed.status_code == 201, confirmed.text


def test_a_decimal_comma_is_read_as_the_cli_and_the_form_read_it(client: TestClient) -> None:
    walker_id = onboard(client)

    response = client.post(_sessions(walker_id), json={"speed_done_mph": "0,6"})

    assert response.status_code == 201, response.text
    assert response.json()["session"]["entry"]["speed_done"]["mph"] == 0.6


def test_a_second_log_for_the_day_needs_confirm(client: TestClient) -> None:
    walker_id = onboard(client)
    first = client.post(_sessions(walker_id), json={"pain_during": 1, "rpe": 4}).json()

    refused = client.post(_sessions(walker_id), json={"pain_during": 1})
    confirmed = client.post(_sessions(walker_id), json={"pain_during": 1, "confirm": True})

    assert refused.status_code == 422
    [problem] = refused.json()["detail"]
    assert problem["field"] == "date" and f"log {first['session']['id']}" in problem["allowed"]
    assert confirmed.status_code == 201
    assert len(client.get(_sessions(walker_id)).json()) == 2


def test_an_edit_to_a_far_value_needs_confirm(client: TestClient, wiring: Wiring) -> None:
    walker_id = onboard(client)
    log_id = client.post(_sessions(walker_id), json={}).json()["session"]["id"]
    before = read_snapshot(wiring.database.engine)

    refused = client.patch(f"{_sessions(walker_id)}/{log_id}", json={"minutes_done": "30"})
    unchanged = read_snapshot(wiring.database.engine)
    confirmed = client.patch(
        f"{_sessions(walker_id)}/{log_id}", json={"minutes_done": 30, "confirm": True}
    )

    assert refused.status_code == 422 and refused.json()["detail"][0]["field"] == "minutes_done"
    assert unchanged == before
    assert confirmed.status_code == 200 and confirmed.json()["entry"]["minutes_done"] == 30


def test_answers_left_out_are_unknown_not_zero(client: TestClient) -> None:
    walker_id = onboard(client)

    entry = client.post(_sessions(walker_id), json={}).json()["session"]["entry"]

    assert entry["pain_during"] is None and entry["rpe"] is None


def test_a_walk_logged_when_the_plan_said_not_to_walk_is_asked_about_and_the_stop_stands(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    answered: dict[str, object] = {
        "sharp_pain": False,
        "form_ok": True,
        "swelling": False,
        "locking": False,
    }
    answered |= {"giving_way": False, "rpe": 5}
    stopped = client.post(_sessions(walker_id), json={"pain_during": 7, **answered}).json()
    assert stopped["next"]["decision"]["walk"] is False
    walked = {"date": stopped["next"]["on"], "pain_during": 1, **answered} | {"rpe": 4}
    assert isinstance(wiring.clock, FixedClock)
    wiring.clock.current = datetime.fromisoformat(f"{stopped['next']['on']}T09:00")
    before = read_snapshot(wiring.database.engine)

    refused = client.post(_sessions(walker_id), json=walked)
    unchanged = read_snapshot(wiring.database.engine)
    confirmed = client.post(_sessions(walker_id), json=walked | {"confirm": True})

    assert refused.status_code == 422, refused.text
    [problem] = refused.json()["detail"]
    assert problem["field"] == "done" and "was not to walk" in problem["allowed"]
    assert unchanged == before
    assert confirmed.status_code == 201, confirmed.text
    assert confirmed.json()["session"]["entry"]["done"] is True
    assert confirmed.json()["next"]["decision"]["walk"] is False  # the stop stands
