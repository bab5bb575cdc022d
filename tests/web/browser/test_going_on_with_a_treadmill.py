"""Going on after a STOP on the live page when retrowalk can no longer start the belt itself:
another app took the treadmill while the walker answered why they stopped, either while the
server held it, or once it had let it go (the page away) and opening it again was refused. The
tap on "Start the belt" then starts nothing: the page asks again in the by-hand words, and
walking time runs only after the walker's next tap, which says they set the belt."""

from __future__ import annotations

import sys

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.web.browser.conftest import Server, screenshot
from tests.web.browser.test_belt_follows import belt_news, walking_then_stop
from tests.web.browser.test_journey import say_why

TAKEN = {
    "taken while held": "/test/take-control",
    "refused on opening again": "/test/away",
}
TAP_TO_START = "Tap Start the belt to start it at 0.5 mph."
BY_HAND = "Start the belt at 0.5 mph"


@pytest.fixture(name="serve_command")
def serve_command_fixture() -> list[str]:
    return [sys.executable, "-m", "tests.web.browser.going_on_server"]


@pytest.mark.parametrize("taken", TAKEN.values(), ids=TAKEN.keys())
def test_going_on_without_control_asks_by_hand_and_walks_only_after_the_next_tap(
    phone: Page, server: Server, taken: str
) -> None:
    walking_then_stop(phone)
    say_why(phone, "Interrupted")
    assert httpx.get(server.url + taken, timeout=5).status_code == 200
    phone.get_by_role("button", name="Go on with this session").click()
    expect(phone.locator("#prompt")).to_have_text(TAP_TO_START)  # as far as the page knows

    phone.get_by_role("button", name="Start the belt").click()

    expect(phone.locator("#prompt")).to_contain_text(BY_HAND)
    expect(phone.locator("#prompt")).not_to_contain_text("Tap Start the belt")
    expect(phone.locator("#confirm-label")).to_have_text("Go on")
    screenshot(phone, "live-going-on-by-hand")
    countdown = phone.locator("#countdown").text_content()
    phone.wait_for_timeout(1500)  # 7.5 s of session time: walking time would show it
    assert phone.locator("#status").text_content() != "Walking"
    assert phone.locator("#countdown").text_content() == countdown
    assert belt_news(server)["running"] is False
    phone.get_by_role("button", name="Go on", exact=True).click()  # the walker set the belt
    expect(phone.locator("#status")).to_have_text("Walking")
    expect(phone.locator("#prompt-box")).to_be_hidden()
