"""The live page from the keyboard alone, and STOP on screen whatever the walker scrolls."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.web.browser.conftest import Server, fits_the_width, screenshot
from tests.web.builders import walker_json
from tests.web.client import script


def onboard_by_api(server: Server) -> None:
    body = walker_json() | {"start": None}
    with script(server.url) as client:
        response = client.post("/api/walkers", json=body)
    assert response.status_code == 201, response.text


def start_walking_with_keys(page: Page) -> None:
    page.goto("/live?time_scale=10")
    page.keyboard.press("Enter")
    expect(page.locator("#prompt")).to_contain_text("Start the belt")
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_have_text("Walking")


def test_the_stop_button_is_reached_with_tab_and_pressed_with_enter(
    phone: Page, server: Server
) -> None:
    onboard_by_api(server)
    start_walking_with_keys(phone)

    for _ in range(10):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.id") == "stop":
            break
    screenshot(phone, "live-stop-focused")
    phone.keyboard.press("Enter")

    expect(phone.locator("#status")).to_have_text("Stopped")
    expect(phone.locator("#q-stop_reason")).to_be_focused()  # why did you stop? comes first


def test_pressing_s_stops_and_space_pauses_the_countdown(phone: Page, server: Server) -> None:
    onboard_by_api(server)
    start_walking_with_keys(phone)

    phone.keyboard.press(" ")
    expect(phone.locator("#status")).to_have_text("Paused")
    frozen = phone.locator("#countdown").text_content()
    phone.wait_for_timeout(600)
    expect(phone.locator("#countdown")).to_have_text(frozen or "")
    phone.keyboard.press("s")

    expect(phone.locator("#status")).to_have_text("Stopped")


def test_stop_stays_on_screen_at_phone_width_however_far_the_page_scrolls(
    phone: Page, server: Server
) -> None:
    onboard_by_api(server)
    start_walking_with_keys(phone)

    phone.mouse.wheel(0, 2000)

    expect(phone.get_by_role("button", name="STOP")).to_be_in_viewport()
    assert fits_the_width(phone)
