"""The calendar link on a phone: made with one tap (a double tap makes one link), shown in full
inside the screen's width, selected whole on a tap, and served to a calendar app by the real
server; then stopped."""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from tests.web.browser.conftest import Server, fits_the_width, screenshot
from tests.web.browser.test_keyboard_and_phone import onboard_by_api


def test_a_calendar_link_made_on_a_phone_serves_the_plan_and_stops(
    phone: Page, server: Server
) -> None:
    onboard_by_api(server)
    phone.goto("/settings")
    expect(phone.get_by_text("No calendar link yet.")).to_be_visible()

    phone.get_by_role("button", name="Make a calendar link").dblclick()

    made = phone.locator("#calendar-made")
    expect(made).to_contain_text("Your calendar link is ready.")
    link = phone.get_by_label("Link to paste into your calendar app")
    address = link.input_value()
    assert address.startswith(server.url + "/calendar/") and address.endswith(".ics")
    assert phone.get_by_label("The same link for Apple Calendar").input_value() == (
        "webcal://" + address.split("://", 1)[1]
    )
    link.click()
    assert phone.evaluate("() => window.getSelection().toString() || "
                          "document.activeElement.value.substring("
                          "document.activeElement.selectionStart, "
                          "document.activeElement.selectionEnd)") == address  # fmt: skip
    assert fits_the_width(phone)
    screenshot(phone, "settings-calendar-link")
    feed = httpx.get(address, timeout=10)
    assert feed.status_code == 200 and feed.text.startswith("BEGIN:VCALENDAR")

    phone.get_by_role("button", name="Stop the link").click()

    expect(phone.locator("#calendar-notice")).to_contain_text("Stopped")
    assert httpx.get(address, timeout=10).status_code == 404
