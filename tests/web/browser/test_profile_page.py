"""My knee and my profile on a phone: swelling reported stops the plan, its going re-plans it,
a clearance is recorded, and every change is listed."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.web.browser.conftest import Server, fits_the_width, screenshot
from tests.web.browser.test_keyboard_and_phone import onboard_by_api


def test_swelling_stops_the_plan_and_its_going_and_a_clearance_are_listed(
    phone: Page, server: Server
) -> None:
    onboard_by_api(server)
    phone.goto("/settings")
    phone.get_by_role("link", name="change your answers and see every change so far").click()

    phone.get_by_label("My knee is swollen now").check()
    phone.get_by_role("button", name="Save, check again and re-plan").click()

    expect(phone.locator("#profile-saved")).to_contain_text("No walking until this is resolved")
    phone.get_by_label("My knee is swollen now").uncheck()
    phone.get_by_role("button", name="Save, check again and re-plan").click()
    expect(phone.locator("#profile-saved")).to_contain_text("Saved. Your next session")
    phone.get_by_label("Their name").fill("Dr Lee")
    phone.get_by_role("button", name="Record the clearance").click()

    changes = phone.locator("#changes")
    expect(changes).to_contain_text("cleared by Dr Lee")
    expect(changes).to_contain_text("Swelling: yes → no")
    expect(changes).to_contain_text("Swelling: no → yes")
    assert fits_the_width(phone)
    screenshot(phone, "settings-profile-changes")


def test_a_mistake_is_shown_beside_its_field_on_a_phone(phone: Page, server: Server) -> None:
    onboard_by_api(server)
    phone.goto("/settings/profile")

    phone.get_by_label("Knee pain at rest today, 0 (none) to 10 (worst)").fill("12")
    phone.get_by_role("button", name="Save, check again and re-plan").click()

    expect(phone.locator("[id='rest_pain-error']")).to_be_visible()
    expect(phone.get_by_text("Nothing was changed.")).to_be_visible()
    assert fits_the_width(phone)
    screenshot(phone, "settings-profile-error")
