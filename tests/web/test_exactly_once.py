"""Every write happens once under double clicks and races, on SQLite and PostgreSQL: a live
report, the hand-log form and the sessions API name the planned session they log (`seq`), and
the session-log service checks it under the walker's lock (tests/races.py makes the races)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from retrowalk.store.snapshot import read_snapshot
from tests.races import all_at_once, hold_before_the_walker_lock
from tests.web.builders import check_in, onboard

SENDS = 8
HAND_LOG = {"done": "on", "pain_during": "1", "rpe": "4"}


def logs(wiring: Wiring) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = read_snapshot(wiring.database.engine)["tables"]["session_logs"]
    return rows


def answered(send: Callable[[], Any], times: int) -> list[Any]:
    """`send` on `times` threads at once; the answers, every one of them a response."""
    answers = all_at_once(send, times)
    assert not [a for a in answers if isinstance(a, BaseException)], answers
    return answers


def live_report(seq: int = 0) -> dict[str, Any]:
    return {"seq": seq, "ended_at_seconds": 180, "stopped": False, "check_in": check_in()}


def form_on_page(client: TestClient) -> dict[str, str]:
    """The hand-log form's hidden session number, as the history page gives it."""
    page = client.get("/history").text
    found = re.search(r'<input type="hidden" name="seq" value="(\d+)">', page)
    assert found is not None, "the hand-log form names no session"
    return HAND_LOG | {"seq": found.group(1)}


def test_simultaneous_reports_of_one_walk_log_it_once_with_one_201_and_the_rest_409(
    client: TestClient, wiring: Wiring, monkeypatch: pytest.MonkeyPatch
) -> None:
    walker_id = onboard(client)
    hold_before_the_walker_lock(monkeypatch, SENDS)

    def send() -> Any:
        return client.post(f"/api/walkers/{walker_id}/live-sessions", json=live_report())

    answers = answered(send, SENDS)

    assert sorted(a.status_code for a in answers) == [201] + [409] * (SENDS - 1)
    refused = next(a for a in answers if a.status_code == 409)
    assert refused.json()["detail"][0]["field"] == "seq"
    assert len(logs(wiring)) == 1


def test_a_double_submitted_hand_log_form_logs_once_and_both_answers_say_saved(
    client: TestClient, wiring: Wiring, monkeypatch: pytest.MonkeyPatch
) -> None:
    onboard(client)
    form = form_on_page(client)
    hold_before_the_walker_lock(monkeypatch, 2)

    def submit() -> Any:
        return client.post("/history", data=form, follow_redirects=False)

    answers = answered(submit, 2)

    places = sorted(a.headers["location"] for a in answers)
    assert places == ["/history?notice=already", "/history?notice=logged"]
    assert len(logs(wiring)) == 1


def test_the_hand_log_form_sent_again_shows_already_saved_and_logs_nothing(
    client: TestClient, wiring: Wiring
) -> None:
    onboard(client)
    form = form_on_page(client)
    client.post("/history", data=form)
    before = read_snapshot(wiring.database.engine)

    again = client.post("/history", data=form)

    assert again.status_code == 200
    assert "Already saved" in again.text
    assert read_snapshot(wiring.database.engine) == before
    assert form_on_page(client)["seq"] == "1"


def test_a_hand_log_form_for_a_session_not_planned_yet_names_the_field(
    client: TestClient, wiring: Wiring
) -> None:
    onboard(client)

    response = client.post("/history", data=HAND_LOG | {"seq": "4"})

    assert response.status_code == 422
    assert "session 4 is not planned yet" in response.text
    assert logs(wiring) == []


def test_a_session_sent_again_to_the_api_with_its_seq_is_a_409_and_writes_nothing(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    first = client.post(f"/api/walkers/{walker_id}/sessions", json={"seq": 0})
    before = read_snapshot(wiring.database.engine)

    again = client.post(f"/api/walkers/{walker_id}/sessions", json={"seq": 0})

    assert first.status_code == 201
    assert again.status_code == 409
    problem = again.json()["detail"][0]
    assert (problem["field"], problem["value"]) == ("seq", 0)
    assert "the session to log now is number 1" in problem["allowed"]
    assert read_snapshot(wiring.database.engine) == before


def test_simultaneous_api_sends_of_one_session_log_it_once(
    client: TestClient, wiring: Wiring, monkeypatch: pytest.MonkeyPatch
) -> None:
    walker_id = onboard(client)
    hold_before_the_walker_lock(monkeypatch, SENDS)

    def send() -> Any:
        return client.post(f"/api/walkers/{walker_id}/sessions", json={"seq": 0})

    answers = answered(send, SENDS)

    assert sorted(a.status_code for a in answers) == [201] + [409] * (SENDS - 1)
    assert len(logs(wiring)) == 1


def test_without_a_seq_a_second_send_the_same_day_logs_only_once_confirmed(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    url = f"/api/walkers/{walker_id}/sessions"

    answers = [client.post(url, json={}) for _ in range(2)]
    confirmed = client.post(url, json={"confirm": True})

    assert [a.status_code for a in answers] == [201, 422]
    assert answers[1].json()["detail"][0]["field"] == "date"
    assert confirmed.status_code == 201
    assert len(logs(wiring)) == 2
