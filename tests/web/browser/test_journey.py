"""The walker's whole journey on a phone: onboard, see today, walk a live session on an
accelerated clock, stop early, check in, and find the session in history and on the chart."""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import Page, expect

from tests.web.browser.conftest import Server, fits_the_width, screenshot

TIME_SCALE = 20


def onboard_through_the_form(page: Page) -> None:
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/onboarding$"))
    page.get_by_label("Body weight (kg)").fill("72")
    page.get_by_label("What brings you here?").select_option("knee_oa")
    page.get_by_role("button", name="Check and plan my first session").click()
    expect(page.locator("#walker\\.age-error")).to_contain_text("required")
    expect(page.get_by_label("Body weight (kg)")).to_have_value("72")
    screenshot(page, "onboarding-with-errors")
    page.get_by_label("Age (years)").fill("67")
    page.get_by_label("A doctor or physical therapist has cleared me for this").check()
    page.get_by_role("button", name="Check and plan my first session").click()


def walk_and_stop_early(page: Page) -> None:
    page.goto(f"/live?time_scale={TIME_SCALE}")
    expect(page.locator("#prompt")).to_contain_text("When all of that is done")
    expect(page.locator("#checklist")).to_contain_text("Clip the safety key")
    screenshot(page, "live-checklist")
    page.get_by_role("button", name="Done, go on").click()
    expect(page.locator("#prompt")).to_contain_text("Start the belt at 0.5 mph")
    page.get_by_role("button", name="Done, go on").click()
    expect(page.locator("#status")).to_have_text("Walking")
    expect(page.locator("#said")).not_to_be_empty()
    page.wait_for_timeout(1500)
    screenshot(page, "live-walking")
    expect(page.get_by_role("button", name="STOP")).to_be_in_viewport()
    page.get_by_role("button", name="STOP").click()


def test_a_walker_onboards_walks_stops_early_checks_in_and_sees_it_everywhere(
    phone: Page, server: Server
) -> None:
    onboard_through_the_form(phone)
    expect(phone.get_by_role("heading", name="Today's session")).to_be_visible()
    screenshot(phone, "today")
    assert fits_the_width(phone)

    walk_and_stop_early(phone)
    expect(phone.locator("#status")).to_have_text("Stopped")
    expect(phone.locator("#check-in")).to_be_visible()
    phone.get_by_label("How much did the knee hurt").fill("2")
    phone.get_by_label("How hard did it feel?").fill("4")
    screenshot(phone, "live-check-in")
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator("#saved-summary")).to_contain_text("Saved. Next session,")
    screenshot(phone, "live-saved")

    phone.get_by_role("link", name="See your history").click()
    expect(phone.locator(".session").first).to_contain_text("stopped early")
    screenshot(phone, "history")
    assert fits_the_width(phone)

    phone.goto("/progress")
    point = phone.locator(f'#chart-minutes circle[data-date="{date.today().isoformat()}"]')
    expect(point).to_have_count(1)
    screenshot(phone, "progress")
    assert fits_the_width(phone)

    phone.goto("/settings")
    screenshot(phone, "settings")
    assert fits_the_width(phone)


def test_a_check_in_mistake_is_shown_beside_its_field_and_the_answers_stay(
    phone: Page, server: Server
) -> None:
    onboard_through_the_form(phone)
    walk_and_stop_early(phone)

    phone.get_by_label("How much did the knee hurt").fill("12")
    phone.get_by_label("How hard did it feel?").fill("4")
    phone.get_by_role("button", name="Save").click()

    expect(phone.locator("#pain_during-error")).to_contain_text("less than or equal to 10")
    expect(phone.get_by_label("How hard did it feel?")).to_have_value("4")
    screenshot(phone, "live-check-in-error")
