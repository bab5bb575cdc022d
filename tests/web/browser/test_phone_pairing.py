"""A phone on the home network (`retrowalk serve --lan`), in Chromium: the LAN address is played
by a second loopback address, 127.0.0.2, which the server treats as the network (only exactly
127.0.0.1 and ::1 are this computer). An unpaired phone gets no data and makes no write; a phone
that opens the QR code's link pairs and walks a whole session; revoked on this computer's
settings page, it is locked out at its next request."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.web.browser.conftest import PHONE, Server, screenshot
from tests.web.browser.test_journey import TIME_SCALE, check_in, onboard_through_the_form

LAN_ADDRESS = "127.0.0.2"


@pytest.fixture(name="serve_options")
def serve_options_fixture() -> list[str]:
    return ["--lan", "--lan-address", LAN_ADDRESS]


def _lan(server: Server) -> str:
    return server.url.replace("127.0.0.1", LAN_ADDRESS)


def _code(server: Server) -> str:
    found = re.search(r"type the code (\w{4}-\w{4})", server.output())
    assert found is not None, server.output()
    return found.group(1)


@pytest.fixture(name="phones")
def phones_fixture(browser: Browser, server: Server) -> Iterator[tuple[Page, Page]]:
    """Two phones on the network: a stranger's and the walker's (separate cookie jars)."""
    contexts = [
        browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, base_url=_lan(server))
        for _ in range(2)
    ]
    pages = [context.new_page() for context in contexts]
    for page in pages:
        page.set_default_timeout(10_000)
    yield pages[0], pages[1]
    for context in contexts:
        context.close()


def _sessions(server: Server) -> list[dict[str, object]]:
    answer: list[dict[str, object]] = httpx.get(
        f"{server.url}/api/walkers/1/sessions", timeout=5
    ).json()
    return answer


def _stranger_gets_nothing(stranger: Page) -> None:
    stranger.goto("/")
    expect(stranger.get_by_role("heading", name="Pair this device first")).to_be_visible()
    assert stranger.request.get("/api/walkers/1/sessions").status == 401
    written = stranger.evaluate(
        """async () => (await fetch('/api/walkers/1/sessions', {method: 'POST',
            headers: {'content-type': 'application/json'},
            body: '{"date": "2027-01-01"}'})).status"""
    )
    assert written == 401


def test_an_unpaired_phone_gets_nothing_a_paired_one_walks_and_a_revoked_one_is_locked_out(
    phone: Page, phones: tuple[Page, Page], server: Server
) -> None:
    computer = phone  # the `phone` fixture opens 127.0.0.1: this computer
    stranger, walker = phones
    onboard_through_the_form(computer)
    computer.goto("/pair")
    expect(computer.locator("#pairing-code")).to_have_text(_code(server))
    expect(computer.locator(".qr svg")).to_be_visible()
    screenshot(computer, "pair-code")

    _stranger_gets_nothing(stranger)
    screenshot(stranger, "pair-first")

    code = _code(server)
    walker.goto(f"/pair?code={code.replace('-', '')}")  # the QR code's link
    expect(walker.get_by_label("Pairing code")).to_have_value(code.replace("-", ""))
    walker.get_by_label("Name of this device").fill("Pixel 8")
    screenshot(walker, "pair-phone")
    walker.get_by_role("button", name="Pair this device").click()
    expect(walker.get_by_role("heading", name="Today's session")).to_be_visible()

    walker.goto(f"/live?time_scale={TIME_SCALE}")
    expect(walker.locator("#checklist")).to_contain_text("Clip the safety key")
    walker.get_by_role("button", name="Go on", exact=True).click()
    expect(walker.locator("#prompt")).to_contain_text("Start the belt at 0.5 mph")
    walker.get_by_role("button", name="Go on", exact=True).click()
    expect(walker.locator("#status")).to_have_text("Walking")
    expect(walker.locator("#check-in")).to_be_visible(timeout=30_000)  # the walk's end
    check_in(walker)
    walker.get_by_role("button", name="Save").click()
    expect(walker.locator("#saved-summary")).to_contain_text("Saved. Next session,")
    logged = _sessions(server)
    assert len(logged) == 1

    _stranger_gets_nothing(stranger)  # the walker's pairing opened nothing for anyone else

    computer.goto("/settings")
    expect(computer.locator("#paired-title")).to_be_visible()
    computer.get_by_role("button", name="Revoke Pixel 8").click()
    expect(computer.get_by_role("status")).to_contain_text("can no longer open retrowalk")
    walker.goto("/history")
    expect(walker.get_by_role("heading", name="Pair this device first")).to_be_visible()
    assert walker.request.get("/api/walkers/1/sessions").status == 401
    assert _sessions(server) == logged
