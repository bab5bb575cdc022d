"""A PostgreSQL database that cannot be reached (a server that never answers, a wrong password,
nothing listening, no such database, a host that does not resolve) is one line naming it,
password hidden, and exit status 2, within the database_timeout; `serve` never prints the
password. Each command runs in its own process with a hard time limit."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.cli.support import retrowalk
from tests.db import fresh_database_url, postgres_server_url
from tests.store.failing import free_port, refuse_password, silent_server

PASSWORD = "s3cret-Pw"
HARD_LIMIT_SECONDS = 60
FEW_SECONDS = 15  # libpq waits at least 2 s (the setting below asks for 1)


@pytest.fixture(name="elsewhere")
def elsewhere_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No data directory or config file of the user's: only the URL each test gives."""
    monkeypatch.setenv("RETROWALK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RETROWALK_CONFIG_FILE", str(tmp_path / "absent.toml"))
    monkeypatch.setenv("RETROWALK_DATABASE_TIMEOUT", "1")


@contextmanager
def _nowhere(kind: str) -> Iterator[str]:
    """A URL, with a password, of a database that cannot be reached in the way `kind` says."""
    if kind == "a server that never answers":
        with silent_server() as port:
            yield f"postgresql://walker:{PASSWORD}@127.0.0.1:{port}/retrowalk"
    elif kind == "a wrong password":
        with silent_server(answer=refuse_password) as port:
            yield f"postgresql://walker:{PASSWORD}@127.0.0.1:{port}/retrowalk"
    elif kind == "nothing listening":
        yield f"postgresql://walker:{PASSWORD}@127.0.0.1:{free_port()}/retrowalk"
    elif kind == "no such database":
        server = make_url(postgres_server_url())
        url = server.set(password=PASSWORD, database="retrowalk_no_such_database")
        yield url.render_as_string(hide_password=False)
    else:
        yield f"postgresql://walker:{PASSWORD}@no-such-host.invalid:5432/retrowalk"


KINDS = [
    "a server that never answers",
    "a wrong password",
    "nothing listening",
    "no such database",
    "a bad host",
]
REASONS = {
    "a wrong password": 'password authentication failed for user "walker"',
    "a server that never answers": "no answer within 2 seconds",
    "nothing listening": "refused",
    "no such database": 'database "retrowalk_no_such_database" does not exist',
    "a bad host": "no-such-host.invalid",
}


@pytest.mark.usefixtures("elsewhere")
@pytest.mark.parametrize("kind", KINDS)
def test_a_database_out_of_reach_is_one_line_and_exit_status_2(kind: str) -> None:
    with _nowhere(kind) as url:
        started = time.monotonic()
        result = retrowalk("history", env={"RETROWALK_DATABASE_URL": url})
        took = time.monotonic() - started

    assert result.returncode == 2, result.stderr
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("Error: cannot reach the database at postgresql://")
    assert ":***@" in result.stderr and PASSWORD not in result.stderr
    assert REASONS[kind] in result.stderr
    assert took < FEW_SECONDS


@pytest.mark.usefixtures("elsewhere")
def test_serve_on_a_database_out_of_reach_is_one_line_without_the_password() -> None:
    with _nowhere("nothing listening") as url:
        result = retrowalk("serve", "--port", str(free_port()), env={"RETROWALK_DATABASE_URL": url})

    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "cannot reach the database" in result.stderr
    assert PASSWORD not in result.stdout + result.stderr


@pytest.mark.usefixtures("elsewhere")
def test_serve_never_prints_the_database_password(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = make_url(fresh_database_url("postgresql", request, tmp_path)).set(password=PASSWORD)
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "retrowalk.cli.main", "serve", "--port", str(free_port())]
    env = os.environ | {"RETROWALK_DATABASE_URL": url.render_as_string(hide_password=False)}

    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for(log, "retrowalk is at", server)
    finally:
        server.terminate()
        server.wait(timeout=HARD_LIMIT_SECONDS)
    printed = log.read_text(encoding="utf-8")

    assert "Using the database at postgresql://" in printed and ":***@" in printed
    assert PASSWORD not in printed


def _wait_for(log: Path, text: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + HARD_LIMIT_SECONDS
    while time.monotonic() < deadline:
        if text in log.read_text(encoding="utf-8"):
            return
        if process.poll() is not None:
            pytest.fail(f"serve exited with {process.returncode}:\n{log.read_text()}")
        time.sleep(0.1)
    pytest.fail(f"serve did not say {text!r} in {HARD_LIMIT_SECONDS} s:\n{log.read_text()}")
