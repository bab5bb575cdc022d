"""A walked session's FIT and TCX files from the history page: an attachment with the format's
media type, its values those of the session; a 404 page for a session that is not the
walker's, a page saying so for one not walked; the links only beside walked sessions."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.formats.activities import garmin_messages
from tests.formats.tcx_schema import NAMES, valid_tcx
from tests.web.builders import onboard

ALL_WELL: dict[str, Any] = {"sharp_pain": False, "form_ok": True, "swelling": False}
ALL_WELL |= {"locking": False, "giving_way": False, "pain_during": 1, "rpe": 4}


@pytest.fixture(name="sessions")
def sessions_fixture(sqlite_client: TestClient) -> dict[str, int]:
    """A walk on the treadmill with its samples (Monday), then a missed session (Wednesday)."""
    walker_id = onboard(sqlite_client, start="2027-01-04")
    path = f"/api/walkers/{walker_id}/sessions"
    samples = [
        {"second": s, "speed_mps": 0.22352 if 2 <= s < 182 else 0.0, "heart_rate": 96}
        for s in range(190)
    ]
    walked = sqlite_client.post(
        path, json={"date": "2027-01-04", "source": "device", "samples": samples} | ALL_WELL
    )
    missed = sqlite_client.post(path, json={"date": "2027-01-04", "done": False, "confirm": True})
    assert walked.status_code == 201 and missed.status_code == 201, missed.text
    return {"walked": walked.json()["session"]["id"], "missed": missed.json()["session"]["id"]}


def test_the_fit_file_downloads_as_an_attachment_with_the_sessions_values(
    sqlite_client: TestClient, sessions: dict[str, int]
) -> None:
    walked = sessions["walked"]

    response = sqlite_client.get(f"/sessions/{walked}/activity.fit")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.ant.fit"
    assert response.headers["content-disposition"] == (
        f'attachment; filename="retrowalk-2027-01-04-session-{walked}.fit"'
    )
    messages = garmin_messages(response.content)
    [session] = messages["session_mesgs"]
    assert (session["sport"], session["sub_sport"]) == ("walking", "treadmill")
    assert session["total_timer_time"] == 180 and session["avg_heart_rate"] == 96
    assert len(messages["record_mesgs"]) == 180  # the seconds the belt ran


def test_the_tcx_file_downloads_as_an_attachment_and_is_valid(
    sqlite_client: TestClient, sessions: dict[str, int]
) -> None:
    walked = sessions["walked"]

    response = sqlite_client.get(f"/sessions/{walked}/activity.tcx")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.garmin.tcx+xml"
    assert response.headers["content-disposition"] == (
        f'attachment; filename="retrowalk-2027-01-04-session-{walked}.tcx"'
    )
    document = valid_tcx(response.text)
    points = document.findall("t:Activities/t:Activity/t:Lap/t:Track/t:Trackpoint", NAMES)
    assert len(points) == 180


def test_a_session_not_found_or_not_walked_gets_a_page_saying_so(
    sqlite_client: TestClient, sessions: dict[str, int]
) -> None:
    unknown = sqlite_client.get("/sessions/999/activity.fit")
    missed = sqlite_client.get(f"/sessions/{sessions['missed']}/activity.tcx")

    assert unknown.status_code == 404 and "text/html" in unknown.headers["content-type"]
    assert "you have no logged session with this id" in unknown.text
    assert missed.status_code == 422 and "was not walked" in missed.text
    assert "content-disposition" not in missed.headers


def test_the_downloads_answer_get_only(sqlite_client: TestClient, sessions: dict[str, int]) -> None:
    path = f"/sessions/{sessions['walked']}/activity.fit"

    assert sqlite_client.post(path).status_code == 405


def test_the_history_links_the_files_of_walked_sessions_only(
    sqlite_client: TestClient, sessions: dict[str, int]
) -> None:
    page = sqlite_client.get("/history?shown=all").text

    links = _links(page)
    walked = sessions["walked"]
    assert links == [
        (f"/sessions/{walked}/activity.fit", "FIT file"),
        (f"/sessions/{walked}/activity.tcx", "TCX file"),
    ]
    assert 'aria-label="FIT file of the session of 2027-01-04"' in page


def _links(page: str) -> list[tuple[str, Any]]:
    return re.findall(
        r'<a class="button" href="(/sessions/\d+/activity\.\w+)"[^>]*>([^<]+)</a>', page
    )
