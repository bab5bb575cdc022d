"""The calendar feed on the web: made, shown once, replaced and stopped on the settings page; read
by a calendar app that never paired, at `/calendar/<token>.ics` and nowhere else; a revoked link
and a made-up one answered alike; the plan only, never pain or the knee."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar, Event

from retrowalk.bootstrap import Wiring
from retrowalk.domain.walker import Condition
from tests.web.builders import onboard
from tests.web.client import OwnPage
from tests.web.test_pairing import LAN, PHONE, Home, home_fixture  # noqa: F401 - fixture

URL = re.compile(r'id="calendar-url" class="copy" readonly value="([^"]+)"')
WEBCAL = re.compile(r'id="calendar-webcal" class="copy" readonly value="([^"]+)"')


def _made(page: Any) -> str:
    """The link's path, from the page that made it."""
    found = URL.search(page.text)
    assert found is not None, page.text[:500]
    return "/" + found.group(1).split("/", 3)[3]


def _events(document: bytes) -> list[Event]:
    return Calendar.from_ical(document).events


def _live(wiring: Wiring) -> list[dict[str, Any]]:
    return [r for r in wiring.data.snapshot()["tables"]["calendar_feeds"] if not r["revoked_at"]]


def test_the_settings_page_starts_with_no_link_and_a_button_to_make_one(
    sqlite_client: TestClient,
) -> None:
    onboard(sqlite_client)

    page = sqlite_client.get("/settings").text

    assert '<h2 id="calendar-title">Calendar feed</h2>' in page
    assert "No calendar link yet." in page
    assert 'action="/settings/calendar"' in page and "Make a calendar link" in page
    assert "retrowalk serve --lan" in page  # this computer only: says how a phone may subscribe


def test_a_link_made_is_shown_once_with_its_webcal_twin_and_serves_the_plan(
    client: OwnPage, wiring: Wiring
) -> None:
    """On SQLite and PostgreSQL."""
    onboard(client)

    made = client.post("/settings/calendar")

    assert made.status_code == 200
    path = _made(made)
    assert re.fullmatch(r"/calendar/[A-Za-z0-9_-]{43}\.ics", path)
    web = URL.search(made.text).group(1)  # type: ignore[union-attr]
    assert web == f"http://127.0.0.1:8000{path}"
    assert WEBCAL.search(made.text).group(1) == f"webcal://127.0.0.1:8000{path}"  # type: ignore[union-attr]
    feed = client.get(path)
    assert feed.status_code == 200
    assert feed.headers["content-type"] == "text/calendar; charset=utf-8"
    assert Calendar.from_ical(feed.content).to_ical() == feed.content
    assert len(Calendar.from_ical(feed.content).events) == 24  # 8 weeks, 3 a week
    shown_later = client.get("/settings").text
    assert path not in shown_later and "A calendar link is active, made 4 Jan 2027." in shown_later
    assert len(_live(wiring)) == 1


def test_the_feed_reads_only(client: OwnPage, wiring: Wiring) -> None:
    onboard(client)
    path = _made(client.post("/settings/calendar"))
    before = wiring.data.snapshot()

    assert client.get(path).status_code == 200
    assert client.head(path).status_code == 200

    assert wiring.data.snapshot() == before


def test_a_second_make_as_from_a_double_click_makes_no_second_link(
    sqlite_client: OwnPage,
) -> None:
    onboard(sqlite_client)
    first = sqlite_client.post("/settings/calendar")

    second = sqlite_client.post("/settings/calendar")

    assert second.status_code == 409
    assert "You have a calendar link already, made 4 Jan 2027" in second.text
    assert URL.search(second.text) is None
    assert sqlite_client.get(_made(first)).status_code == 200  # the first one still works
    assert "Make a new link" in second.text


def test_a_new_link_stops_the_old_one(home: Home) -> None:
    old = _made(home.computer.post("/settings/calendar"))

    new = _made(home.computer.post("/settings/calendar/new"))

    assert new != old
    assert home.computer.get(old).status_code == 404
    assert home.computer.get(new).status_code == 200
    assert len(_live(home.wiring)) == 1


def test_stopping_the_link_makes_it_answer_as_a_made_up_one(home: Home) -> None:
    path = _made(home.computer.post("/settings/calendar"))

    stopped = home.computer.post("/settings/calendar/revoke", follow_redirects=False)

    assert stopped.status_code == 303
    assert stopped.headers["location"] == "/settings?calendar=revoked#calendar-title"
    page = home.computer.get(stopped.headers["location"]).text
    assert "Stopped: the calendar link no longer works." in page and "No calendar link yet." in page
    revoked = home.phone().get(path)
    made_up = home.phone().get("/calendar/" + "A" * 43 + ".ics")
    odd = home.phone().get("/calendar/not-a-token.ics")
    assert revoked.status_code == made_up.status_code == odd.status_code == 404
    assert revoked.content == made_up.content == odd.content == b"No calendar at this address."
    assert _live(home.wiring) == []


