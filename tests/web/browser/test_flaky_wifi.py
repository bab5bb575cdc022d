"""A flaky Wi-Fi loses nothing: while retrowalk cannot be reached the countdown and the cues go on
in the page, the check-in is kept on the phone (local storage) with a plain-words notice, and it
is sent when retrowalk is back, once."""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from tests.web.browser.conftest import Server, screenshot
from tests.web.browser.test_journey import check_in, say_why
from tests.web.browser.test_keyboard_and_phone import onboard_by_api

DOWN_SECONDS = 30
KEPT = "Saved on this phone; it will be sent when retrowalk can be reached."


def test_the_walk_goes_on_while_the_server_is_down_and_its_report_arrives_once_when_it_is_back(
    phone: Page, server: Server
) -> None:
    onboard_by_api(server)
    phone.goto("/live?time_scale=2")
    phone.get_by_role("button", name="Go on", exact=True).click()
    phone.get_by_role("button", name="Go on", exact=True).click()
    expect(phone.locator("#status")).to_have_text("Walking")
    said_before = phone.locator("#said").text_content()

    server.stop()
    counted_from = phone.locator("#countdown").text_content()
    phone.wait_for_timeout(DOWN_SECONDS * 1000)
    expect(phone.locator("#countdown")).not_to_have_text(counted_from or "")
    assert phone.locator("#said").text_content() != said_before  # the cues went on
    phone.get_by_role("button", name="STOP").click()
    say_why(phone)
    check_in(phone)
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator("#form-error")).to_have_text(KEPT)
    assert phone.evaluate("localStorage.getItem('retrowalk.outbox')") is not None
    screenshot(phone, "live-kept-on-the-phone")

    server.start()

    expect(phone.locator("#saved-summary")).to_contain_text("Saved. Next session,", timeout=15_000)
    assert phone.evaluate("localStorage.getItem('retrowalk.outbox')") is None
    phone.goto("/history")  # any page sends what is kept: nothing is
    expect(phone.locator(".session")).to_have_count(1)
    logged = httpx.get(f"{server.url}/api/walkers/1/sessions", timeout=5).json()
    assert len(logged) == 1 and logged[0]["entry"]["pain_during"] == 2
