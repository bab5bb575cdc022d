"""The live session's STOP through the API: why it stopped, the stops a walk went on from, and
check-in answers skipped (unknown)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from retrowalk.store.snapshot import read_snapshot
from tests.web.builders import check_in, onboard
from tests.web.test_api_live import report, timeline

KNEE = {"form_ok": True, "swelling": False, "locking": False, "giving_way": False}


def _log(client: TestClient, walker_id: int, body: dict[str, Any]) -> Any:
    return client.post(f"/api/walkers/{walker_id}/live-sessions", json=body)


def test_the_timeline_asks_why_first_and_says_which_stops_may_go_on(client: TestClient) -> None:
    body = timeline(client, onboard(client))

    reasons = {r["value"]: r["can_go_on"] for r in body["stop_reasons"]}
    fields = [q["field"] for q in body["questions"]]

    assert reasons == {
        "pain": False, "balance": False, "tired": False, "interrupted": True, "mistake": True
    }  # fmt: skip
    assert fields[0] == "stop_reason"
    assert {"form_ok", "swelling", "locking", "giving_way"} <= set(fields)
    assert "{setting}" in body["belt_start"]


def test_a_walk_gone_on_from_a_mistaken_stop_is_logged_once_in_full(client: TestClient) -> None:
    walker_id = onboard(client)
    went_on = [{"at_seconds": 40, "reason": "mistake"}]
    pauses = [{"at_seconds": 40, "seconds": 25}]

    response = _log(client, walker_id, report(went_on=went_on, pauses=pauses))

    assert response.status_code == 201, response.text
    entry = response.json()["session"]["entry"]
    assert (entry["minutes_done"], entry["stop_reason"]) == (3, None)
    assert "Went on after a STOP at 0:40 (pressed by mistake)." in entry["notes"]
    assert response.json()["next"]["decision"]["kind"] != "regress"


def test_a_stop_for_pain_is_logged_with_its_reason_as_sharp_pain(client: TestClient) -> None:
    walker_id = onboard(client)
    answers = check_in(sharp_pain=None, stop_reason="pain", pain_during=6)

    response = _log(client, walker_id, report(ended_at_seconds=60, stopped=True, check_in=answers))

    assert response.status_code == 201, response.text
    entry = response.json()["session"]["entry"]
    assert (entry["stop_reason"], entry["sharp_pain"], entry["pain_during"]) == ("pain", True, 6)
    assert any("sharp pain" in r for r in response.json()["next"]["decision"]["reasons"])


def test_a_stop_for_balance_is_never_steady_without_hands(client: TestClient) -> None:
    walker_id = onboard(client)
    answers = check_in(stop_reason="balance", stable_without_hands=True, **KNEE)

    response = _log(client, walker_id, report(ended_at_seconds=60, stopped=True, check_in=answers))

    entry = response.json()["session"]["entry"]
    assert (entry["stop_reason"], entry["stable_without_hands"]) == ("balance", False)


def test_skipped_answers_are_logged_as_unknown(client: TestClient) -> None:
    walker_id = onboard(client)
    skipped = {"pain_during": None, "sharp_pain": None, "rpe": None, "swelling": None}

    response = _log(client, walker_id, report(check_in=skipped))

    assert response.status_code == 201, response.text
    entry = response.json()["session"]["entry"]
    unknown = ("pain_during", "sharp_pain", "rpe", "form_ok", "swelling", "locking", "giving_way")
    assert {name: entry[name] for name in unknown} == dict.fromkeys(unknown)


def test_the_pain_question_must_be_answered_or_skipped_not_left_out(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)

    response = _log(client, walker_id, report(check_in={"sharp_pain": False, "rpe": 4}))

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "check_in.pain_during"
    assert read_snapshot(wiring.database.engine) == before


def test_a_stop_reason_for_a_walk_that_ran_to_its_end_is_refused_and_nothing_is_written(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)

    response = _log(client, walker_id, report(check_in=check_in(stop_reason="tired")))

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "check_in.stop_reason"
    assert read_snapshot(wiring.database.engine) == before


def test_a_walk_never_goes_on_from_a_stop_for_pain(client: TestClient, wiring: Wiring) -> None:
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)

    response = _log(client, walker_id, report(went_on=[{"at_seconds": 40, "reason": "pain"}]))

    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "went_on.0.reason"
    assert read_snapshot(wiring.database.engine) == before


def test_history_shows_why_a_walk_stopped_and_answers_not_given(client: TestClient) -> None:
    walker_id = onboard(client)
    answers = check_in(stop_reason="tired", pain_during=None, rpe=None)
    _log(client, walker_id, report(ended_at_seconds=60, stopped=True, check_in=answers))

    html = client.get("/history").text

    assert "<dt>Stopped</dt><dd>tired</dd>" in html
    assert "not given during" in html and "<dt>Effort</dt><dd>not given</dd>" in html
