"""The app as a clinic deploys it (web/deployed.py): built from the settings alone, refusing to
start without the shared key or the server's names, and two processes built from the same
settings accept each other's CSRF tokens and login sessions; clinic mode is always on. The
whole stack (processes, proxy, PostgreSQL) is tests/deploy/."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from retrowalk.services.accounts import create_staff_account
from retrowalk.settings import Settings, get_settings
from retrowalk.web.belt import BeltMode
from retrowalk.web.deployed import app, deployed_app
from tests.db import fresh_database_url

KEY = "a-key-every-process-shares-0123456789abcdef"
PASSWORD = "correct horse battery"
CLINIC = "https://clinic.example.org"


def _settings(url: str, folder: Path, **changes: str) -> Settings:
    given = {"server_names": "clinic.example.org", "secret_key": KEY} | changes
    return Settings(
        database_url=url,
        data_dir=folder,
        config_file=folder / "absent.toml",
        server_names=given["server_names"],
        secret_key=given["secret_key"],
    )


@pytest.fixture(name="pg_url")
def pg_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return fresh_database_url("postgresql", request, tmp_path)


Build = Callable[..., FastAPI]


@pytest.fixture(name="build")
def build_fixture(pg_url: str, tmp_path: Path) -> Iterator[Build]:
    """Processes' apps on one PostgreSQL database (their engines closed at the end)."""
    built: list[FastAPI] = []

    def build(**changes: str) -> FastAPI:
        built.append(deployed_app(_settings(pg_url, tmp_path, **changes)))
        return built[-1]

    yield build
    for one in built:
        one.state.wiring.close()


def _log_in_with(client: TestClient, token: str) -> int:
    """The first clinician's login sent from the clinic's page with `token` (cookie and
    header); it needs the guard's token check to pass before the password is looked at."""
    client.cookies.set("retrowalk_csrf", token)
    headers = {"origin": CLINIC, "x-csrf-token": token}
    given = {"name": "dr.lee", "password": PASSWORD}
    return client.post("/login", data=given, headers=headers, follow_redirects=False).status_code


def _first_clinician(app: FastAPI) -> None:
    wiring = app.state.wiring
    create_staff_account("dr.lee", PASSWORD, PASSWORD, False, wiring.uow(), wiring.clock)


@pytest.mark.parametrize(
    ("unset", "named"),
    [("RETROWALK_SECRET_KEY", "secret_key"), ("RETROWALK_SERVER_NAMES", "server_names")],
)
def test_a_process_without_the_shared_key_or_the_names_refuses_to_start_and_says_which(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    pg_url: str,
    unset: str,
    named: str,
) -> None:
    monkeypatch.setenv("RETROWALK_CONFIG_FILE", str(tmp_path / "absent.toml"))
    monkeypatch.setenv("RETROWALK_DATABASE_URL", pg_url)
    monkeypatch.setenv("RETROWALK_SECRET_KEY", KEY)
    monkeypatch.setenv("RETROWALK_SERVER_NAMES", "clinic.example.org")
    monkeypatch.delenv(unset)
    get_settings.cache_clear()

    with pytest.raises(SystemExit) as stopped:
        app()
    get_settings.cache_clear()

    assert stopped.value.code == 2
    said = capsys.readouterr().err
    assert said.startswith(f"retrowalk: {named}: missing;") and "Traceback" not in said


def test_a_token_one_process_gave_is_taken_by_another_built_from_the_same_settings(
    build: Build,
) -> None:
    first, second = TestClient(build(), base_url=CLINIC), TestClient(build(), base_url=CLINIC)
    _first_clinician(first.app)  # type: ignore[arg-type]

    given = first.get("/static/app.css")
    logged_in = _log_in_with(second, given.cookies["retrowalk_csrf"])
    first.cookies.set("retrowalk_session", second.cookies["retrowalk_session"])

    assert "Secure" in given.headers["set-cookie"]
    assert logged_in == 303
    assert first.get("/desk").status_code == 200  # the session is in the shared database


def test_a_process_with_another_key_refuses_the_token(build: Build) -> None:
    first = TestClient(build(), base_url=CLINIC)
    second = TestClient(build(secret_key=KEY.upper()), base_url=CLINIC)

    token = first.get("/static/app.css").cookies["retrowalk_csrf"]

    assert _log_in_with(second, token) == 403


def test_only_the_server_names_are_answered(build: Build) -> None:
    client = TestClient(build(), base_url=CLINIC)

    assert client.get("/static/app.css").status_code == 200
    assert client.get("/static/app.css", headers={"host": "127.0.0.1"}).status_code == 400


def test_the_deployed_belt_is_set_by_hand_and_keeps_no_walk(build: Build) -> None:
    belt = build().state.belt

    assert belt.intended().mode is BeltMode.BY_HAND
    assert belt.running() == frozenset()


def test_a_deployment_is_in_clinic_mode_whatever_the_setting_says(
    pg_url: str, tmp_path: Path
) -> None:
    settings = Settings(
        database_url=pg_url,
        data_dir=tmp_path,
        config_file=tmp_path / "absent.toml",
        server_names="clinic.example.org",
        secret_key=KEY,
        clinic=False,
    )
    built = deployed_app(settings)
    try:
        client = TestClient(built, base_url=CLINIC)
        page = client.get("/", follow_redirects=False)
        api = client.get("/api/walkers/1/sessions")
        login = client.get("/login")
    finally:
        built.state.wiring.close()

    assert (page.status_code, page.headers["location"]) == (303, "/login?next=/")
    assert api.status_code == 401
    assert login.status_code == 200
