"""schemathesis against the OpenAPI document: no generated request makes the server fail (5xx),
and every answer matches what the document promises. Runs on SQLite with one walker onboarded
and one session logged, so requests reach the services rather than stopping at a 404.

One check is left out: "schema-valid data is accepted". JSON Schema cannot say the rules between
fields (a treadmill's three speeds given together, a period's start before its end), so data
the document allows can still be refused, with a 422 that names the rule."""

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
from retrowalk.services.clock import FixedClock
from retrowalk.web.app import create_app
from tests.db import START
from tests.web.builders import onboard
from tests.web.client import CSRF_COOKIE, OWN_ORIGIN, OwnPage
from tests.web.conftest import settings_for

OWN_HOST = {"host": "127.0.0.1:8000"}


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


def _operations(app: FastAPI) -> list[Any]:
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app, headers=OWN_HOST)
    return [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]


def test_no_generated_request_makes_the_server_fail(api_app: ApiApp) -> None:
    app, walker_id = api_app.app, api_app.walker_id
    operations = _operations(app)
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
