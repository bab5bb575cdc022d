"""Taps on STOP on the live page while it polls the belt, each timed to the FTMS Stop the virtual
treadmill received (issue 18), against `tests/web/browser/stop_server.py`.

The tap's time is the click event's own `timeStamp`, taken by the page (a listener in the capture
phase, before live.js's), on the page's `performance.now()` clock. That clock is set against this
process's `time.monotonic` just before each tap, from the quickest of a few round trips to the
page (its error is at most half that round trip, reported as `clock_error`); the Stop's time is
the treadmill's, on `time.monotonic` in the server. Chromium's and Python's monotonic clocks are
the kernel's CLOCK_MONOTONIC, so the two ends are on one timeline. The driver's own time before
it asks Playwright to tap is kept too: an upper bound that includes Playwright's input dispatch.
So are the two first steps on the page's side: until its click handlers run (the event's time
is when the browser took the touch), and until its call to the belt leaves (Resource Timing).

After each STOP the walker says it was an interruption and goes on: the tap on "Start the belt"
carries on with the treadmill held since the STOP, and the belt runs until the next tap.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

import httpx
from playwright.sync_api import Page, expect

from tests.web.browser.conftest import Server
from tests.web.browser.stop_server import STOPS_PATH
from tests.web.browser.test_journey import say_why
from tests.web.browser.test_keyboard_and_phone import onboard_by_api

# Keeps the click event's time and when the page got to handle it; added before the page's own
# scripts, so this listener (capture phase) runs just before live.js's.
RECORD_TAPS = """
window.__stopTaps = [];
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("#stop")) {
    window.__stopTaps.push([event.timeStamp, performance.now()]);
  }
}, true);
"""
# Session time runs at a tenth of the wall's, so that a hundred stops and goings-on fit in the
# first walk's 3-minute set; the belt, its poll and the server keep the wall's time.
TIME_SCALE = 0.1
BELT = "0.5 mph"  # the walk's opening speed, as the page shows the belt reporting it
# Once the belt runs the walker waits this long (wall seconds, drawn at random), so the tap lands
# anywhere in the page's one-second poll of the belt.
DWELL_SECONDS = (0.0, 1.0)
CLOCK_ROUND_TRIPS = 5
ASK_AFTER_SECONDS, ASK_EVERY_SECONDS = 0.3, 0.1
GIVE_UP_SECONDS = 10.0


# When the page sent its first call to the belt after the tap (Resource Timing), if it did.
BELT_CALL_SENT = """(tapped) => {
  const calls = performance.getEntriesByType("resource")
    .filter((call) => call.name.endsWith("/belt") && call.startTime >= tapped);
  return calls.length ? calls[0].startTime : null;
}"""


@dataclass(frozen=True, slots=True)
class TapTimed:
    """Seconds to the treadmill's Stop: from the click event, and from the driver's tap call;
    from the click event to the page's handling it, and to the page's call to the belt; and the
    error bound of setting the page's clock against the driver's."""

    from_tap: float
    from_driver: float
    to_handler: float
    to_call: float | None
    clock_error: float


def stops_on_one_walk(page: Page, server: Server, taps: int) -> list[TapTimed]:
    """A new walker's first walk, stopped `taps` times, going on after each stop."""
    onboard_by_api(server)
    start_walking(page)
    timed = []
    for tap in range(taps):
        if tap:
            go_on(page)
        timed.append(tap_stop(page, server))
    return timed


def start_walking(page: Page) -> None:
    """Open the live page (recording STOP's taps), confirm the checklist, start the belt and
    wait until the page shows it running."""
    page.add_init_script(RECORD_TAPS)
    page.goto(f"/live?time_scale={TIME_SCALE}")
    page.get_by_role("button", name="Go on", exact=True).tap()
    start_the_belt(page)


def start_the_belt(page: Page) -> None:
    expect(page.locator("#prompt")).to_contain_text("Tap Start the belt")
    page.get_by_role("button", name="Start the belt").tap()
    expect(page.locator("#belt")).to_have_text(BELT)


def tap_stop(page: Page, server: Server) -> TapTimed:
    """Wait a moment, tap STOP, and time it to the Stop the treadmill received."""
    stops = len(_stops(server))
    time.sleep(random.uniform(*DWELL_SECONDS))
    page.evaluate("performance.clearResourceTimings()")  # its buffer holds 250 calls
    offset, clock_error = _page_clock(page)
    before = time.monotonic()
    page.locator("#stop").tap()
    stopped = _first_stop_after(server, stops)
    tapped, handled = page.evaluate("window.__stopTaps[window.__stopTaps.length - 1]")
    sent = page.evaluate(BELT_CALL_SENT, tapped)
    to_call = None if sent is None else (sent - tapped) / 1000
    from_tap = stopped - (offset + tapped / 1000)
    return TapTimed(from_tap, stopped - before, (handled - tapped) / 1000, to_call, clock_error)


def go_on(page: Page) -> None:
    """After a STOP: an interruption, go on, and start the belt again."""
    say_why(page, "Interrupted")
    page.get_by_role("button", name="Go on with this session").tap()
    start_the_belt(page)


def _page_clock(page: Page) -> tuple[float, float]:
    """`time.monotonic()` minus the page's `performance.now()` (seconds), from the quickest
    round trip, and half that round trip."""
    best: tuple[float, float] | None = None
    for _ in range(CLOCK_ROUND_TRIPS):
        before = time.monotonic()
        page_now = page.evaluate("performance.now()") / 1000
        after = time.monotonic()
        if best is None or after - before < 2 * best[1]:
            best = ((before + after) / 2 - page_now, (after - before) / 2)
    assert best is not None
    return best


def _stops(server: Server) -> list[float]:
    times: list[float] = httpx.get(server.url + STOPS_PATH, timeout=5).json()
    return times


def _first_stop_after(server: Server, seen: int) -> float:
    """The time of the first Stop after the `seen` ones, asked for only after a while: asking
    sooner would compete with the STOP for the server."""
    deadline = time.monotonic() + GIVE_UP_SECONDS
    time.sleep(ASK_AFTER_SECONDS)
    while len(stops := _stops(server)) <= seen:
        if time.monotonic() > deadline:
            raise AssertionError(f"no FTMS Stop reached the treadmill within {GIVE_UP_SECONDS} s")
        time.sleep(ASK_EVERY_SECONDS)
    return stops[seen]
