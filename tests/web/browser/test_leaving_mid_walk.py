"""Leaving the live page while the belt runs (the Leave link, the phone locking or hiding the
page) stops the belt at once, and the walk is logged as partial: what was walked, the check-in
unknown, stopped for an interruption. Any page reached while a belt runs shows a STOP banner.
With `retrowalk serve --device virtual --control`; the belt is read through the API."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.web.browser.conftest import PHONE, Server, screenshot
from tests.web.browser.test_belt_follows import TIME_SCALE, belt_news
from tests.web.browser.test_journey import onboard_through_the_form
from tests.web.virtual import eventually

HIDE = """() => {
  Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
  Object.defineProperty(document, "hidden", { value: true, configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
}"""


@pytest.fixture(name="serve_options")
def serve_options_fixture() -> list[str]:
    return ["--device", "virtual", "--control"]


def start_the_belt(page: Page) -> None:
    page.goto(f"/live?time_scale={TIME_SCALE}")
    page.get_by_role("button", name="Go on", exact=True).click()
    page.get_by_role("button", name="Start the belt").click()
    expect(page.locator("#belt")).to_have_text("0.5 mph")
    page.wait_for_timeout(1500)  # a little walked


def logged(server: Server) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = httpx.get(
        f"{server.url}/api/walkers/1/sessions", timeout=5
    ).json()
    return found


def assert_logged_once_as_partial(server: Server) -> None:
    eventually(lambda: len(logged(server)) == 1, "the walk is logged", seconds=10)
    entry = logged(server)[0]["entry"]
    assert 0 < entry["minutes_done"] < 3 and entry["stop_reason"] == "interrupted"
    assert (entry["pain_during"], entry["rpe"], entry["sharp_pain"]) == (None, None, None)
    assert entry["source"] == "device"
    assert "closed or hidden" in entry["notes"]


def test_the_leave_link_mid_walk_stops_the_belt_within_a_second_and_logs_a_partial_walk(
    phone: Page, server: Server
) -> None:
    onboard_through_the_form(phone)
    start_the_belt(phone)
    assert belt_news(server)["running"] is True

    phone.get_by_role("link", name="Leave").click()

    eventually(lambda: not belt_news(server)["running"], "the belt stops", seconds=1.0)
    assert_logged_once_as_partial(server)
    # Today's page: today's session, or the next one if the partial walk's log came first.
    expect(phone.locator("#dose-title")).to_contain_text(re.compile("Today's session|Next session"))
    expect(phone.locator(".belt-banner")).to_have_count(0)


def test_a_locked_phone_hiding_the_page_stops_the_belt_and_says_so_when_it_comes_back(
    phone: Page, server: Server
) -> None:
    onboard_through_the_form(phone)
    start_the_belt(phone)

    phone.evaluate(HIDE)

    eventually(lambda: not belt_news(server)["running"], "the belt stops", seconds=1.0)
    expect(phone.locator("#saved-summary")).to_contain_text("closed or hidden")
    expect(phone.get_by_role("button", name="STOP")).to_be_hidden()
    screenshot(phone, "live-left-hidden")
    assert_logged_once_as_partial(server)


def test_every_page_shows_a_stop_banner_while_a_belt_runs_and_one_tap_stops_it(
    phone: Page, server: Server, browser: Browser
) -> None:
    onboard_through_the_form(phone)
    start_the_belt(phone)
    other = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, base_url=server.url)
    page = other.new_page()

    page.goto("/history")
    expect(page.locator(".belt-banner")).to_contain_text("The treadmill belt is running.")
    screenshot(page, "belt-banner")
    page.get_by_role("button", name="STOP the belt").click()

    eventually(lambda: not belt_news(server)["running"], "the banner's STOP stops the belt")
    expect(page).to_have_url(f"{server.url}/history")
    expect(page.locator(".belt-banner")).to_have_count(0)
    other.close()
