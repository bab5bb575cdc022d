"""A walk is saved once: a double tap on Save logs it once, and the same walk saved again from a
second tab is told "Already saved" (the server's 409), never shown as an error."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.web.browser.conftest import Server, screenshot
from tests.web.browser.test_journey import (
    check_in,
    onboard_through_the_form,
    say_why,
    walk_and_stop_early,
)


def test_a_walk_saved_in_one_tab_is_already_saved_in_the_other_and_logged_once(
    phone: Page, server: Server
) -> None:
    onboard_through_the_form(phone)
    other = phone.context.new_page()
    for tab in (phone, other):
        walk_and_stop_early(tab)
        say_why(tab)
        check_in(tab)

    phone.get_by_role("button", name="Save").dblclick()
    expect(phone.locator("#saved-summary")).to_contain_text("Saved. Next session,")
    other.get_by_role("button", name="Save").click()

    expect(other.locator("#saved-title")).to_have_text("Already saved")
    expect(other.locator("#saved-summary")).to_contain_text("It is logged once")
    expect(other.locator("#form-error")).to_be_hidden()
    screenshot(other, "live-already-saved")
    phone.goto("/history")
    expect(phone.locator(".session")).to_have_count(1)
