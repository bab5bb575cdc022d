"""Importing a watch's walk on a phone: choose the file, read what will be logged (nothing
clipped, nothing sticking out sideways), tick that it was backward walking, and a double tap
on the button logs it once."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.formats.fit_files import WalkFile, fit_bytes
from tests.web.browser.clipping import clipped_text
from tests.web.browser.conftest import Server, fits_the_width, screenshot
from tests.web.builders import walker_json
from tests.web.client import script


def test_a_fit_walk_is_imported_once_from_a_phone(
    phone: Page, server: Server, tmp_path: Path
) -> None:
    with script(server.url) as client:
        made = client.post("/api/walkers", json=walker_json(start=date.today().isoformat()))
        assert made.status_code == 201, made.text
    start = datetime.now().astimezone().replace(hour=0, minute=5, second=0, microsecond=0)
    walk = tmp_path / "morning-walk.fit"
    walk.write_bytes(fit_bytes(WalkFile(start=start)))

    phone.goto("/history")
    phone.get_by_role("link", name="Import sessions from a .fit or .csv file").click()
    phone.get_by_label("File (.fit or .csv, at most 512 KiB)").set_input_files(walk)
    phone.get_by_role("button", name="Show what will be logged").click()

    expect(phone.get_by_role("heading", name="1 session to log")).to_be_visible()
    expect(phone.get_by_role("region", name="Sessions to log")).to_contain_text("10 min")
    screenshot(phone, "import-preview-phone")
    assert clipped_text(phone) == []
    assert fits_the_width(phone)
    phone.get_by_label("Knee pain while walking, 0-10").fill("1")
    phone.get_by_label("This was backward walking on a treadmill").check()
    phone.get_by_role("button", name="Log this session").dblclick()

    expect(phone.locator(".notice")).to_contain_text("Import")
    expect(phone.locator(".session")).to_have_count(1)
