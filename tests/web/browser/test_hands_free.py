"""The phone on the stand is out of reach: a headset's or remote's play and pause pause and go
on (Media Session), speech starts only after the walker's first tap, the screen is kept on by a
muted looping video where the Wake Lock API is missing (plain http on a home network), and the
app can be installed (manifest, icons, a service worker at /sw.js)."""

from __future__ import annotations

import json

import httpx
from playwright.sync_api import Page, expect

from tests.web.browser.conftest import Server, screenshot
from tests.web.browser.test_keyboard_and_phone import onboard_by_api

# What the page hands the browser: its media-session handlers and what it asks to be spoken.
RECORD = """
window.__handlers = {};
window.__spoken = [];
if (navigator.mediaSession) {
  const set = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
  navigator.mediaSession.setActionHandler = (action, handler) => {
    window.__handlers[action] = handler;
    set(action, handler);
  };
}
const speak = speechSynthesis.speak.bind(speechSynthesis);
speechSynthesis.speak = (utterance) => {
  if (utterance.text) window.__spoken.push(utterance.text);
  speak(utterance);
};
"""
NO_WAKE_LOCK = "delete Navigator.prototype.wakeLock;"


def start_walking(page: Page) -> None:
    page.goto("/live?time_scale=2")
    page.get_by_role("button", name="Go on", exact=True).click()
    page.get_by_role("button", name="Go on", exact=True).click()
    expect(page.locator("#status")).to_have_text("Walking")


def test_the_headsets_pause_and_play_pause_and_resume_the_walk_and_its_stop_stops(
    phone: Page, server: Server
) -> None:
    phone.add_init_script(RECORD)
    onboard_by_api(server)
    start_walking(phone)
    assert phone.evaluate("Object.keys(window.__handlers).sort()") == ["pause", "play", "stop"]
    assert phone.evaluate("document.getElementById('hands-free').paused") is False

    phone.evaluate("window.__handlers.pause({action: 'pause'})")
    expect(phone.locator("#status")).to_have_text("Paused")
    assert phone.evaluate("navigator.mediaSession.playbackState") == "paused"
    phone.evaluate("window.__handlers.play({action: 'play'})")
    expect(phone.locator("#status")).to_have_text("Walking")
    phone.evaluate("window.__handlers.stop({action: 'stop'})")

    expect(phone.locator("#status")).to_have_text("Stopped")


def test_speech_waits_for_the_walkers_first_tap(phone: Page, server: Server) -> None:
    phone.add_init_script(RECORD)
    onboard_by_api(server)
    phone.goto("/live?time_scale=2")
    expect(phone.locator("#prompt")).to_contain_text("tap Go on")
    phone.wait_for_timeout(300)
    assert phone.evaluate("window.__spoken") == []

    phone.get_by_role("button", name="Go on", exact=True).click()

    expect(phone.locator("#prompt")).to_contain_text("Start the belt")
    assert "Start the belt at 0.5 mph, then tap Go on once you are walking." in phone.evaluate(
        "window.__spoken"
    )


def test_without_a_wake_lock_a_muted_looping_video_keeps_the_screen_on(
    phone: Page, server: Server
) -> None:
    phone.add_init_script(NO_WAKE_LOCK)
    onboard_by_api(server)

    start_walking(phone)

    expect(phone.locator("#wake")).to_have_text("Screen kept awake (by a silent video)")
    video = phone.locator("#keep-awake")
    assert video.evaluate("v => !v.paused && v.muted && v.loop && v.playsInline") is True
    phone.wait_for_function("document.getElementById('keep-awake').currentTime > 0")
    screenshot(phone, "live-awake-by-video")


def test_the_app_can_be_installed_from_its_manifest_with_icons_and_a_service_worker(
    phone: Page, server: Server
) -> None:
    onboard_by_api(server)
    phone.goto("/")
    href = phone.locator('link[rel="manifest"]').get_attribute("href")

    answer = httpx.get(f"{server.url}{href}", timeout=5)
    manifest = json.loads(answer.text)
    assert answer.headers["content-type"].startswith("application/manifest+json")
    assert manifest["name"] and manifest["short_name"] == "retrowalk"
    assert (manifest["start_url"], manifest["display"]) == ("/", "standalone")
    assert manifest["theme_color"].startswith("#")
    sizes = set()
    for icon in manifest["icons"]:
        image = httpx.get(f"{server.url}{icon['src']}", timeout=5)
        assert image.status_code == 200 and image.content.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = (int.from_bytes(image.content[at : at + 4], "big") for at in (16, 20))
        assert icon["sizes"] == f"{width}x{height}"
        sizes.add(width)
    assert sizes == {192, 512}
    worker = httpx.get(f"{server.url}/sw.js", timeout=5)
    assert worker.status_code == 200
    assert worker.headers["content-type"].startswith("text/javascript")
    assert "/static/" in worker.text and "__VERSION__" not in worker.text
    scope = phone.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
    assert scope == f"{server.url}/"  # 127.0.0.1 is a secure context: registered
