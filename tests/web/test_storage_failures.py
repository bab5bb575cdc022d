"""A full disk and another writer's lock are answered, not crashed: a write gets 503 (a JSON
problem from the API, a page for the browser) saying what to do, nothing of it is kept, what was
acknowledged before stays, and the pages still show while another process writes. The failures
are real (tests/store/failing.py); the app waits TIMEOUT seconds for a lock."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring, bootstrap
from retrowalk.services.clock import FixedClock
from retrowalk.settings import Settings
from retrowalk.store.failures import BUSY, DISK_FULL
from retrowalk.store.snapshot import read_snapshot
from retrowalk.web.app import create_app
from tests.store.failing import no_room_left, sqlite_file, write_lock_held
from tests.web.builders import check_in, onboard
from tests.web.client import OwnPage

TIMEOUT = 0.3
LONG_NOTE = "n" * 4000  # more than any page's free room: the file must grow to take it


@pytest.fixture(name="impatient")
def impatient_fixture(
    database_url: str, clock: FixedClock, tmp_path: Path
) -> Iterator[tuple[Wiring, TestClient]]:
    settings = Settings(
        database_url=database_url,
        data_dir=tmp_path,
        config_file=tmp_path / "absent.toml",
        database_timeout=TIMEOUT,
    )
    wiring = bootstrap(settings, clock=clock)
    with OwnPage(create_app(wiring)) as client:
        yield wiring, client
    wiring.close()


def _sessions(client: TestClient, walker_id: int) -> list[int]:
    response = client.get(f"/api/walkers/{walker_id}/sessions")
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()]


def test_a_write_while_another_process_writes_is_503_and_the_pages_still_show(
    impatient, database_url: str
) -> None:
    wiring, client = impatient
    walker_id = onboard(client)
    before = read_snapshot(wiring.database.engine)

    with write_lock_held(database_url, walker_id):
        started = time.monotonic()
        api = client.post(f"/api/walkers/{walker_id}/sessions", json=check_in())
        waited = time.monotonic() - started
        form = client.post("/history", data={"done": "on", "pain_during": "1", "rpe": "4"})
        pages = {path: client.get(path).status_code for path in ("/", "/history", "/progress")}
        today = client.get(f"/api/walkers/{walker_id}/today")

    assert api.status_code == 503 and waited >= TIMEOUT * 0.9
    assert api.json()["detail"][0]["field"] == "database"
    assert api.json()["detail"][0]["allowed"] == BUSY
    assert form.status_code == 503 and BUSY in form.text
    assert api.headers["Retry-After"] == form.headers["Retry-After"] == "1"
    assert pages == {"/": 200, "/history": 200, "/progress": 200} and today.status_code == 200
    assert read_snapshot(wiring.database.engine) == before


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_write_onto_a_full_disk_is_503_and_the_acknowledged_session_stays(
    impatient, database_url: str, clock: FixedClock
) -> None:
    wiring, client = impatient
    walker_id = onboard(client)
    acknowledged = client.post(f"/api/walkers/{walker_id}/sessions", json=check_in())
    assert acknowledged.status_code == 201, acknowledged.text
    clock.current += timedelta(days=2)

    with no_room_left(sqlite_file(database_url)):
        wiring.database.engine.dispose()  # new connections, which find the disk full
        api = client.post(f"/api/walkers/{walker_id}/sessions", json=check_in(notes=LONG_NOTE))
        form = client.post(
            "/history", data={"done": "on", "pain_during": "1", "rpe": "4", "notes": LONG_NOTE}
        )
        while_full = _sessions(client, walker_id)
    wiring.database.engine.dispose()

    assert api.status_code == 503 and api.json()["detail"][0]["allowed"] == DISK_FULL
    assert form.status_code == 503 and "The database is not available" in form.text
    assert DISK_FULL in form.text
    assert while_full == _sessions(client, walker_id) == [acknowledged.json()["session"]["id"]]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_every_read_answers_while_another_process_holds_the_write_lock(
    impatient, database_url: str
) -> None:
    _, client = impatient
    walker_id = onboard(client, start="2027-01-01")  # one session walked, today's still to walk
    logged = client.post(f"/api/walkers/{walker_id}/sessions", json={"date": "2027-01-01"})
    ids = {"walker_id": walker_id, "log_id": logged.json()["session"]["id"]}
    reads = [
        route.path.format(**ids, token="A" * 43)  # a calendar link's shape: it is looked up
        for route in iter_route_contexts(client.app.routes)
        if route.path and "GET" in (route.methods or ())
    ]

    with write_lock_held(database_url, walker_id):
        answers = {path: client.get(path).status_code for path in reads}

    assert "/live" in answers and f"/api/walkers/{walker_id}/today" in answers
    assert {path: status for path, status in answers.items() if status >= 500} == {}
