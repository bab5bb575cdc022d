"""Clinic mode: each role's own pages. A clinician or admin who opens a walker's page (they
have no walker) is sent to their own start page (/desk, /admin), never to onboarding, which
would only refuse them; a walker who opens the desk gets 404, as for a page that is not
there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from retrowalk.bootstrap import bootstrap
from retrowalk.services.accounts import create_staff_account
from retrowalk.services.clock import FixedClock
from retrowalk.services.invitations import SignUpIn, invite, sign_up
from retrowalk.services.records import Role
from retrowalk.store.snapshot import read_snapshot
from retrowalk.web.app import create_app
from tests.db import clock_fixture, fresh_database_url  # noqa: F401 - fixture
from tests.web.builders import onboarding_form
from tests.web.client import OwnPage
from tests.web.conftest import settings_for

PASSWORD = "correct horse battery"
WALKER_PAGES = ("/", "/history", "/progress", "/report", "/settings", "/settings/profile", "/live")


@pytest.fixture(name="app")
def app_fixture(
    request: pytest.FixtureRequest, clock: FixedClock, tmp_path: Path
) -> Iterator[FastAPI]:
    url = fresh_database_url("sqlite", request, tmp_path)
    wiring = bootstrap(settings_for(url, tmp_path), clock=clock)
    lee = create_staff_account("dr.lee", PASSWORD, PASSWORD, False, wiring.uow(), clock)
    create_staff_account("root.admin", PASSWORD, PASSWORD, True, wiring.uow(), clock)
    made = invite(lee, Role.WALKER, wiring.uow(), clock)
    sign_up(SignUpIn(made.token, "dee", PASSWORD, PASSWORD), wiring.uow(), clock)
    yield create_app(wiring, clinic=True)
    wiring.close()


def _logged_in(app: FastAPI, name: str) -> OwnPage:
    client = OwnPage(app)
    answer = client.post("/login", data={"name": name, "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    return client


@pytest.mark.parametrize(("name", "start"), [("dr.lee", "/desk"), ("root.admin", "/admin")])
def test_a_clinician_or_admin_on_a_walkers_page_is_sent_to_their_own_start_page(
    app: FastAPI, name: str, start: str
) -> None:
    with _logged_in(app, name) as client:
        for path in (*WALKER_PAGES, "/onboarding"):
            answer = client.get(path, follow_redirects=False)
            assert answer.status_code == 303, path
            assert answer.headers["location"] == start, path
        assert client.get(start).status_code == 200


def test_a_clinician_posting_the_onboarding_form_is_sent_to_the_desk_and_nothing_is_kept(
    app: FastAPI,
) -> None:
    database = app.state.wiring.database.engine
    with _logged_in(app, "dr.lee") as client:
        before = read_snapshot(database)["tables"]["walkers"]
        answer = client.post("/onboarding", data=onboarding_form(), follow_redirects=False)

    assert (answer.status_code, answer.headers["location"]) == (303, "/desk")
    assert read_snapshot(database)["tables"]["walkers"] == before == []


def test_a_walker_before_onboarding_is_still_sent_to_onboard(app: FastAPI) -> None:
    with _logged_in(app, "dee") as client:
        answer = client.get("/history", follow_redirects=False)

    assert (answer.status_code, answer.headers["location"]) == (303, "/onboarding")


def test_a_walker_opening_the_desk_gets_404(app: FastAPI) -> None:
    with _logged_in(app, "dee") as client:
        assert client.post("/onboarding", data=onboarding_form()).status_code == 200
        desk = client.get("/desk")
        patient = client.get("/desk/patients/1")

    assert (desk.status_code, patient.status_code) == (404, 404)
