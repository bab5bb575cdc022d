"""Clinic mode in the web app (`retrowalk serve --clinic`): every route but a few needs a login
session (checked over the app's own routes), the session cookie's flags, CSRF on the login forms
and every other form, the rate limit's 429, logout everywhere, roles; and local mode unchanged."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring, bootstrap
from retrowalk.services.accounts import create_staff_account
from retrowalk.services.clock import FixedClock
from retrowalk.web.app import create_app
from tests.db import clock_fixture, fresh_database_url  # noqa: F401 - fixture
from tests.web.client import OwnPage
from tests.web.conftest import settings_for

PASSWORD = "correct horse battery"
# Open without a login, as docs/web.md lists them (the calendar link: its own token).
OPEN = {"/login", "/signup", "/reset", "/manifest.webmanifest", "/sw.js", "/calendar/{token}.ics"}
READS = {"GET", "HEAD"}


@pytest.fixture(name="wired")
def wired_fixture(
    request: pytest.FixtureRequest, clock: FixedClock, tmp_path: Path
) -> Iterator[Wiring]:
    url = fresh_database_url("sqlite", request, tmp_path)
    wiring = bootstrap(settings_for(url, tmp_path), clock=clock)
    create_staff_account("dr.lee", PASSWORD, PASSWORD, False, wiring.uow(), clock)
    yield wiring
    wiring.close()


@pytest.fixture(name="app")
def app_fixture(wired: Wiring) -> FastAPI:
    return create_app(wired, clinic=True)


def _log_in(client: TestClient, name: str = "dr.lee", password: str = PASSWORD) -> object:
    return client.post("/login", data={"name": name, "password": password}, follow_redirects=False)


def _routes(app: FastAPI) -> list[tuple[str, str]]:
    return [
        (method, route.path)
        for route in iter_route_contexts(app.routes)
        for method in sorted(route.methods or ())
        if route.path
    ]


def _filled(path: str) -> str:
    return re.sub(r"\{token\}", "A" * 43, re.sub(r"\{[a-z_]+\}", "1", path))


def test_every_route_but_the_open_ones_needs_a_login_session(app: FastAPI) -> None:
    guarded = [(m, p) for m, p in _routes(app) if p not in OPEN and m != "HEAD"]
    assert len(guarded) > 50  # the whole app, not a hand list

    with OwnPage(app) as client:
        for method, path in guarded:
            answer = client.request(method, _filled(path), follow_redirects=False)
            if path.startswith("/api/"):
                assert answer.status_code == 401, (method, path)
                assert answer.json()["detail"][0]["field"] == "session"
            else:
                assert answer.status_code == 303, (method, path)
                assert answer.headers["location"].startswith("/login?next=/"), (method, path)


def test_the_open_routes_answer_without_a_login(app: FastAPI) -> None:
    with OwnPage(app) as client:
        for path in ("/login", "/manifest.webmanifest", "/sw.js", "/static/app.css"):
            assert client.get(path).status_code == 200, path
        assert client.get("/signup?invite=nothing").status_code == 410
        assert client.get("/reset?token=nothing").status_code == 410
        assert client.get("/calendar/" + "A" * 43 + ".ics").status_code == 404


def test_a_page_asked_before_login_comes_back_after_it(app: FastAPI) -> None:
    with OwnPage(app) as client:
        asked = client.get("/history?x=1", follow_redirects=False)
        back = client.get(asked.headers["location"])
        token = re.search(r'name="next" value="([^"]*)"', back.text)
        assert token is not None and token.group(1) == "/history?x=1"

        answer = client.post(
            "/login",
            data={"name": "dr.lee", "password": PASSWORD, "next": "/history?x=1"},
            follow_redirects=False,
        )

    assert answer.headers["location"] == "/history?x=1"


def test_a_login_never_sends_to_another_site(app: FastAPI) -> None:
    with OwnPage(app) as client:
        for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
            answer = client.post(
                "/login",
                data={"name": "dr.lee", "password": PASSWORD, "next": target},
                follow_redirects=False,
            )
            assert answer.headers["location"] == "/desk", target


def test_the_session_cookie_is_httponly_lax_on_path_slash_and_not_secure_over_http(
    app: FastAPI,
) -> None:
    with OwnPage(app) as client:
        cookie = _log_in(client).headers["set-cookie"]  # type: ignore[attr-defined]

    assert cookie.startswith("retrowalk_session=")
    assert "; HttpOnly" in cookie and "; SameSite=Lax" in cookie and "; Path=/" in cookie
    assert "Secure" not in cookie


def test_the_session_cookie_is_secure_over_https(app: FastAPI) -> None:
    with OwnPage(app, origin="https://127.0.0.1:8000") as client:
        cookie = _log_in(client).headers["set-cookie"]  # type: ignore[attr-defined]

    assert "; Secure" in cookie and "; HttpOnly" in cookie


def test_login_and_logout_without_the_csrf_token_are_refused(app: FastAPI) -> None:
    with OwnPage(app) as browser:
        _log_in(browser)
        session = browser.cookies.get("retrowalk_session")
    with TestClient(app, base_url="http://127.0.0.1:8000") as plain:
        plain.get("/login")
        origin = {"origin": "http://127.0.0.1:8000"}
        login = plain.post("/login", data={"name": "dr.lee", "password": PASSWORD}, headers=origin)
        plain.cookies.set("retrowalk_session", session or "")
        logout = plain.post("/logout", headers=origin, follow_redirects=False)
        still = plain.get("/invitations", follow_redirects=False)

    assert (login.status_code, logout.status_code) == (403, 403)
    assert "retrowalk_session" not in login.headers.get("set-cookie", "")
    assert still.status_code == 200


def test_every_write_with_a_session_but_no_csrf_token_is_refused(app: FastAPI) -> None:
    with OwnPage(app) as browser:
        _log_in(browser)
        session = browser.cookies.get("retrowalk_session") or ""
    writes = [(m, p) for m, p in _routes(app) if m not in READS | {"OPTIONS"}]
    with TestClient(app, base_url="http://127.0.0.1:8000") as plain:
        plain.get("/login")
        plain.cookies.set("retrowalk_session", session)
        for method, path in writes:
            answer = plain.request(
                method, _filled(path), headers={"origin": "http://127.0.0.1:8000"}
            )
            assert answer.status_code == 403, (method, path)


def test_a_wrong_password_and_an_unknown_name_get_the_same_page(app: FastAPI) -> None:
    with OwnPage(app) as client:
        wrong = client.post("/login", data={"name": "dr.lee", "password": "not it at all"})
        unknown = client.post("/login", data={"name": "nobody", "password": "not it at all"})

    assert wrong.status_code == unknown.status_code == 401
    assert wrong.text.replace("dr.lee", "nobody") == unknown.text
    assert "not it at all" not in wrong.text


def test_the_sixth_failed_login_in_15_minutes_gets_429_with_retry_after(app: FastAPI) -> None:
    with OwnPage(app) as client:
        for _ in range(5):
            assert _log_in(client, password="not it at all").status_code == 401  # type: ignore[attr-defined]
        locked = _log_in(client)

    assert locked.status_code == 429  # type: ignore[attr-defined]
    assert locked.headers["retry-after"] == str(15 * 60)  # type: ignore[attr-defined]


def test_logout_everywhere_ends_the_other_browsers_sessions(app: FastAPI) -> None:
    with OwnPage(app) as phone, OwnPage(app) as desk:
        _log_in(phone)
        _log_in(desk)
        assert phone.get("/account").status_code == 200

        desk.post("/logout/everywhere")

        assert phone.get("/account", follow_redirects=False).status_code == 303
        assert desk.get("/account", follow_redirects=False).status_code == 303


def test_logout_ends_this_browsers_session_and_clears_its_cookie(app: FastAPI) -> None:
    with OwnPage(app) as client:
        _log_in(client)
        token = client.cookies.get("retrowalk_session")
        answer = client.post("/logout", follow_redirects=False)
        client.cookies.set("retrowalk_session", token or "")
        after = client.get("/account", follow_redirects=False)

    assert "Max-Age=0" in answer.headers["set-cookie"]
    assert after.status_code == 303


def test_a_clinician_invites_a_walker_who_signs_up_and_is_sent_to_onboarding(
    app: FastAPI,
) -> None:
    with OwnPage(app) as clinician:
        _log_in(clinician)
        made = clinician.post("/invitations", data={"role": "walker"})
        refused = clinician.post("/invitations", data={"role": "admin"})
    link = re.search(r'value="(http://[^"]+/signup\?invite=[^"]+)"', made.text)
    assert made.status_code == 201 and link is not None
    assert refused.status_code == 422

    with OwnPage(app) as walker:
        invite = link.group(1).split("invite=")[1]
        signed = walker.post(
            "/signup",
            data={
                "invite": invite,
                "name": "dee",
                "password": PASSWORD,
                "password_again": PASSWORD,
            },
            follow_redirects=False,
        )
        assert signed.headers["location"] == "/onboarding"
        assert walker.get("/invitations").status_code == 403  # a walker invites no one
        again = walker.get(f"/signup?invite={invite}")

    assert again.status_code == 410


def test_local_mode_has_no_login_and_no_login_pages(wired: Wiring) -> None:
    with OwnPage(create_app(wired)) as client:
        assert client.get("/login").status_code == 404
        assert client.get("/", follow_redirects=False).headers["location"] == "/onboarding"
