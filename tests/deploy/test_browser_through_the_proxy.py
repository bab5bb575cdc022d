"""A walker's browser through the clinic stack (nginx, HTTPS, two app processes): onboard, walk
a live session on an accelerated clock, stop early, check in, and find it in history, with
its requests shared between both processes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.deploy.stack import Stack
from tests.web.browser.conftest import (  # noqa: F401 - fixtures, known by their `name=`
    PHONE,
    browser_fixture,
    playwright_fixture,
    screenshot,
)
from tests.web.browser.test_journey import (
    check_in,
    onboard_through_the_form,
    say_why,
    walk_and_stop_early,
)


@pytest.fixture(name="phone")
def phone_fixture(browser: Browser, stack: Stack) -> Iterator[Page]:
    # Chromium here has no way to be given the test CA; httpx checks the chain in test_stack.py.
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, base_url=stack.url,
        reduced_motion="reduce", ignore_https_errors=True,
    )  # fmt: skip
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_a_walker_onboards_walks_and_checks_in_through_the_proxy(phone: Page, stack: Stack) -> None:
    since = len(stack.access_log())

    onboard_through_the_form(phone)
    expect(phone.get_by_role("heading", name="Today's session")).to_be_visible()
    walk_and_stop_early(phone)
    say_why(phone)
    check_in(phone)
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator("#saved-summary")).to_contain_text("Saved. Next session,")
    screenshot(phone, "clinic-stack-saved")
    phone.get_by_role("link", name="See your history").click()
    expect(phone.locator(".session").first).to_contain_text("stopped early")

    # nginx takes the processes in turn, so the journey's pages, scripts and writes were
    # shared between both (which write lands where varies with the page's own fetches:
    # test_stack.py sends a token from one process to the other on purpose).
    served = set(stack.served_since(since, 2))
    assert served == {stack.upstream(port) for port in stack.app_ports}
