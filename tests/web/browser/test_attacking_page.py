"""A page of another origin, open in the walker's own browser, cannot drive retrowalk: with the
app serving a virtual treadmill it may control, an attacking page fires every write a page can
send without a preflight (text/plain fetches, auto-submitted forms, images pointing at reads)
from another port of 127.0.0.1, from `localhost` and from a `file://` page. The belt never moves
and no record changes. A DNS-rebinding name for the server gets nothing at all."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, Playwright

from tests.web.browser.conftest import CHROMIUM, LAUNCH_ARGS, Server
from tests.web.browser.test_journey import onboard_through_the_form

REBINDING_NAME = "rebound.example"

# Every write retrowalk takes, sent as another site can send it without asking first: simple
# content types (no CORS preflight), the walker's cookies included, answers unread ("no-cors").
ATTACK = """<!doctype html>
<html><body>
<iframe name="sink" style="display:none"></iframe>
<img src="{target}/api/walkers/1/live">
<img src="{target}/live">
<script>
const target = "{target}";
const shots = [
  ["POST", "/api/walkers/1/live", {{seq: 1}}],
  ["POST", "/api/walkers/1/belt/start", {{moving: true, speed_mph: 2.5}}],
  ["PUT", "/api/walkers/1/belt", {{moving: true, speed_mph: 3.0}}],
  ["POST", "/api/walkers/1/belt/heartbeat", {{}}],
  ["POST", "/api/walkers/1/sessions", {{pain_during: 9, rpe: 10, notes: "forged"}}],
  ["POST", "/api/walkers/1/sessions/1/next-morning", {{pain: 10}}],
  ["POST", "/api/walkers/1/undo", {{}}],
  ["POST", "/api/walkers", {{}}],
];
async function fire() {{
  for (let round = 0; round < 3; round++) {{
    for (const [method, path, body] of shots) {{
      for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {{
        try {{
          await fetch(target + path, {{method, mode: "no-cors", credentials: "include",
            headers: {{"Content-Type": type}}, body: JSON.stringify(body)}});
        }} catch (error) {{}}
      }}
    }}
  }}
  for (const [action, fields] of [
    ["/history", {{pain_during: "9", rpe: "10", notes: "forged", csrf_token: "guess"}}],
    ["/settings/units", {{units: "metric"}}],
    ["/history/undo", {{}}],
  ]) {{
    const form = document.createElement("form");
    form.method = "post"; form.action = target + action; form.target = "sink";
    for (const [name, value] of Object.entries(fields)) {{
      const input = document.createElement("input");
      input.name = name; input.value = value; form.appendChild(input);
    }}
    document.body.appendChild(form);
    form.submit();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }}
  document.title = "fired";
}}
fire();
</script>
</body></html>
"""


@pytest.fixture(name="serve_options")
def serve_options_fixture() -> list[str]:
    return ["--device", "virtual", "--control"]


@pytest.fixture(name="attacker")
def attacker_fixture(tmp_path: Path, server: Server) -> Iterator[int]:
    """A second web server on another port, serving the attacking page as attack.html."""
    folder = tmp_path / "attacker"
    folder.mkdir()
    (folder / "attack.html").write_text(ATTACK.format(target=server.url), encoding="utf-8")
    quiet = type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": _silent})
    handler = partial(quiet, directory=str(folder))
    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    yield site.server_address[1]
    site.shutdown()
    site.server_close()


def _silent(*_: Any) -> None:
    return None


def _state(server: Server) -> dict[str, Any]:
    """Everything a forged write could change, read as any local script may read it."""
    with httpx.Client(base_url=server.url, timeout=5) as reader:
        return {
            "walker": reader.get("/api/walkers/1").json(),
            "sessions": reader.get("/api/walkers/1/sessions").json(),
            "today": reader.get("/api/walkers/1/today").json(),
        }


def _belt(server: Server) -> dict[str, Any]:
    news: dict[str, Any] = httpx.get(f"{server.url}/api/walkers/1/belt", timeout=5).json()
    return news


def _open_and_wait(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("document.title === 'fired'", timeout=30_000)
    page.wait_for_timeout(500)  # the last form's answer lands


@pytest.mark.parametrize("origin", ["another port of 127.0.0.1", "localhost", "a file page"])
def test_an_attacking_page_moves_no_belt_and_changes_no_record(
    browser: Browser, server: Server, attacker: int, tmp_path: Path, origin: str
) -> None:
    context = browser.new_context(base_url=server.url)
    walker = context.new_page()
    walker.set_default_timeout(10_000)
    onboard_through_the_form(walker)  # the walker's browser now holds retrowalk's cookies
    walker.goto("/")
    before = _state(server)
    page_of = {
        "another port of 127.0.0.1": f"http://127.0.0.1:{attacker}/attack.html",
        "localhost": f"http://localhost:{attacker}/attack.html",
        "a file page": (tmp_path / "attacker" / "attack.html").as_uri(),
    }

    _open_and_wait(context.new_page(), page_of[origin])

    belt = _belt(server)
    assert belt["connected"] is False
    assert belt["running"] is False
    assert _state(server) == before
    log = server.output()
    assert "403" in log  # the writes reached the server and were refused there
    assert " 201 " not in log.split("attack")[-1]
    context.close()


def test_the_walkers_own_page_still_writes(browser: Browser, server: Server) -> None:
    """The positive control: the same browser, on retrowalk's own page, logs a session."""
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    onboard_through_the_form(page)
    page.goto("/history")
    page.get_by_label("Pain while walking").fill("1")
    with page.expect_navigation():
        page.get_by_role("button", name="Log this session").click()

    assert len(_state(server)["sessions"]) == 1
    context.close()


def test_a_rebinding_name_gets_nothing(playwright: Playwright, server: Server) -> None:
    """DNS rebinding: a name the attacker controls, answered with 127.0.0.1 (mapped here by
    Chromium's resolver rules), makes the attacker's page same-origin with the server. The
    server answers only to its own names, so that page reads and writes nothing."""
    rebinding = playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        headless=True,
        args=[*LAUNCH_ARGS, f"--host-resolver-rules=MAP {REBINDING_NAME} 127.0.0.1"],
    )
    port = server.url.rsplit(":", 1)[1]
    page = rebinding.new_page()

    answer = page.goto(f"http://{REBINDING_NAME}:{port}/")
    write = page.evaluate(
        """async () => {
            const r = await fetch("/api/walkers", {method: "POST",
              headers: {"Content-Type": "application/json"}, body: "{}"});
            return [r.status, await r.text()];
        }"""
    )

    assert answer is not None and answer.status == 400
    assert write[0] == 400
    assert "walker" not in write[1]
    assert httpx.get(f"{server.url}/api/walkers/1", timeout=5).status_code == 404
    rebinding.close()
