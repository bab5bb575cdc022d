"""The read pages are kept whole until the database changes (docs/web.md, "Speed"): a repeat
request runs no SQL, any write shows at once, and PostgreSQL is never cached."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event

from retrowalk.bootstrap import Wiring
from tests.web.builders import onboard


@contextmanager
def _statements(wiring: Wiring) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*arguments: Any) -> None:
        seen.append(str(arguments[2]))

    event.listen(wiring.database.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(wiring.database.engine, "before_cursor_execute", count)


def test_a_repeated_page_runs_no_sql_on_sqlite_and_is_built_afresh_on_postgresql(client, wiring):
    onboard(client)
    first = client.get("/")

    with _statements(wiring) as seen:
        again = client.get("/")

    assert again.status_code == 200 and again.text == first.text
    if wiring.database.engine.dialect.name == "sqlite":
        assert seen == []
    else:
        assert seen  # nothing local says when a PostgreSQL database changed


def test_a_logged_session_shows_on_the_next_request(client: TestClient) -> None:
    walker_id = onboard(client)
    before = client.get("/history").text

    logged = client.post(f"/api/walkers/{walker_id}/sessions", json={"pain_during": 2})

    assert logged.status_code == 201, logged.text
    after = client.get("/history").text
    assert after != before


def test_the_units_cookie_gets_its_own_kept_page(client: TestClient) -> None:
    onboard(client)
    imperial = client.get("/").text

    client.cookies.set("units", "metric")
    metric = client.get("/").text

    assert "mph" in imperial and "km/h" in metric


def test_a_kept_page_answers_with_the_same_headers_every_time(client, wiring):
    """The security headers are added outside the cache: a kept page must not gather another
    copy of them at each answer (it once grew by six headers a request, to megabytes)."""
    onboard(client)
    answers = [client.get("/") for _ in range(4)]

    lists = [sorted(answer.headers.multi_items()) for answer in answers[1:]]
    assert lists[0] == lists[1] == lists[2]
    names = [name for name, _ in lists[-1]]
    assert names.count("content-security-policy") == 1
    assert names.count("cache-control") == 1 and answers[-1].headers["cache-control"] == "no-store"
