"""The import page: upload a FIT walk or a CSV, see what will be logged and what will not, and
confirm once (a second press of the button logs nothing again); a bad file says what is wrong
and stores nothing. On SQLite and PostgreSQL."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

from fastapi.testclient import TestClient

from tests.formats.fit_files import WalkFile, fit_bytes
from tests.web.builders import onboard

# Noon UTC is 4 January 2027 in every time zone from UTC-12 to UTC+11, the test clock's day.
WALK = fit_bytes(WalkFile(start=datetime(2027, 1, 4, 12, 0, tzinfo=UTC)))


def text_of(page: str) -> str:
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", page).split()))


def hidden_fields(page: str) -> dict[str, str]:
    """The confirm form's hidden fields, as the browser would send them back."""
    form = page[page.index('action="/import"') :]
    found = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)
    return {name: html.unescape(value) for name, value in found}


def _sessions(client: TestClient, walker_id: int) -> list[dict[str, object]]:
    listed: list[dict[str, object]] = client.get(f"/api/walkers/{walker_id}/sessions").json()
    return listed


def _preview(client: TestClient, name: str, data: bytes) -> tuple[int, str]:
    response = client.post("/import/preview", files={"file": (name, data)})
    return response.status_code, response.text


def test_the_history_links_to_the_upload_form(client: TestClient) -> None:
    onboard(client)

    history = client.get("/history").text
    upload = client.get("/import").text

    assert 'href="/import"' in history
    assert 'enctype="multipart/form-data"' in upload and 'name="csrf_token"' in upload
    assert '<label for="file">File (.fit or .csv, at most 512 KiB)</label>' in upload


def test_a_fit_walk_is_previewed_then_logged_once(client: TestClient) -> None:
    walker_id = onboard(client)

    status, page = _preview(client, "walk.fit", WALK)

    assert status == 200, page
    shown = text_of(page)
    assert "1 session to log" in shown and "Nothing is saved yet" in shown
    assert "10 min, 1.45 mph, 1.5 %" in shown and "600" in shown
    assert _sessions(client, walker_id) == []
    fields = hidden_fields(page) | {"treadmill": "on", "pain_during": "2"}

    first = client.post("/import", data=fields, follow_redirects=False)
    second = client.post("/import", data=fields, follow_redirects=False)

    assert (first.status_code, first.headers["location"]) == (303, "/history?notice=imported")
    assert second.headers["location"] == "/history?notice=imported-already"
    [logged] = _sessions(client, walker_id)
    entry = logged["entry"]
    assert isinstance(entry, dict)
    assert (entry["minutes_done"], entry["pain_during"], entry["source"]) == (10.0, 2, "import")
    assert "Already imported" in client.get(second.headers["location"]).text


def test_a_fit_walk_needs_the_walker_to_say_it_was_backward_walking(client: TestClient) -> None:
    walker_id = onboard(client)
    _, page = _preview(client, "walk.fit", WALK)

    refused = client.post("/import", data=hidden_fields(page), follow_redirects=False)

    assert refused.status_code == 422
    assert "tick it to confirm this was backward walking" in text_of(refused.text)
    assert _sessions(client, walker_id) == []


def test_a_bad_file_says_what_is_wrong_and_stores_nothing(client: TestClient) -> None:
    walker_id = onboard(client)

    damaged = _preview(client, "walk.fit", WALK[:-30])
    not_fit = _preview(client, "walk.fit", b"date,done\n")
    other = _preview(client, "walk.gpx", b"<gpx/>")
    tampered = client.post(
        "/import", data={"kind": "fit", "content": "AAAA", "sha256": "0" * 64, "first_seq": "0"}
    )

    assert damaged[0] == 422 and "the FIT file is damaged or cut short" in text_of(damaged[1])
    assert not_fit[0] == 422 and "it is not a FIT file" in text_of(not_fit[1])
    assert "give a .fit activity from a watch or a .csv of sessions" in text_of(other[1])
    assert tampered.status_code == 422
    assert "the page's copy of the file is damaged; upload it again" in text_of(tampered.text)
    assert _sessions(client, walker_id) == []


def test_csv_rows_refused_are_listed_and_the_rest_logged_on_confirm(client: TestClient) -> None:
    walker_id = onboard(client)
    sheet = b"date,done,pain_during\n2027-01-04,true,1\n2027-01-04,true,eleven\n"

    status, page = _preview(client, "sheet.csv", sheet)

    shown = text_of(page)
    assert status == 200 and "1 row will not be logged" in shown
    assert "3 pain_during eleven give a whole number from 0 to 10" in shown
    assert "Log the 1 other row" in shown
    confirmed = client.post("/import", data=hidden_fields(page), follow_redirects=False)
    assert confirmed.status_code == 303
    [logged] = _sessions(client, walker_id)
    assert isinstance(logged["entry"], dict) and logged["entry"]["pain_during"] == 1


def test_a_file_imported_before_is_refused_at_the_preview(client: TestClient) -> None:
    onboard(client)
    _, page = _preview(client, "walk.fit", WALK)
    client.post("/import", data=hidden_fields(page) | {"treadmill": "on"})

    status, again = _preview(client, "walk.fit", WALK)

    assert status == 409 and "this file was imported on 2027-01-04" in text_of(again)
