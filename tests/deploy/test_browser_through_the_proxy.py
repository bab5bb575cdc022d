"""The clinic's whole journey in two browsers through the clinic stack (nginx, HTTPS, two app
processes, PostgreSQL), with the first clinician made by `retrowalk admin create-clinician`:

the clinician logs in and makes a patient's invitation; the patient's phone signs up with it,
onboards with a motorized treadmill, walks today's session live (the belt set by hand, as in
every deployment), stops it for pain and says so; the desk shows the sharp-pain flag, and the
clinician acknowledges it; the patient records their clinician's clearance (the plan stopped
for sharp pain at the start dose waits for one); the clinician lowers the speed ceiling below
the next dose, and the patient's today page obeys it and says why; and the patient's PDF report
downloads from the desk. Both processes serve the journey's requests."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from tests.deploy.accounts import WALKER_PASSWORD
from tests.deploy.stack import CLINICIAN, CLINICIAN_PASSWORD, Stack
from tests.web.browser.conftest import (  # noqa: F401 - fixtures, known by their `name=`
    PHONE,
    browser_fixture,
    playwright_fixture,
    screenshot,
)
from tests.web.browser.test_journey import check_in, say_why, walk_and_stop_early

TIMEOUT_MS = 10_000


def _context(browser: Browser, stack: Stack, phone: bool) -> BrowserContext:
    # Chromium here has no way to be given the test CA; httpx checks the chain in test_stack.py.
    shape = {"viewport": PHONE, "is_mobile": True, "has_touch": True} if phone else {}
    return browser.new_context(
        base_url=stack.url, ignore_https_errors=True, reduced_motion="reduce",
        accept_downloads=True, **shape,  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.fixture(name="desk")
def desk_fixture(browser: Browser, stack: Stack) -> Iterator[Page]:
    context = _context(browser, stack, phone=False)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


@pytest.fixture(name="phone")
def phone_fixture(browser: Browser, stack: Stack) -> Iterator[Page]:
    context = _context(browser, stack, phone=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


def _log_in(page: Page, name: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("Account name").fill(name)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def _invitation(desk: Page, stack: Stack) -> str:
    _log_in(desk, CLINICIAN, CLINICIAN_PASSWORD)
    expect(desk).to_have_url(re.compile(r"/desk$"))
    desk.goto("/invitations")
    desk.get_by_role("button", name="Make an invitation link").click()
    link = desk.get_by_label("Invitation link").input_value()
    assert link.startswith(stack.url + "/signup?invite=")  # https, the clinic's own name
    return link


def _sign_up_and_onboard(phone: Page, link: str) -> None:
    phone.goto(link)
    phone.get_by_label("Account name").fill("dee")
    phone.get_by_label("Password", exact=True).fill(WALKER_PASSWORD)
    phone.get_by_label("Password again").fill(WALKER_PASSWORD)
    phone.get_by_role("button", name="Sign up").click()
    expect(phone).to_have_url(re.compile(r"/onboarding$"))
    phone.get_by_label("Body weight").fill("160")  # lb: the form starts in mph
    phone.get_by_label("What brings you here?").select_option("knee_oa")
    phone.get_by_label("Age (years)").fill("67")
    phone.get_by_label("A doctor or physical therapist has cleared me for this").check()
    # A motorized treadmill (the form's first kind) whose belt goes down to 0.3 mph.
    expect(phone.locator("#kind-motorized_treadmill")).to_be_checked()
    phone.locator('[name="motorized_treadmill.min_speed"]').fill("0.3")
    phone.get_by_role("button", name="Check and plan my first session").click()
    expect(phone.get_by_role("heading", name="Today's session")).to_be_visible()
    expect(_speed(phone)).to_have_text("0.5 mph")


def _walk_with_sharp_pain(phone: Page) -> None:
    walk_and_stop_early(phone)
    say_why(phone, "Pain")  # stopping for pain is sharp pain: the question is not asked again
    expect(phone.locator("#sharp_pain-field")).to_be_hidden()
    check_in(phone, pain="6", effort="5")
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator("#saved-summary")).to_contain_text("Saved.")
    screenshot(phone, "clinic-journey-saved")


def _speed(page: Page) -> Locator:
    return page.locator(".dose .facts div").filter(has_text="Speed").locator("dd")


def _pdf_text(desk: Page, folder: Path) -> str:
    desk.get_by_role("link", name=re.compile(r"^Report for the chart")).click()
    with desk.expect_download() as downloading:
        desk.get_by_role("link", name="Download the PDF").click()
    pdf = folder / "report.pdf"
    downloading.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(text.split())  # lines wrapped anywhere, read as one


def test_a_clinician_and_a_patient_through_the_clinic_stack(
    desk: Page, phone: Page, stack: Stack, tmp_path: Path
) -> None:
    since = len(stack.access_log())

    _sign_up_and_onboard(phone, _invitation(desk, stack))
    _walk_with_sharp_pain(phone)

    desk.goto("/desk")
    desk.get_by_role("link", name="dee", exact=True).click()  # the name they signed up with
    flags = desk.locator("#flags")
    expect(flags).to_contain_text("Sharp pain reported during the walk.")
    screenshot(desk, "clinic-journey-flag")
    flags.get_by_role("button", name=re.compile(r"^Acknowledge the sharp pain flag")).click()
    expect(flags).to_contain_text(f"acknowledged by {CLINICIAN}")

    clearance = desk.locator("#clearance")  # the clinician saw the patient and clears them
    expect(clearance).to_contain_text("walking is stopped until a clinician has looked")
    clearance.get_by_label("What you found (optional)").fill("Knee calm on examination.")
    clearance.get_by_role("button", name="Clear this patient to walk again").click()
    expect(desk.locator("#clearance")).to_contain_text("Nothing waits for a clearance")
    phone.goto("/")
    expect(_speed(phone)).to_have_text("0.5 mph")  # back to the start dose

    desk.get_by_label("Speed ceiling (mph)").fill("0.4")
    desk.get_by_role("button", name="Save the limits").click()
    expect(desk.get_by_label("Speed ceiling (mph)")).to_have_value("0.4")

    phone.goto("/")
    expect(_speed(phone)).to_have_text("0.4 mph")
    expect(phone.locator(".reasons li").first).to_have_text(
        "Your clinician set a speed ceiling of 0.4 mph: this session's speed is 0.4 mph."
    )
    screenshot(phone, "clinic-journey-ceiling")

    report = _pdf_text(desk, tmp_path)
    assert re.search(r"Walker \d+, 67 years, knee osteoarthritis", report), report
    assert "sharp pain: Sharp pain reported during the walk." in report, report
    assert f"Cleared by {CLINICIAN}" in report, report
    assert "Your clinician set a speed ceiling of 0.4 mph: this session's speed is 0.4" in report

    served = set(stack.served_since(since, 2))
    assert served == {stack.upstream(port) for port in stack.app_ports}
