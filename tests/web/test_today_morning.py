"""The today page the day after a walk whose next-morning pain is unknown: a small form asks
for it first; the answer is kept once, and the page then shows today's session decided with it."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from retrowalk.bootstrap import bootstrap
from retrowalk.services.clock import FixedClock
from retrowalk.store.snapshot import read_snapshot
from retrowalk.web.app import create_app
from tests.db import fresh_database_url
from tests.web.builders import check_in, onboard
from tests.web.client import OwnPage
from tests.web.conftest import settings_for
from tests.web.test_pages import field_error

DAY_AFTER = datetime(2027, 1, 5, 7, 45)


@pytest.fixture(name="walked")
def walked_fixture(
    request: pytest.FixtureRequest, clock: FixedClock, tmp_path: Path
) -> tuple[TestClient, int, object]:
    """A walker who walked today's session; the clock is then moved to the next morning."""
    url = fresh_database_url("sqlite", request, tmp_path)
    wired = bootstrap(settings_for(url, tmp_path), clock=clock)
    request.addfinalizer(wired.close)
    client = OwnPage(create_app(wired))
    walker_id = onboard(client)
    body = {"seq": 0, "ended_at_seconds": 180, "stopped": False, "check_in": check_in()}
    response = client.post(f"/api/walkers/{walker_id}/live-sessions", json=body)
    log_id: int = response.json()["session"]["id"]
    clock.current = DAY_AFTER
    return client, log_id, wired.database.engine


def _mornings(client: TestClient) -> list[int | None]:
    return [s["entry"]["pain_next_morning"] for s in client.get("/api/walkers/1/sessions").json()]


def test_the_day_after_a_walk_the_today_page_asks_the_morning_first(walked) -> None:
    client, log_id, _ = walked

    html = client.get("/").text

    assert html.index("First, this morning") < html.index("Why this dose")
    assert "How is the knee this morning, after yesterday&#39;s walk?" in html
    assert 'name="csrf_token"' in html and f'name="log_id" value="{log_id}"' in html


def test_the_answer_is_kept_and_the_page_shows_the_session_decided_with_it(walked) -> None:
    client, log_id, _ = walked

    response = client.post("/morning", data={"log_id": str(log_id), "pain": "7"})

    assert response.status_code == 200  # after the 303 back to the today page
    assert "Kept: your pain this morning" in response.text
    assert "First, this morning" not in response.text
    assert "7/10" in response.text[response.text.index("Why this dose") :]  # decided with it
    assert _mornings(client) == [7]


def test_the_same_answer_sent_twice_is_kept_once(walked) -> None:
    client, log_id, engine = walked
    client.post("/morning", data={"log_id": str(log_id), "pain": "2"})
    before = read_snapshot(engine)

    again = client.post("/morning", data={"log_id": str(log_id), "pain": "5"})

    assert "answered already" in again.text
    assert _mornings(client) == [2]
    assert read_snapshot(engine) == before


def test_a_pain_out_of_range_is_shown_beside_the_field_and_nothing_is_written(walked) -> None:
    client, log_id, engine = walked
    before = read_snapshot(engine)

    response = client.post("/morning", data={"log_id": str(log_id), "pain": "12"})

    assert response.status_code == 422
    assert "less than or equal to 10" in (field_error(response.text, "pain") or "")
    assert re.search(r'id="pain"[^>]*value="12"|value="12"[^>]*id="pain"', response.text)
    assert read_snapshot(engine) == before
