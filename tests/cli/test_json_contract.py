"""One JSON contract (docs/json.md): the CLI's `--json` and the API give the same object for the
same session, the same history and the same day, read from one database."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from retrowalk.bootstrap import bootstrap
from retrowalk.settings import get_settings
from retrowalk.web.app import create_app
from tests.cli.support import as_json, data_dir_fixture, days_ago, invoke, onboard
from tests.web.client import OwnPage

__all__ = ["data_dir_fixture"]


@pytest.fixture(name="api")
def api_fixture(data_dir: Any) -> Iterator[TestClient]:
    """The web app on the CLI's own database (the walker is set up first, through the CLI)."""
    onboard()
    wiring = bootstrap(get_settings())
    with OwnPage(create_app(wiring)) as client:
        yield client
    wiring.close()


def test_a_logged_session_is_the_same_object_in_both(api: TestClient):
    shown = as_json(invoke("log", "--yes", "--pain-during", "2", "--notes", "steady", "--json"))

    edited = api.patch("/api/walkers/1/sessions/1", json={"notes": "steady"})
    today = api.get("/api/walkers/1/today").json()

    assert edited.status_code == 200, edited.text
    assert shown["session"] == edited.json()
    assert shown["session"]["entry"]["pain_during"] == 2 and shown["session"]["on"] == days_ago(0)
    planned = {key: today["session"][key] for key in ("seq", "on", "decision")}
    assert shown["next"] == planned


def test_the_history_is_the_same_list_in_both(api: TestClient):
    invoke("log", "--yes", "--date", days_ago(0), "--pain-during", "1", "--rpe", "5")

    shown = as_json(invoke("history", "--json"))

    assert shown == api.get("/api/walkers/1/sessions").json()
    assert shown[0]["prescribed"]["dose"]["set_count"] is None  # the dose keeps every field


def test_today_is_the_same_object_in_both_and_the_card_only_adds(api: TestClient):
    card = as_json(invoke("today", "--json"))

    today = api.get("/api/walkers/1/today").json()

    assert {key: card[key] for key in today} == today
    assert today["session"]["decision"]["dose"]["speed"] == {"mph": 0.5, "kmh": 0.8}
    assert set(card) - set(today) == {"today", "units", "flags", "checklist", "cues", "morning"}


def test_progress_is_the_same_object_in_both(api: TestClient):
    invoke("log", "--yes", "--pain-during", "1", "--rpe", "4")

    shown = as_json(invoke("progress", "--json"))

    assert shown == api.get("/api/walkers/1/progress").json()
    assert shown["points"][0]["pain_during"] == 1


def test_the_walker_and_a_profile_change_are_the_same_objects_in_both(api: TestClient):
    changed = as_json(invoke("profile", "--sessions-per-week", "2", "--json"))

    walker = as_json(invoke("profile", "--json"))
    changes = as_json(invoke("profile", "--history", "--json"))

    assert walker == api.get("/api/walkers/1").json() == changed["walker"]
    assert changes == api.get("/api/walkers/1/profile/changes").json()
    assert changes[-1] == changed["change"] and walker["sessions_per_week"] == 2
