"""The history a therapist reads: each session with what was planned, what was walked (in
words), every pain answer (unknown said so), effort, and the decision it led to with the
engine's reasons; a table with one line a session, in either order; the setbacks marked and
shown on their own."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from fastapi.testclient import TestClient

from retrowalk.services.clock import FixedClock
from tests.web.builders import onboard

ALL_WELL = {"sharp_pain": False, "form_ok": True, "swelling": False, "locking": False}
ALL_WELL |= {"giving_way": False}


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture(name="two_walks")
def two_walks_fixture(sqlite_client: TestClient, clock: FixedClock) -> dict[str, object]:
    """A good first walk, then one stopped after 10 seconds at pain 7 (walking stops)."""
    walker_id = onboard(sqlite_client, start="2027-01-04")
    sessions = f"/api/walkers/{walker_id}/sessions"
    first = sqlite_client.post(
        sessions,
        json={"date": "2027-01-04", "pain_during": 1, "pain_after": 1, "rpe": 4} | ALL_WELL,
    ).json()
    clock.current = datetime(2027, 1, 6, 9)
    stopped = {"minutes_done": 0.16, "stop_reason": "pain", "pain_during": 7, "rpe": 5}
    second = sqlite_client.post(sessions, json={"date": "2027-01-06", **stopped} | ALL_WELL).json()
    clock.current = datetime(2027, 1, 7, 9)  # the pages are read the day after
    return {"first": first, "second": second}


def test_each_session_shows_the_decision_it_led_to_with_the_engines_reasons(
    sqlite_client: TestClient, two_walks: dict[str, object]
) -> None:
    page = text_of(sqlite_client.get("/history?shown=all&order=oldest").text)
    first, second = (two_walks["first"], two_walks["second"])
    assert isinstance(first, dict) and isinstance(second, dict)
    after_first = " ".join(first["next"]["decision"]["reasons"])
    after_second = " ".join(second["next"]["decision"]["reasons"])

    monday, wednesday = page.index("Monday 4 January 2027"), page.index("Wednesday 6 January")
    assert monday < wednesday  # oldest first, the month in its capital
    assert page.index(after_first) in range(monday, wednesday)
    assert page.index(after_second) > wednesday
    assert "Walking stopped." in page[wednesday:]


def test_walked_time_pain_and_effort_are_in_words_with_unknown_said_so(
    sqlite_client: TestClient, two_walks: dict[str, object]
) -> None:
    page = text_of(sqlite_client.get("/history?shown=all").text)

    assert "10 seconds of 3 minutes (stopped early)" in page
    assert "7 during, not given after, not reported next morning" in page
    assert "1 during, 1 after, not reported next morning" in page
    assert "0.16" not in page


def test_the_table_has_one_line_a_session_in_the_order_asked(
    sqlite_client: TestClient, two_walks: dict[str, object]
) -> None:
    newest = sqlite_client.get("/history?shown=all&view=table").text
    oldest = sqlite_client.get("/history?shown=all&view=table&order=oldest").text

    rows = re.findall(r'<time datetime="([\d-]+)"', newest)
    assert rows == ["2027-01-06", "2027-01-04"]
    assert re.findall(r'<time datetime="([\d-]+)"', oldest) == ["2027-01-04", "2027-01-06"]
    assert 'aria-sort="descending"' in newest and 'aria-sort="ascending"' in oldest
    line = text_of(newest[newest.index('<tr class="setback">') :].split("</tr>", 1)[0])
    assert line == (
        "2027-01-06 3 min, 0.5 mph 10 seconds of 3 minutes (stopped early) 7 not given "
        "not reported 5 both Walking stopped"
    )


def test_setbacks_are_marked_and_can_be_shown_alone(
    sqlite_client: TestClient, two_walks: dict[str, object]
) -> None:
    every = sqlite_client.get("/history?shown=all").text
    only = sqlite_client.get("/history?shown=all&only=setbacks").text

    assert every.count('class="card session setback"') == 1
    assert "Only setbacks (1)" in text_of(every)
    assert re.findall(r'<time datetime="([\d-]+)"', only) == ["2027-01-06"]


def test_no_setback_says_so_and_offers_every_session(sqlite_client: TestClient) -> None:
    walker_id = onboard(sqlite_client, start="2027-01-04")
    sqlite_client.post(
        f"/api/walkers/{walker_id}/sessions",
        json={"date": "2027-01-04", "pain_during": 1, "rpe": 4} | ALL_WELL,
    )

    page = text_of(sqlite_client.get("/history?only=setbacks").text)

    assert "No setbacks in the last 12 weeks" in page and "Show every session" in page


def test_a_choice_of_view_keeps_the_others(
    sqlite_client: TestClient, two_walks: dict[str, object]
) -> None:
    page = sqlite_client.get("/history?shown=all&only=setbacks&order=oldest").text

    assert 'href="/history?shown=all&amp;view=table&amp;order=oldest&amp;only=setbacks"' in page
