"""The walker's whole journey on a phone: onboard, see today, walk a live session on an
accelerated clock, stop early, check in, and find the session in history and on the chart."""

from __future__ import annotations

import re
from datetime import date

import httpx
from playwright.sync_api import Page, expect

from tests.web.browser.conftest import Server, fits_the_width, screenshot

TIME_SCALE = 20


def onboard_through_the_form(page: Page) -> None:
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/onboarding$"))
    page.get_by_label("Body weight").fill("160")  # lb: the form starts in mph
    page.get_by_label("What brings you here?").select_option("knee_oa")
    page.get_by_role("button", name="Check and plan my first session").click()
    expect(page.locator("#walker\\.age-error")).to_contain_text("required")
    expect(page.get_by_label("Body weight")).to_have_value("160")
    screenshot(page, "onboarding-with-errors")
    page.get_by_label("Age (years)").fill("67")
    page.get_by_label("A doctor or physical therapist has cleared me for this").check()
    page.get_by_role("button", name="Check and plan my first session").click()


def walk_and_stop_early(page: Page) -> None:
    page.goto(f"/live?time_scale={TIME_SCALE}")
    expect(page.locator("#prompt")).to_contain_text("When all of that is done")
    expect(page.locator("#checklist")).to_contain_text("Clip the safety key")
    screenshot(page, "live-checklist")
    page.get_by_role("button", name="Go on", exact=True).click()
    expect(page.locator("#prompt")).to_contain_text("Start the belt at 0.5 mph")
    page.get_by_role("button", name="Go on", exact=True).click()
    expect(page.locator("#status")).to_have_text("Walking")
    expect(page.locator("#said")).not_to_be_empty()
    page.wait_for_timeout(1500)
    screenshot(page, "live-walking")
    expect(page.get_by_role("button", name="STOP")).to_be_in_viewport()
    page.get_by_role("button", name="STOP").click()


YES_NO = ("sharp_pain", "form_ok", "swelling", "locking", "giving_way", "stable_without_hands")


def say_why(page: Page, reason: str = "Tired") -> None:
    """Answer "why did you stop?", asked first after an early STOP."""
    expect(page.locator("#q-stop_reason")).to_be_focused()
    page.locator("#why").get_by_label(reason, exact=True).check()
    page.get_by_role("button", name="Next").click()


def tap(page: Page, question: str, answer: str) -> None:
    """Tap an answer button of a check-in question (`pain_during`, `rpe`, `swelling`, ...)."""
    page.locator(f"#{question}-field").get_by_label(answer, exact=True).check()


def check_in(page: Page, pain: str = "2", effort: str = "4") -> None:
    """Fill the check-in: pain and effort, and "No" to every yes-or-no question shown."""
    tap(page, "pain_during", pain)
    tap(page, "rpe", effort)
    for name in YES_NO:
        field = page.locator(f"#{name}-field")
        if field.is_visible():
            field.get_by_label("No", exact=True).check()


def test_a_walker_onboards_walks_stops_early_checks_in_and_sees_it_everywhere(
    phone: Page, server: Server
) -> None:
    onboard_through_the_form(phone)
    expect(phone.get_by_role("heading", name="Today's session")).to_be_visible()
    screenshot(phone, "today")
    assert fits_the_width(phone)

    walk_and_stop_early(phone)
    expect(phone.locator("#status")).to_have_text("Stopped")
    screenshot(phone, "live-why-stopped")
    say_why(phone)
    expect(phone.locator("#check-in")).to_be_visible()
    check_in(phone)
    screenshot(phone, "live-check-in")
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator("#saved-summary")).to_contain_text("Saved. Next session,")
    screenshot(phone, "live-saved")

    phone.get_by_role("link", name="See your history").click()
    expect(phone.locator(".session").first).to_contain_text("stopped early")
    screenshot(phone, "history")
    assert fits_the_width(phone)

    phone.goto("/progress")
    point = phone.locator(f'#chart-minutes path.marker[data-date="{date.today().isoformat()}"]')
    expect(point).to_have_count(1)
    screenshot(phone, "progress")
    assert fits_the_width(phone)

    phone.goto("/settings")
    screenshot(phone, "settings")
    assert fits_the_width(phone)


def test_a_check_in_question_left_out_is_shown_beside_its_field_and_the_answers_stay(
    phone: Page, server: Server
) -> None:
    onboard_through_the_form(phone)
    walk_and_stop_early(phone)
    say_why(phone)
    check_in(phone)
    phone.locator("#check-in-form").evaluate(
        "form => form.pain_during.forEach(b => { b.checked = false; })"
    )

    phone.get_by_role("button", name="Save").click()

    expect(phone.locator("#pain_during-error")).to_contain_text("Tap an answer, or Skip")
    expect(phone.locator("#pain_during")).to_be_focused()
    expect(phone.locator("#rpe-field").get_by_label("4", exact=True)).to_be_checked()
    screenshot(phone, "live-check-in-error")


def test_a_stop_pressed_by_mistake_goes_on_and_the_walk_is_logged_once_in_full(
    phone: Page, server: Server
) -> None:
    onboard_through_the_form(phone)
    walk_and_stop_early(phone)

    say_why(phone, "Pressed by mistake")
    expect(phone.locator("#go-on-title")).to_contain_text("Go on with this session")
    screenshot(phone, "live-go-on")
    phone.get_by_role("button", name="Go on with this session").click()
    expect(phone.locator("#prompt")).to_contain_text("Start the belt at 0.5 mph")
    expect(phone.locator("#checklist")).to_contain_text("Clip the safety key")
    phone.get_by_role("button", name="Go on", exact=True).click()
    expect(phone.locator("#status")).to_have_text("Walking")
    expect(phone.locator("#check-in")).to_be_visible(timeout=20_000)  # the walk's end
    expect(phone.locator("#why")).to_be_hidden()  # not stopped early: no "why"
    check_in(phone)
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator("#saved-summary")).to_contain_text("Saved. Next session,")

    logged = httpx.get(f"{server.url}/api/walkers/1/sessions", timeout=5).json()
    entry = logged[0]["entry"]
    assert len(logged) == 1
    assert (entry["minutes_done"], entry["stop_reason"]) == (3, None)
    assert "(pressed by mistake)" in entry["notes"]


def test_each_check_in_question_is_answered_or_skipped_and_a_skip_is_unknown(
    phone: Page, server: Server
) -> None:
    onboard_through_the_form(phone)
    walk_and_stop_early(phone)
    say_why(phone, "Pain")

    expect(phone.locator("#sharp_pain-field")).to_be_hidden()  # stopping for pain said it
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator("#pain_during-error")).to_contain_text("or Skip")
    expect(phone.locator("#swelling-error")).to_contain_text("or Skip")
    tap(phone, "pain_during", "Skip")
    tap(phone, "rpe", "5")
    for name in ("form_ok", "swelling", "locking", "giving_way", "stable_without_hands"):
        phone.locator(f"#{name}-field").get_by_label("Skip", exact=True).check()
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator("#saved-summary")).to_contain_text("Saved. Next session,")

    entry = httpx.get(f"{server.url}/api/walkers/1/sessions", timeout=5).json()[0]["entry"]
    assert (entry["stop_reason"], entry["sharp_pain"], entry["pain_during"]) == ("pain", True, None)
    assert (entry["rpe"], entry["swelling"], entry["form_ok"]) == (5, None, None)
