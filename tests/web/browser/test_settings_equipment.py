"""Settings on a phone: a new treadmill chosen with its own fields, saved, and today re-planned."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.web.browser.conftest import Server, fits_the_width, screenshot
from tests.web.browser.test_keyboard_and_phone import onboard_by_api


def test_a_new_treadmill_in_settings_re_plans_today_on_a_phone(phone: Page, server: Server) -> None:
    onboard_by_api(server)
    phone.goto("/settings")
    expect(phone.locator("#voice-saved")).to_be_hidden()  # nothing saved yet

    phone.get_by_text("Change your equipment").click()
    phone.get_by_label("The console shows speed in").select_option("kmh")
    phone.get_by_label("Slowest belt speed").fill("0.8")
    phone.get_by_label("Fastest belt speed").fill("16")
    phone.get_by_label("Highest incline (%)").fill("12")
    phone.get_by_label("Incline step (%)").fill("1")
    phone.get_by_role("button", name="Save equipment and re-plan").click()

    saved = phone.locator("#equipment-saved")
    expect(saved).to_contain_text("Saved: your next session is planned for this equipment")
    expect(saved).to_contain_text("0.8 km/h, on this treadmill's own steps")
    expect(phone.locator(".facts")).to_contain_text("0.8 to 16 km/h")
    assert fits_the_width(phone)
    screenshot(phone, "settings-equipment-changed")


def test_the_sled_s_fields_show_when_the_sled_is_chosen(phone: Page, server: Server) -> None:
    onboard_by_api(server)
    phone.goto("/settings")
    phone.get_by_text("Change your equipment").click()

    expect(phone.get_by_label("Starting load (kg)")).to_be_hidden()
    phone.get_by_label("Sled").check()

    expect(phone.get_by_label("Starting load (kg)")).to_be_visible()
    expect(phone.get_by_label("Slowest belt speed")).to_be_hidden()


def test_a_mistake_in_new_equipment_is_shown_beside_its_field_on_a_phone(
    phone: Page, server: Server
) -> None:
    onboard_by_api(server)
    phone.goto("/settings")
    phone.get_by_text("Change your equipment").click()

    phone.get_by_label("Speed step (each press of +)").fill("0")
    phone.get_by_role("button", name="Save equipment and re-plan").click()

    expect(phone.locator("#problems")).to_contain_text("Speed step")
    expect(phone.locator("[id='motorized_treadmill.speed_step-error']")).to_be_visible()
    expect(phone.get_by_text("Nothing was changed.")).to_be_visible()
    assert fits_the_width(phone)
    screenshot(phone, "settings-equipment-error")
