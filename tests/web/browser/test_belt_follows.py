"""With `retrowalk serve --device virtual --control`, the live page's belt follows: the walker's
tap on "Start the belt" starts the virtual treadmill on the server, the page shows the belt as
the treadmill reports it, STOP stops it, and the walk is logged as a device session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from retrowalk.bootstrap import bootstrap
from retrowalk.domain.treadmill_record import Sample
from retrowalk.settings import Settings
from tests.web.browser.conftest import Server, fits_the_width, screenshot
from tests.web.browser.test_journey import check_in, onboard_through_the_form, say_why
from tests.web.test_going_on_with_a_treadmill import belt_runs
from tests.web.virtual import eventually

# Slow enough that the 3-minute set (36 s here) outlasts the belt's start on the real clock.
TIME_SCALE = 5
AWAY_MS = 4000  # the walker stands a while after the STOP before saying why


@pytest.fixture(name="serve_options")
def serve_options_fixture() -> list[str]:
    return ["--device", "virtual", "--control", "--strap", "virtual"]


def logged_samples(server: Server, log_id: int) -> list[Sample]:
    """The samples logged with a session, read from the server's own database."""
    folder = Path(server.env["RETROWALK_DATA_DIR"])
    settings = Settings(data_dir=folder, config_file=Path(server.env["RETROWALK_CONFIG_FILE"]))
    wiring = bootstrap(settings)
    try:
        with wiring.uow() as uow:
            return list(uow.sessions.samples(log_id))
    finally:
        wiring.close()


def walking_then_stop(phone: Page) -> None:
    """Onboard, start the live session and the belt, and tap STOP once it runs."""
    onboard_through_the_form(phone)
    phone.goto(f"/live?time_scale={TIME_SCALE}")
    phone.get_by_role("button", name="Go on", exact=True).click()
    phone.get_by_role("button", name="Start the belt").click()
    expect(phone.locator("#belt")).to_have_text("0.5 mph")
    phone.get_by_role("button", name="STOP").click()


def belt_news(server: Server) -> dict[str, Any]:
    news: dict[str, Any] = httpx.get(f"{server.url}/api/walkers/1/belt", timeout=5).json()
    return news


def test_the_walkers_tap_starts_the_belt_the_page_shows_it_following_and_stop_stops_it(
    phone: Page, server: Server
) -> None:
    onboard_through_the_form(phone)
    phone.goto(f"/live?time_scale={TIME_SCALE}")
    expect(phone.locator("#treadmill")).to_have_text("Virtual treadmill: retrowalk sets the belt")
    assert belt_news(server)["connected"] is False  # opening the page opens nothing
    phone.get_by_role("button", name="Go on", exact=True).click()
    expect(phone.locator("#treadmill")).to_have_text(
        "retrowalk virtual treadmill: retrowalk sets the belt"
    )
    expect(phone.locator("#prompt")).to_have_text("Tap Start the belt to start it at 0.5 mph.")
    expect(phone.locator("#belt")).to_have_text("Stopped")
    screenshot(phone, "live-belt-ready")

    phone.get_by_role("button", name="Start the belt").click()

    expect(phone.locator("#status")).to_have_text("Walking")
    expect(phone.locator("#belt")).to_have_text("0.5 mph")
    expect(phone.locator("#pulse")).to_contain_text("beats a minute")  # the virtual strap
    screenshot(phone, "live-belt-following")
    assert fits_the_width(phone)
    phone.get_by_role("button", name="STOP").click()
    expect(phone.locator("#why")).to_be_visible()
    eventually(lambda: not belt_news(server)["running"], "STOP stops the belt")
    assert belt_news(server)["connected"] is True  # held: the walk may go on
    say_why(phone)
    check_in(phone, pain="1", effort="3")
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator("#saved-summary")).to_contain_text("Saved. Next session,")
    logged = httpx.get(f"{server.url}/api/walkers/1/sessions", timeout=5).json()
    assert [item["entry"]["source"] for item in logged] == ["device"]
    eventually(lambda: not belt_news(server)["connected"], "the logged walk lets it go")


def test_going_on_after_an_interruption_starts_the_belt_again_only_on_the_walkers_tap(
    phone: Page, server: Server
) -> None:
    walking_then_stop(phone)
    eventually(lambda: not belt_news(server)["running"], "STOP stops the belt")
    phone.wait_for_timeout(AWAY_MS)

    say_why(phone, "Interrupted")
    phone.get_by_role("button", name="Go on with this session").click()
    expect(phone.locator("#prompt")).to_have_text("Tap Start the belt to start it at 0.5 mph.")
    phone.wait_for_timeout(500)
    assert belt_news(server)["running"] is False  # nothing moves before the walker's tap
    screenshot(phone, "live-going-on")
    phone.get_by_role("button", name="Start the belt").click()
    expect(phone.locator("#belt")).to_have_text("0.5 mph")
    expect(phone.locator("#check-in")).to_be_visible(timeout=60_000)  # walked to the end
    check_in(phone)
    phone.get_by_role("button", name="Save").click()

    expect(phone.locator("#saved-summary")).to_contain_text("Saved. Next session,")
    logged = httpx.get(f"{server.url}/api/walkers/1/sessions", timeout=5).json()
    entry = logged[0]["entry"]
    assert len(logged) == 1 and entry["source"] == "device"
    assert (entry["minutes_done"], entry["stop_reason"]) == (3, None)
    assert "(interrupted)" in entry["notes"]
    runs = belt_runs(logged_samples(server, logged[0]["id"]))
    runs = runs[:-1] if not runs[-1][0] else runs  # the belt stopped at the end
    assert [moving for moving, _ in runs][-3:] == [True, False, True]  # before, away, after
    # The pause between is in the record (less the second or two the belt takes to slow down).
    assert runs[-2][1] >= AWAY_MS / 1000 - 2, runs
