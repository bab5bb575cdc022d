"""Browser tests: the real server (`retrowalk serve`) in a subprocess on a free port, driven by
Playwright through Debian's Chromium (`/usr/bin/chromium`, installed by
scripts/system-packages.sh; never downloaded). Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, Playwright, ViewportSize, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).parents[3] / "test-artifacts" / "screenshots"
PHONE: ViewportSize = {"width": 360, "height": 740}
START_DEADLINE_SECONDS = 20.0


@dataclass
class Server:
    url: str
    log: Path
    command: list[str]
    env: dict[str, str]
    process: subprocess.Popen[str] | None = None

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Stop the server process (as a crash or a lost network would for the page)."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def start(self) -> None:
        """Start it (again) on the same port and data directory, and wait until it answers."""
        with self.log.open("a", encoding="utf-8") as out:
            self.process = subprocess.Popen(
                self.command, env=self.env, stdout=out, stderr=subprocess.STDOUT, text=True
            )
        _wait_until_up(self)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + START_DEADLINE_SECONDS
    while time.monotonic() < deadline:
        process = server.process
        if process is not None and process.poll() is not None:
            pytest.fail(f"retrowalk serve exited with {process.returncode}:\n{server.output()}")
        try:
            # 401: up in clinic mode, where the API needs a login (docs/web.md).
            if httpx.get(server.url + "/api/openapi.json", timeout=1).status_code in (200, 401):
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    pytest.fail(
        f"retrowalk serve did not answer within {START_DEADLINE_SECONDS} s:\n{server.output()}"
    )


@pytest.fixture(name="serve_command")
def serve_command_fixture() -> list[str]:
    """The server's command line before the port (a test module may serve another way)."""
    return [sys.executable, "-m", "retrowalk.cli.main", "serve"]


@pytest.fixture(name="serve_options")
def serve_options_fixture() -> list[str]:
    """Options for `retrowalk serve` beyond the port (a test module may ask for more)."""
    return []


def local_server(folder: Path, command: list[str]) -> Server:
    """A server run by `command` (`--port` and a free port are added) on a fresh data directory
    in `folder`, its output in folder/server.log; not started yet."""
    port = _free_port()
    env = os.environ | {
        "RETROWALK_DATA_DIR": str(folder / "data"),
        "RETROWALK_CONFIG_FILE": str(folder / "absent.toml"),
    }
    env.pop("RETROWALK_DATABASE_URL", None)
    log = folder / "server.log"
    log.write_text("", encoding="utf-8")
    return Server(f"http://127.0.0.1:{port}", log, [*command, "--port", str(port)], env)


@pytest.fixture(name="server")
def server_fixture(
    tmp_path: Path,
    request: pytest.FixtureRequest,
    serve_command: list[str],
    serve_options: list[str],
) -> Iterator[Server]:
    """`retrowalk serve` on a fresh data directory (the database is created on first run)."""
    server = local_server(tmp_path, serve_command)
    server.command += serve_options
    try:
        server.start()
        yield server
    finally:
        server.stop()
        request.node.add_report_section("call", "retrowalk serve", server.output())


@pytest.fixture(name="playwright", scope="module")
def playwright_fixture() -> Iterator[Playwright]:
    """A Playwright driver for one test module, stopped after it: the sync driver runs an
    asyncio loop in this thread while it lives, and a test after it that calls asyncio.run (the
    device tests) would be refused. tests/deploy/ imports this fixture too."""
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(name="browser", scope="module")
def browser_fixture(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run `bash scripts/system-packages.sh` (installs chromium)"
        )
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
    )
    yield browser
    browser.close()


def phone_page(browser: Browser, base_url: str) -> Page:
    """A page in a phone-sized viewport (360 px wide, touch) on `base_url`, in a context of its
    own (close it with `page.context.close()`)."""
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, base_url=base_url, reduced_motion="reduce"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


@pytest.fixture(name="phone")
def phone_fixture(browser: Browser, server: Server) -> Iterator[Page]:
    """A page in a phone-sized viewport (360 px wide, touch), on the server."""
    page = phone_page(browser, server.url)
    yield page
    page.context.close()


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def fits_the_width(page: Page) -> bool:
    """Nothing sticks out sideways (no horizontal scrolling at this viewport)."""
    overflow: bool = page.evaluate(
        "document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"
    )
    return overflow
