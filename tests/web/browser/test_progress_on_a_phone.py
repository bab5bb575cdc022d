"""The progress page on a 390 × 844 phone: every chart's text is drawn at 14 px or more and lies
inside its SVG's box, the top navigation fits the width, and the page does not scroll sideways."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from playwright.sync_api import Browser, Page, ViewportSize

from tests.web.browser.conftest import Server, fits_the_width, screenshot
from tests.web.builders import walker_json
from tests.web.client import script

IPHONE: ViewportSize = {"width": 390, "height": 844}
ALL_WELL = {"sharp_pain": False, "form_ok": True, "swelling": False, "locking": False}
# Each chart text's rendered size (computed font size times the SVG's scale) and its box
# against the SVG's own box.
MEASURE = """() => [...document.querySelectorAll('figure.chart svg[role="img"]')].flatMap(svg => {
  const box = svg.getBoundingClientRect();
  const scale = svg.getScreenCTM().a;
  return [...svg.querySelectorAll('text')].map(text => {
    const r = text.getBoundingClientRect();
    return {
      chart: svg.closest('figure').id, text: text.textContent,
      px: parseFloat(getComputedStyle(text).fontSize) * scale,
      inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5
        && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5,
    };
  });
})"""


@pytest.fixture(name="iphone")
def iphone_fixture(browser: Browser, server: Server) -> Iterator[Page]:
    context = browser.new_context(
        viewport=IPHONE, is_mobile=True, has_touch=True, base_url=server.url
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def walked_a_fortnight(server: Server) -> None:
    """Six sessions, one every other day up to today, with some pain and a gap in the answers."""
    start = date.today() - timedelta(days=10)
    with script(server.url) as client:
        answer = client.post("/api/walkers", json=walker_json(start=start.isoformat()))
        assert answer.status_code == 201, answer.text
        sessions = f"/api/walkers/{answer.json()['walker']['id']}/sessions"
        for i in range(6):
            walk = {"date": (start + timedelta(days=2 * i)).isoformat(), "rpe": 4} | ALL_WELL
            walk |= {"pain_during": i % 4, "pain_after": 2} if i != 3 else {}
            logged = client.post(sessions, json=walk | {"giving_way": False})
            assert logged.status_code == 201, logged.text


def test_chart_text_is_at_least_14_px_and_inside_its_chart_on_a_390_px_phone(
    iphone: Page, server: Server
) -> None:
    walked_a_fortnight(server)

    iphone.goto("/progress?shown=all")
    texts = iphone.evaluate(MEASURE)

    assert {t["chart"] for t in texts} >= {"chart-minutes", "chart-speed", "chart-pain"}
    small = [t for t in texts if t["px"] < 14]
    outside = [t for t in texts if not t["inside"]]
    assert not small, small
    assert not outside, outside
    assert fits_the_width(iphone)
    screenshot(iphone, "progress-390")


def test_the_top_navigation_fits_a_390_px_phone_on_one_line(iphone: Page, server: Server) -> None:
    walked_a_fortnight(server)

    iphone.goto("/progress")
    tops = iphone.evaluate(
        "[...document.querySelectorAll('header.top nav a')].map(a => a.getBoundingClientRect())"
        ".map(r => ({top: r.top, right: r.right}))"
    )

    assert len(tops) >= 4
    assert len({round(t["top"]) for t in tops}) == 1
    assert max(t["right"] for t in tops) <= IPHONE["width"]
    assert fits_the_width(iphone)