def test_on_the_home_network_the_link_names_the_lan_address(home: Home) -> None:
    made = home.computer.post("/settings/calendar")

    assert URL.search(made.text).group(1).startswith(f"{LAN}/calendar/")  # type: ignore[union-attr]
    assert "retrowalk serve --lan</code>." not in made.text  # a phone can reach it already


def test_a_phone_that_never_paired_reads_the_feed_and_nothing_else(home: Home) -> None:
    path = _made(home.computer.post("/settings/calendar"))
    calendar_app = home.phone(("192.168.1.40", 50000))

    feed = calendar_app.get(path)
    head = calendar_app.head(path)

    assert feed.status_code == 200 and feed.headers["content-type"].startswith("text/calendar")
    assert head.status_code == 200
    near_misses = [
        "/calendar/" + path.split("/")[2].removesuffix(".ics"),
        path + "x",
        path.replace(".ics", ".ics/extra"),
        "/calendar/a/b.ics",
        "/calendar/",
        "/settings",
        "/settings/calendar",
        f"/api/walkers/{home.walker_id}/today",
    ]
    for near in near_misses:
        assert calendar_app.get(near, follow_redirects=False).status_code == 401, near


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_no_write_reaches_the_feed(home: Home, method: str) -> None:
    path = _made(home.computer.post("/settings/calendar"))
    before = home.wiring.data.snapshot()

    from_a_stranger = home.phone().request(method, path, json={})
    from_this_computer = home.computer.request(method, path, json={})

    assert from_a_stranger.status_code == 401
    assert from_this_computer.status_code == 405
    assert home.wiring.data.snapshot() == before
    assert home.computer.get(path).status_code == 200


def test_a_stranger_cannot_make_or_stop_a_link(home: Home) -> None:
    path = _made(home.computer.post("/settings/calendar"))
    stranger = home.phone()

    for action in ("/settings/calendar", "/settings/calendar/new", "/settings/calendar/revoke"):
        assert stranger.post(action, data={"csrf_token": stranger.csrf_token()}).status_code == 401

    assert len(_live(home.wiring)) == 1 and home.computer.get(path).status_code == 200


def test_the_forms_need_the_pages_token(home: Home) -> None:
    from fastapi.testclient import TestClient as Plain

    with Plain(home.app, base_url="http://127.0.0.1:8000", client=("127.0.0.1", 5)) as bare:
        refused = bare.post("/settings/calendar", headers={"origin": "http://127.0.0.1:8000"})

    assert refused.status_code == 403
    assert _live(home.wiring) == []


def test_the_feed_holds_the_plan_and_no_pain_knee_or_name(home: Home) -> None:
    walker = home.walker_id
    logged = home.computer.post(
        f"/api/walkers/{walker}/sessions",
        json={"date": "2027-01-04", "pain_during": 3, "notes": "sore on the stairs"},
    )
    assert logged.status_code == 201, logged.text
    path = _made(home.computer.post("/settings/calendar"))

    text = home.phone().get(path).text.lower().replace("\r\n ", "")

    for word in ("pain", "knee", "sore", "stairs", "osteoarthritis", "protocol", "local", "flag"):
        assert word not in text, word
    for condition in Condition:
        assert condition.describe().lower() not in text, condition
    assert "backward walk:" in text and "clip the safety key" in text


def test_a_log_that_changes_the_plan_updates_the_same_events(home: Home) -> None:
    path = _made(home.computer.post("/settings/calendar"))
    before = _events(home.phone().get(path).content)
    again = _events(home.phone().get(path).content)

    logged = home.computer.post(
        f"/api/walkers/{home.walker_id}/sessions", json={"date": "2027-01-04", "pain_during": 6}
    )
    assert logged.status_code == 201, logged.text
    after = _events(home.phone().get(path).content)

    assert [e.uid for e in again] == [e.uid for e in before]
    by_uid = {e.uid: e for e in before}
    kept = [e for e in after if e.uid in by_uid]
    assert len(kept) == len(before) - 1
    assert all(e.sequence > by_uid[e.uid].sequence for e in kept)
    third = next(e for e in kept if e.uid.endswith("-session-2@retrowalk"))
    assert "4 min" in by_uid[third.uid].summary and "3 min" in third.summary


def test_the_access_log_never_shows_a_links_token(sqlite_client: OwnPage) -> None:
    import logging

    from retrowalk.web.access_log import ACCESS_LOGGER

    token = "yMb7RBC5K4o-Q2aPXfPvtbm4vVLA2SXdPhDCPG_TF6A"
    # What uvicorn logs for each request: client, method, path, HTTP version, status.
    record = logging.LogRecord(
        ACCESS_LOGGER, logging.INFO, "h11_impl.py", 1, '%s - "%s %s HTTP/%s" %d',
        ("192.168.1.40:50000", "GET", f"/calendar/{token}.ics", "1.1", 200), None,
    )  # fmt: skip

    assert logging.getLogger(ACCESS_LOGGER).filter(record)  # its filters, set as the app started

    shown = record.getMessage()
    assert token not in shown
    assert shown == '192.168.1.40:50000 - "GET /calendar/(hidden).ics HTTP/1.1" 200'
