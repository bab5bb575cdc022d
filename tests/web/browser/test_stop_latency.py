"""STOP on the live page reaches the treadmill at once while the page polls the belt (issue 18):
every tap's FTMS Stop is written to the virtual treadmill well within a second of the tap. The
bench (`python -m bench.bench_stop`) measures the same path against the 100 ms target."""

from __future__ import annotations

import sys

import pytest
from playwright.sync_api import Page

from tests.web.browser.conftest import Server
from tests.web.browser.stop_taps import stops_on_one_walk

TAPS = 5
# Generous on purpose (the target is 100 ms at the 99th percentile; CI shares two cores).
BOUND_SECONDS = 1.0


@pytest.fixture(name="serve_command")
def serve_command_fixture() -> list[str]:
    return [sys.executable, "-m", "tests.web.browser.stop_server"]


def test_every_stop_tapped_while_the_page_polls_reaches_the_treadmill_within_a_second(
    phone: Page, server: Server
) -> None:
    timed = stops_on_one_walk(phone, server, TAPS)

    assert len(timed) == TAPS
    assert all(0 < t.from_tap <= t.from_driver + t.clock_error for t in timed), timed
    assert max(t.from_tap for t in timed) < BOUND_SECONDS, timed
