"""The clinic stack through its front door (nginx, HTTPS, the test CA): both app processes
serve, in turn; a CSRF token one process gave is taken by the other; cookies are Secure; only
the server's names are answered; plain HTTP is sent to HTTPS; and a live walk whose requests
alternate between the processes is logged once. The walker is a patient invited by the first
clinician and logged in (a deployment is always in clinic mode); the login itself across the
processes is test_login_across_processes.py."""

from __future__ import annotations

import itertools
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from retrowalk.store.database import make_engine
from retrowalk.store.snapshot import read_snapshot
from tests.deploy.accounts import form_token, invitation_link, log_in, sign_up
from tests.deploy.stack import Stack
from tests.web.builders import check_in, onboarding_form


@dataclass
class Onboarded:
    """A browser that onboarded through the form: the page came from one process (`page_by`)
    and the form's write went to `written_by`."""

    client: httpx.Client
    token: str
    answer: httpx.Response
    page_by: str
    written_by: str

    def writes(self, origin: str) -> dict[str, str]:
        return {"origin": origin, "x-csrf-token": self.token}


@pytest.fixture(name="onboarded", scope="module")
def onboarded_fixture(stack: Stack) -> Iterator[Onboarded]:
    with stack.client() as clinician, stack.client() as client:
        assert log_in(clinician, stack).status_code == 303
        signed_up = sign_up(client, stack, invitation_link(clinician, stack), "dee")
        assert signed_up.headers["location"] == "/onboarding", signed_up.text[:2000]
        since = len(stack.access_log())
        token = form_token(client.get("/onboarding"))
        form = onboarding_form() | {"csrf_token": token}
        answer = client.post("/onboarding", data=form, headers={"origin": stack.url})
        page_by, written_by = stack.served_since(since, 2)
        yield Onboarded(client, token, answer, page_by, written_by)


def test_consecutive_requests_are_served_by_the_two_processes_in_turn(stack: Stack) -> None:
    since = len(stack.access_log())

    with stack.client() as client:
        answers = [client.get("/static/app.css").status_code for _ in range(6)]

    served = stack.served_since(since, 6)
    assert answers == [200] * 6
    assert set(served) == {stack.upstream(port) for port in stack.app_ports}
    assert all(first != then for first, then in itertools.pairwise(served))


def test_a_form_token_one_process_gave_is_taken_by_the_other(onboarded: Onboarded) -> None:
    assert onboarded.page_by != onboarded.written_by
    assert onboarded.answer.status_code == 303, onboarded.answer.text
    assert onboarded.answer.headers["location"] == "/"


def test_the_token_cookie_is_secure_over_https_and_https_is_kept(stack: Stack) -> None:
    with stack.client() as client:
        answer = client.get("/login")

    cookie = answer.headers["set-cookie"]
    assert "retrowalk_csrf=" in cookie and "; Secure" in cookie and "HttpOnly" in cookie
    assert answer.headers["strict-transport-security"].startswith("max-age=")


def test_plain_http_is_sent_to_https(stack: Stack) -> None:
    answer = httpx.get(f"http://localhost:{stack.http_port}/history?week=2", timeout=5)

    assert answer.status_code == 301
    assert answer.headers["location"] == f"{stack.url}/history?week=2"


def test_a_name_that_is_not_the_servers_is_refused_through_the_proxy(stack: Stack) -> None:
    with stack.client() as client:
        answer = client.get("/onboarding", headers={"host": f"rebound.example:{stack.https_port}"})

    assert answer.status_code == 400
    assert "Host" in answer.text and "localhost" in answer.text


def test_a_live_walk_is_logged_once_while_its_requests_alternate_processes(
    stack: Stack, onboarded: Onboarded
) -> None:
    client, writes = onboarded.client, onboarded.writes(stack.url)
    since = len(stack.access_log())
    walk = "/api/walkers/1"

    seq = client.get(f"{walk}/live").json()["seq"]
    started = client.post(f"{walk}/live", json={"seq": seq}, headers=writes)
    belt = client.put(f"{walk}/belt", json={"moving": True, "speed_mph": 0.5}, headers=writes)
    beat = client.post(f"{walk}/belt/heartbeat", headers=writes)
    news = client.get(f"{walk}/belt")
    ended = client.delete(f"{walk}/belt", headers=writes)
    report = {"seq": seq, "ended_at_seconds": 90, "stopped": True, "check_in": check_in()}
    logged = client.post(f"{walk}/live-sessions", json=report, headers=writes)
    again = client.post(f"{walk}/live-sessions", json=report, headers=writes)
    sessions = client.get(f"{walk}/sessions").json()

    assert [started.status_code, belt.status_code, beat.status_code] == [200, 200, 200]
    assert belt.json()["applied"] is False  # set by hand at the walker's side
    assert [news.status_code, ended.status_code, logged.status_code] == [200, 204, 201]
    assert again.status_code == 409  # the second send, on the other process, wrote nothing
    assert [entry["entry"]["minutes_done"] for entry in sessions] == [1.5]
    served = stack.served_since(since, 9)
    assert len(served) == 9
    assert all(first != then for first, then in itertools.pairwise(served))


def test_a_pg_dump_of_the_clinic_restores_to_the_same_records(
    stack: Stack, onboarded: Onboarded, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """docs/deploy.md's backup and restore: pg_dump's custom format, pg_restore into an empty
    database; the restored one holds every record the live one does."""
    dump = tmp_path_factory.mktemp("backup") / "retrowalk.dump"
    live = make_url(stack.database_url)
    restored = live.set(database=f"{live.database}_restored")
    admin = create_engine(live.set(database="postgres"), isolation_level="AUTOCOMMIT")
    libpq = ("-h", str(live.host), "-p", str(live.port), "-U", str(live.username))

    subprocess.run(["pg_dump", *libpq, "--format=custom", f"--file={dump}", str(live.database)],
                   check=True, timeout=60)  # fmt: skip
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {restored.database}"))
    try:
        subprocess.run(["pg_restore", *libpq, f"--dbname={restored.database}", "--no-owner",
                        str(dump)], check=True, timeout=60)  # fmt: skip
        engines = [
            make_engine(url.render_as_string(hide_password=False)) for url in (live, restored)
        ]
        before, after = (read_snapshot(engine) for engine in engines)
        for engine in engines:
            engine.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE {restored.database} WITH (FORCE)"))
        admin.dispose()

    assert after == before
    assert before["tables"]["walkers"]  # the walker onboarded through the proxy is there
