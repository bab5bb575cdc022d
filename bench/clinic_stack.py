"""The deployed clinic stack of tests/deploy/stack.py (a fresh PostgreSQL database migrated by
`retrowalk db upgrade`, two app processes started by the unit's ExecStart line, nginx with TLS
in front), in clinic mode and with a clinic loaded before the app processes start; and a
clinician logged in through nginx as a browser logs in.

It reuses the harness's steps rather than copying them, so the bench runs the stack exactly as
the deployment tests do; the one addition is the clinic: `RETROWALK_CLINIC=true` in the app
processes' environment and the snapshot written between the migration and the first process.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import text
from tests.deploy import stack as harness

from retrowalk.store.database import make_engine
from retrowalk.store.snapshot import write_snapshot

Stack = harness.Stack


@contextmanager
def clinic_stack(folder: Path, snapshot: dict[str, Any]) -> Iterator[tuple[Stack, float]]:
    """The stack with `snapshot` loaded and clinic mode on, and the seconds the load took;
    everything is torn down after (processes, then the database)."""
    with ExitStack() as cleanup:
        url = harness._fresh_database(cleanup)
        stack = harness._prepared(folder, url)
        stack.env["RETROWALK_CLINIC"] = "true"
        cleanup.callback(harness._stop_all, stack)
        harness._migrate_once(stack)
        seconds = load(url, snapshot)
        for port in stack.app_ports:
            harness._spawn(stack, f"app-{port}", harness.exec_start(port))
        for port in stack.app_ports:
            harness._wait_for(stack, f"http://127.0.0.1:{port}/static/app.css", port)
        nginx = [str(harness.NGINX), "-p", str(folder), "-c", str(folder / "nginx.conf"),
                 "-e", str(folder / "nginx-error.log")]  # fmt: skip
        harness._spawn(stack, "nginx", nginx)
        harness._wait_for(stack, stack.url + "/static/app.css", None)
        yield stack, seconds


def load(url: str, snapshot: dict[str, Any]) -> float:
    """Write the snapshot (checked whole, one transaction) and VACUUM ANALYZE, as autovacuum
    leaves the tables soon after a restore (statistics for the planner, and the visibility map
    that lets index-only scans skip the table); the seconds it took."""
    engine = make_engine(url)
    try:
        started = time.perf_counter()
        write_snapshot(engine, snapshot, replace=False)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
        return time.perf_counter() - started
    finally:
        engine.dispose()


def logged_in_cookie(stack: Stack, name: str, password: str) -> str:
    """The Cookie header of a browser that logged in as `name` through nginx: the login form
    asked for, sent back with its CSRF token, and the session cookie it set."""
    with stack.client() as browser:
        form = browser.get("/login")
        form.raise_for_status()
        found = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
        assert found is not None, "the login page has no CSRF token"
        answer = browser.post(
            "/login",
            data={"name": name, "password": password, "csrf_token": found.group(1)},
            headers={"origin": stack.url},
        )
        assert answer.status_code == 303, f"login answered {answer.status_code}: {answer.text}"
        assert answer.headers["location"] == "/desk", answer.headers["location"]
        cookies = dict(browser.cookies.items())
    assert "retrowalk_session" in cookies, "the login set no session cookie"
    return "; ".join(f"{key}={value}" for key, value in cookies.items())
