"""Clinic mode in a real browser (`retrowalk serve --clinic`): the first clinician made on the
server, who logs in and makes an invitation link; a new browser signs up with it, onboards
through the form, and logs out, after which its pages ask for a login again."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.web.browser.conftest import PHONE, Server, screenshot

PASSWORD = "correct horse battery"


@pytest.fixture(name="serve_options")
def serve_options_fixture() -> list[str]:
    return ["--clinic"]


def _create_clinician(server: Server) -> None:
    made = subprocess.run(
        [sys.executable, "-m", "retrowalk.cli.main", "admin", "create-clinician", "dr.lee",
         "--password-stdin"],
        input=PASSWORD + "\n", env=server.env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr


def _log_in(page: Page, name: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("Account name").fill(name)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_a_clinician_invites_a_walker_who_signs_up_onboards_and_logs_out(
    browser: Browser, server: Server
) -> None:
    _create_clinician(server)
    desk_context = browser.new_context(base_url=server.url)
    desk = desk_context.new_page()
    desk.set_default_timeout(10_000)
    _log_in(desk, "dr.lee", PASSWORD)
    expect(desk).to_have_url(re.compile(r"/desk$"))
    desk.goto("/invitations")
    desk.get_by_role("button", name="Make an invitation link").click()
    link = desk.get_by_label("Invitation link").input_value()
    assert link.startswith(server.url + "/signup?invite=")
    screenshot(desk, "clinic-invitation")

    phone_context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, base_url=server.url
    )
    phone = phone_context.new_page()
    phone.set_default_timeout(10_000)
    phone.goto("/")
    expect(phone).to_have_url(re.compile(r"/login\?next=/$"))
    phone.goto(link)
    phone.get_by_label("Account name").fill("dee")
    phone.get_by_label("Password", exact=True).fill(PASSWORD)
    phone.get_by_label("Password again").fill(PASSWORD)
    phone.get_by_role("button", name="Sign up").click()
    expect(phone).to_have_url(re.compile(r"/onboarding$"))
    phone.get_by_label("Body weight").fill("160")
    phone.get_by_label("What brings you here?").select_option("knee_oa")
    phone.get_by_label("Age (years)").fill("67")
    phone.get_by_label("A doctor or physical therapist has cleared me for this").check()
    phone.get_by_role("button", name="Check and plan my first session").click()
    expect(phone).not_to_have_url(re.compile(r"/onboarding$"))
    screenshot(phone, "clinic-walker-onboarded")

    phone.get_by_role("button", name="Log out").click()

    expect(phone).to_have_url(re.compile(r"/login\?done=out$"))
    phone.goto("/history")
    expect(phone).to_have_url(re.compile(r"/login\?next=/history$"))
    desk_context.close()
    phone_context.close()
