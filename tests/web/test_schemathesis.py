"""schemathesis against the OpenAPI document: no generated request makes the server fail (5xx),
and every answer matches what the document promises. Runs on SQLite with one walker onboarded
and one session logged, so requests reach the services rather than stopping at a 404.

One check is left out: "schema-valid data is accepted". JSON Schema cannot say the rules between
fields (a treadmill's three speeds given together, a period's start before its end), so data
the document allows can still be refused, with a 422 that names the rule.

The same runs in clinic mode, with authentication: a walker logged in (their session cookie),
and a clinician logged in (whose requests to a walker's API find nothing of theirs)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from retrowalk.bootstrap import bootstrap
from retrowalk.services.accounts import create_staff_account
from retrowalk.services.clock import FixedClock
from retrowalk.services.invitations import SignUpIn, invite, sign_up
from retrowalk.services.records import Role
from retrowalk.web.app import create_app
from tests.db import START
from tests.web.builders import onboard
from tests.web.client import CSRF_COOKIE, OWN_ORIGIN, OwnPage
from tests.web.conftest import settings_for

OWN_HOST = {"host": "127.0.0.1:8000"}
PASSWORD = "correct horse battery"


@dataclass(frozen=True)
class ApiApp:
    """The app, its walker, and what retrowalk's own page sends with every request."""

    app: FastAPI
    walker_id: int
    headers: dict[str, str]
    cookies: dict[str, str]


@pytest.fixture(name="api_app", scope="module")
def api_app_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiApp]:
    folder = tmp_path_factory.mktemp("schemathesis")
    url = f"sqlite:///{folder / 'api.sqlite3'}"
    wiring = bootstrap(settings_for(url, folder), clock=FixedClock(START))
    app = create_app(wiring)
    with OwnPage(app) as client:
        walker_id = onboard(client)
        client.post(f"/api/walkers/{walker_id}/sessions", json={})
        headers = client.write_headers()
        cookies = {CSRF_COOKIE: client.csrf_token()}
    yield ApiApp(app, walker_id, headers, cookies)
    wiring.close()


@pytest.fixture(name="clinic_app", scope="module", params=["walker", "clinician"])
def clinic_app_fixture(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ApiApp]:
    """Clinic mode: a clinician, and a walker who signed up from their invitation, onboarded
    and logged a session; the requests carry `request.param`'s login session."""
    folder = tmp_path_factory.mktemp("schemathesis-clinic")
    url = f"sqlite:///{folder / 'clinic.sqlite3'}"
    clock = FixedClock(START)
    wiring = bootstrap(settings_for(url, folder), clock=clock)
    lee = create_staff_account("dr.lee", PASSWORD, PASSWORD, False, wiring.uow(), clock)
    token = invite(lee, Role.WALKER, wiring.uow(), clock).token
    sign_up(SignUpIn(token, "ann", PASSWORD, PASSWORD), wiring.uow(), clock)
    app = create_app(wiring, clinic=True)
    with OwnPage(app) as walker:
        _log_in(walker, "ann")
        walker_id = onboard(walker)
        walker.post(f"/api/walkers/{walker_id}/sessions", json={})
    with OwnPage(app) as client:
        _log_in(client, "ann" if request.param == "walker" else "dr.lee")
        headers = client.write_headers()
        cookies = dict(client.cookies.items())
    yield ApiApp(app, walker_id, headers, cookies)
    wiring.close()


def _log_in(client: OwnPage, name: str) -> None:
    form = {"name": name, "password": PASSWORD, "csrf_token": client.csrf_token()}
    assert client.post("/login", data=form, follow_redirects=False).status_code == 303


def _operations(app: FastAPI, cookies: dict[str, str]) -> list[Any]:
    """The operations of the OpenAPI document, read as the page would (in clinic mode it too
    needs the login session)."""
    cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())
    headers = OWN_HOST | {"cookie": cookie}
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app, headers=headers)
    return [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]


def test_no_generated_request_makes_the_server_fail(api_app: ApiApp) -> None:
    _no_failures(api_app)


def test_no_generated_request_logged_in_to_a_clinic_makes_the_server_fail(
    clinic_app: ApiApp,
) -> None:
    _no_failures(clinic_app)


def _no_failures(api_app: ApiApp) -> None:
    app, walker_id = api_app.app, api_app.walker_id
    operations = _operations(app, api_app.cookies)
    assert len(operations) >= 12

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
        def answers_without_failing(case: Any) -> None:
            if case.path_parameters and "walker_id" in case.path_parameters:
                case.path_parameters["walker_id"] = walker_id

            response = case.call(
                base_url=OWN_ORIGIN, headers=api_app.headers, cookies=api_app.cookies
            )

            assert response.status_code < 500, (
                f"{case.method} {case.formatted_path}: {response.text}"
            )
            case.validate_response(response, excluded_checks=[positive_data_acceptance])

        answers_without_failing()
