"""The web app on a real database: every API test runs on SQLite and PostgreSQL (tests/db.py),
through FastAPI's test client, on a fixed clock (Monday 4 January 2027, the example's start)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring, bootstrap
from retrowalk.services.clock import FixedClock
from retrowalk.settings import Settings
from retrowalk.web.app import create_app
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    clock_fixture,
    database_url_fixture,
    fresh_database_url,
)
from tests.web.client import OwnPage


def settings_for(url: str, folder: Path) -> Settings:
    return Settings(database_url=url, data_dir=folder, config_file=folder / "absent.toml")


@pytest.fixture(name="wiring")
def wiring_fixture(database_url: str, clock: FixedClock, tmp_path: Path) -> Iterator[Wiring]:
    wired = bootstrap(settings_for(database_url, tmp_path), clock=clock)
    yield wired
    wired.close()


@pytest.fixture(name="client")
def client_fixture(wiring: Wiring) -> Iterator[TestClient]:
    """The app on SQLite and on PostgreSQL."""
    with OwnPage(create_app(wiring)) as client:
        yield client


@pytest.fixture(name="sqlite_client")
def sqlite_client_fixture(
    request: pytest.FixtureRequest, clock: FixedClock, tmp_path: Path
) -> Iterator[TestClient]:
    """The app on SQLite only, for the pages (HTML is the same whatever the database)."""
    url = fresh_database_url("sqlite", request, tmp_path)
    wired = bootstrap(settings_for(url, tmp_path), clock=clock)
    with OwnPage(create_app(wired)) as client:
        yield client
    wired.close()
