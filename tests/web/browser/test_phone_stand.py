"""The live page on a phone on a stand behind the treadmill, upright (390 x 844) and on its side
(844 x 390): the countdown and what to do now fit between the header and the STOP bar, nothing
overlaps, and the countdown's digits are at least a fifth of the screen's height (legible from
2 m). Taps say "tap Go on"; a touch screen shows no Enter key."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from tests.web.browser.conftest import Server, fits_the_width, screenshot
from tests.web.browser.test_keyboard_and_phone import onboard_by_api

UPRIGHT: ViewportSize = {"width": 390, "height": 844}
ON_ITS_SIDE: ViewportSize = {"width": 844, "height": 390}
BOXES = """(ids) => Object.fromEntries(ids.map((id) => {
  const box = document.querySelector(id === "header" ? "header.top" : `#${id}`)
    .getBoundingClientRect();
  return [id, {top: box.top, bottom: box.bottom, left: box.left, right: box.right}];
}))"""


def stand(browser: Browser, server: Server, size: ViewportSize) -> Iterator[Page]:
    context = browser.new_context(
        viewport=size, is_mobile=True, has_touch=True, base_url=server.url, reduced_motion="reduce"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(name="upright")
def upright_fixture(browser: Browser, server: Server) -> Iterator[Page]:
    yield from stand(browser, server, UPRIGHT)


@pytest.fixture(name="on_its_side")
def on_its_side_fixture(browser: Browser, server: Server) -> Iterator[Page]:
    yield from stand(browser, server, ON_ITS_SIDE)


def boxes(page: Page, *ids: str) -> dict[str, dict[str, float]]:
    found: dict[str, dict[str, float]] = page.evaluate(BOXES, list(ids))
    return found


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
        and a["left"] < b["right"]
        and b["left"] < a["right"]
    )


def assert_fits_between_header_and_stop(page: Page, instruction: str) -> dict[str, Any]:
    found = boxes(page, "header", "countdown", instruction, "controls")
    header, controls = found["header"], found["controls"]
    for name in ("countdown", instruction):
        assert found[name]["top"] >= header["bottom"] - 0.5, (name, found)
        assert found[name]["bottom"] <= controls["top"] + 0.5, (name, found)
    names = list(found)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            assert not overlap(found[first], found[second]), (first, second, found)
    return found


def walk(page: Page, size: ViewportSize, name: str) -> None:
    page.goto("/live?time_scale=2")
    expect(page.locator("#prompt")).to_contain_text("When all of that is done, tap Go on.")
    screenshot(page, f"phone-{name}-checklist")
    page.get_by_role("button", name="Go on", exact=True).click()
    expect(page.locator("#prompt")).to_have_text(
        "Start the belt at 0.5 mph, then tap Go on once you are walking."
    )
    assert_fits_between_header_and_stop(page, "prompt-box")
    screenshot(page, f"phone-{name}-start-the-belt")
    page.get_by_role("button", name="Go on", exact=True).click()
    expect(page.locator("#status")).to_have_text("Walking")
    expect(page.locator("#said")).not_to_be_empty()

    assert_fits_between_header_and_stop(page, "said")
    digits = page.locator("#countdown").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    height = page.locator("#countdown").evaluate("e => e.getBoundingClientRect().height")
    assert min(digits, height) >= 0.2 * size["height"], (digits, height)
    fits = page.locator("#countdown").evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    assert fits and fits_the_width(page)
    screenshot(page, f"phone-{name}-walking")


@pytest.mark.parametrize("name", ["upright", "on-its-side"])
def test_the_countdown_and_what_to_do_fit_between_the_header_and_stop_and_are_legible_from_afar(
    name: str, upright: Page, on_its_side: Page, server: Server
) -> None:
    onboard_by_api(server)
    page, size = (upright, UPRIGHT) if name == "upright" else (on_its_side, ON_ITS_SIDE)

    walk(page, size, name)


def test_a_touch_screen_shows_no_enter_key_and_the_pause_says_to_step_onto_the_platforms(
    upright: Page, server: Server
) -> None:
    onboard_by_api(server)
    upright.goto("/live?time_scale=2")

    expect(upright.locator("#confirm kbd")).to_be_hidden()
    upright.get_by_role("button", name="Go on", exact=True).click()
    upright.get_by_role("button", name="Go on", exact=True).click()
    upright.get_by_role("button", name="Pause").click()

    expect(upright.locator("#said")).to_have_text(
        "Paused. Stop the belt or step onto the side platforms. Tap Go on when you walk again."
    )
    expect(upright.get_by_role("button", name="Go on", exact=True)).to_be_visible()
