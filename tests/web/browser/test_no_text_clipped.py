"""The pages a walker and a therapist read, on a phone (390 x 844) and a laptop (1280 x 800), for
a walker with a few weeks of sessions and a setback: no text is clipped and nothing sticks out
sideways but the history table's own scrolling region (clipping.py). Screenshots go to
test-artifacts/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from playwright.sync_api import Browser, Page, ViewportSize

from tests.web.browser.clipping import clipped_text
from tests.web.browser.conftest import Server, fits_the_width, screenshot
from tests.web.builders import walker_json
from tests.web.client import script

PAGES = {
    "history-cards": "/history",
    "history-table": "/history?view=table",
    "progress": "/progress",
    "report": "/report",
}
VIEWPORTS: dict[str, ViewportSize] = {
    "phone-390": {"width": 390, "height": 844},
    "laptop-1280": {"width": 1280, "height": 800},
}
WEEKS = 4
NOTE = "Knee felt warm after the stairs, settled by lunch."
ALL_WELL: dict[str, object] = {"sharp_pain": False, "form_ok": True, "swelling": False}
ALL_WELL |= {"locking": False, "giving_way": False, "rpe": 4}


def log_a_few_weeks(server: Server) -> None:
    """Onboarded four weeks ago; every other day walked with pain 1 (next morning 1, a note now
    and then), then the last walk stopped early for pain 7: a setback, and the plan says stop."""
    start = date.today() - timedelta(weeks=WEEKS)
    with script(server.url) as client:
        made = client.post("/api/walkers", json=walker_json() | {"start": start.isoformat()})
        assert made.status_code == 201, made.text
        sessions = f"/api/walkers/{made.json()['walker']['id']}/sessions"
        days = [start + timedelta(days=n) for n in range(0, 7 * WEEKS - 2, 2)]
        for number, on in enumerate(days[:-1]):
            note = {} if number % 4 else {"notes": NOTE}
            pains = {"pain_during": 1, "pain_after": 1, "pain_next_morning": 1}
            walked = ALL_WELL | pains | note | {"date": on.isoformat()}
            assert client.post(sessions, json=walked).status_code == 201
        stopped = {"date": days[-1].isoformat(), "minutes_done": 0.5, "stop_reason": "pain"}
        stopped = ALL_WELL | stopped | {"pain_during": 7}
        response = client.post(sessions, json=stopped)
        assert response.status_code == 201, response.text


@pytest.fixture(name="walked")
def walked_fixture(server: Server) -> Server:
    log_a_few_weeks(server)
    return server


@pytest.fixture(name="page", params=list(VIEWPORTS))
def page_fixture(
    browser: Browser, walked: Server, request: pytest.FixtureRequest
) -> Iterator[Page]:
    phone = request.param.startswith("phone")
    context = browser.new_context(
        viewport=VIEWPORTS[request.param],
        is_mobile=phone,
        has_touch=phone,
        base_url=walked.url,
        reduced_motion="reduce",
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_no_text_is_clipped_and_nothing_sticks_out_sideways(page: Page, name: str) -> None:
    viewport = page.viewport_size
    assert viewport is not None

    page.goto(PAGES[name])
    page.wait_for_load_state("networkidle")
    screenshot(page, f"clipping-{name}-{viewport['width']}")

    problems = clipped_text(page)
    assert problems == [], "\n".join(problems)
    assert fits_the_width(page)


CLIPPED_ON_PURPOSE = """
<a class="skip" href="#main" style="position:absolute;left:-999px">Skip to the content</a>
<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">For
screen readers</span>
<p id="fits">Short enough.</p>
<div style="width:120px;overflow:hidden;white-space:nowrap"><span id="cut">A label far too long
for its box</span></div>
<p id="ellipsis" style="width:80px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap">
An ellipsis hides the end</p>
<p id="wide" style="white-space:nowrap">A line that does not wrap runs wider than the phone's
screen</p>
<div style="overflow-x:auto;width:300px"><table><tr><td id="scrolled" style="white-space:nowrap">
A table wider than its scrolling region, reached by scrolling</td></tr></table></div>
<svg width="100" height="40"><text id="tick" x="95" y="20">1 Dec</text></svg>
"""


def test_the_check_names_each_clipped_text_and_leaves_out_what_is_hidden_on_purpose(
    browser: Browser,
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 600})
    page = context.new_page()
    page.set_content(CLIPPED_ON_PURPOSE)

    problems = clipped_text(page)

    context.close()
    named = [problem.split('"')[0].strip() for problem in problems]
    assert named == ["span#cut", "p#ellipsis", "p#wide", "text#tick"], "\n".join(problems)
