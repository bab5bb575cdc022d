"""One walker's data out of another account's reach, over the whole route table (issue 17), on
SQLite and PostgreSQL.

The account asking ("me") has a walker with a logged session; another account has a walker with
a logged session too, with a note nobody else may read. For every route of the app, API and
pages, every method, the other walker's ids in the path are not found (404, the same answer as
for an id nobody has), nothing stored changes, and no answer carries the other walker's note.
The routes come from the app itself, so a route added tomorrow is checked without a change here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from string import Formatter
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from retrowalk.services.onboard import onboard as onboard_service
from retrowalk.services.onboard import onboard_command
from retrowalk.web.app import create_app
from tests.web.builders import onboard, walker_json
from tests.web.client import READS, OwnPage

SECRET_NOTE = "a note only its own walker may ever read"
# Path parameters that name a walker's data; the others (a device, a calendar token) are the
# pairing and calendar tests' business.
OWNED = ("walker_id", "log_id")
NOBODYS_ID = 987_654


@dataclass(frozen=True, slots=True)
class Two:
    app: FastAPI
    client: TestClient
    wiring: Wiring
    mine: dict[str, int]
    theirs: dict[str, int]

    def routes(self) -> list[tuple[str, str]]:
        found = [(route.path, route.methods) for route in iter_route_contexts(self.app.routes)]
        return [(m, path) for path, methods in found if path and methods for m in sorted(methods)]

    def owned_routes(self) -> list[tuple[str, str]]:
        return [(m, path) for m, path in self.routes() if any(f"{{{k}}}" in path for k in OWNED)]


def _logged(client: TestClient, walker_id: int, **body: Any) -> int:
    response = client.post(f"/api/walkers/{walker_id}/sessions", json=body)
    assert response.status_code in (200, 201), response.text
    log_id: int = response.json()["session"]["id"]
    return log_id


@pytest.fixture(name="two")
def two_fixture(wiring: Wiring) -> Iterator[Two]:
    app = create_app(wiring)
    with OwnPage(app) as client:
        my_walker = onboard(client, start="2027-01-01")
        my_log = _logged(client, my_walker, date="2027-01-01")
        command = onboard_command(walker_json(start="2027-01-01") | {"account": "someone-else"})
        their_walker = onboard_service(command, wiring.uow(), wiring.clock).walker.id
        # Their session, logged as they would: through the API with their own account.
        app.dependency_overrides[_account_dependency()] = lambda: "someone-else"
        their_log = _logged(client, their_walker, date="2027-01-01", notes=SECRET_NOTE)
        app.dependency_overrides.clear()
        yield Two(
            app,
            client,
            wiring,
            {"walker_id": my_walker, "log_id": my_log},
            {"walker_id": their_walker, "log_id": their_log},
        )


def _account_dependency() -> Any:
    from retrowalk.web.deps import current_account

    return current_account


def _fill(template: str, ids: dict[str, int]) -> str:
    """The path with `ids` in place; any other parameter (a device, a flag, a calendar token)
    gets a value of its own kind that is not at stake here."""
    names = [name for _, name, _, _ in Formatter().parse(template) if name]
    others = {name: "a-calendar-link-nobody-made" if name == "token" else 1 for name in names}
    return template.format(**(others | ids))


def test_the_route_table_names_walkers_and_sessions(two: Two) -> None:
    """Guards the checks below from walking an empty list."""
    owned = two.owned_routes()

    assert len(owned) >= 20
    assert ("GET", "/api/walkers/{walker_id}/today") in owned
    assert ("POST", "/history/{log_id}/delete") in owned


def _nobodys(ids: dict[str, int], mine: dict[str, int]) -> dict[str, int]:
    """The same ids, with each one that is not mine replaced by an id nobody has."""
    return {key: value if value == mine[key] else NOBODYS_ID for key, value in ids.items()}


def _unnamed(text: str, ids: list[int]) -> str:
    """The answer with the refused id itself left out (the message names the value given)."""
    for value in ids:
        text = text.replace(f'"value":{value}', '"value":ID').replace(f"got {value};", "got ID;")
    return text


def test_another_walkers_ids_answer_as_ids_nobody_has_and_nothing_changes(two: Two) -> None:
    """Their walker, or my walker with their session: the answer is a refusal, and exactly the
    one an id nobody has gets (404, or the body's own 422 where the body is read first), so no
    one learns which ids are taken; nothing stored changes."""
    before = two.wiring.data.snapshot()

    for method, template in two.owned_routes():
        for ids in (two.theirs, {**two.mine, "log_id": two.theirs["log_id"]}):
            path = _fill(template, ids)
            if path == _fill(template, two.mine):
                continue  # the route names only my walker: not a crossing
            crossing = two.client.request(method, path, json={}, follow_redirects=False)
            nobody = _fill(template, _nobodys(ids, two.mine))
            unknown = two.client.request(method, nobody, json={}, follow_redirects=False)
            assert crossing.status_code in (404, 422), (method, path, crossing.status_code)
            their_ids = [v for k, v in ids.items() if v != two.mine[k]]
            seen = (crossing.status_code, _unnamed(crossing.text.replace(path, nobody), their_ids))
            assert seen == (unknown.status_code, _unnamed(unknown.text, [NOBODYS_ID])), path
            assert SECRET_NOTE not in crossing.text

    assert two.wiring.data.snapshot() == before


def test_with_a_well_formed_body_their_session_is_not_found(two: Two) -> None:
    mine, theirs = two.mine["walker_id"], two.theirs["log_id"]
    path = f"/api/walkers/{mine}/sessions/{theirs}/next-morning"

    response = two.client.post(path, json={"pain": 2, "date": "2027-01-02"})

    assert response.status_code == 404, response.text


def test_no_read_of_mine_shows_anything_of_theirs(two: Two) -> None:
    reads = [path for method, path in two.routes() if method == "GET"]

    for template in reads:
        response = two.client.get(_fill(template, two.mine), follow_redirects=False)
        assert response.status_code < 500, (template, response.status_code)
        assert SECRET_NOTE not in response.text, template


def test_their_note_is_there_to_be_found_by_them(two: Two) -> None:
    """The note the checks above look for is really stored and shown to its own walker."""
    two.app.dependency_overrides[_account_dependency()] = lambda: "someone-else"
    try:
        walker_id = two.theirs["walker_id"]
        history = two.client.get(f"/api/walkers/{walker_id}/sessions")
    finally:
        two.app.dependency_overrides.clear()

    assert SECRET_NOTE in history.text


def test_writes_of_the_route_table_are_all_checked(two: Two) -> None:
    writes = [(m, p) for m, p in two.owned_routes() if m not in READS]

    assert len(writes) >= 8
