"""The codes kept for answers (`knee_oa`, `motorized_treadmill`, `kmh`, severity codes) never
reach a walker's eyes on the pages: the text shown is words (services/answer_words.py)."""

from __future__ import annotations

import re
from datetime import datetime

from fastapi.testclient import TestClient

from retrowalk.services.clock import FixedClock
from tests.web.builders import onboard
from tests.web.test_history_record import ALL_WELL
from tests.web.test_pages_profile import _profile_form

CODES = re.compile(
    r"knee_oa|knee oa|motorized_treadmill|\bkmh\b|\bimperial\b|\bmetric\b|patellofemoral|_"
)


def shown_text(html: str) -> str:
    """What a reader sees: no tags, attributes, scripts or styles."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_no_page_shows_a_code_kept_for_an_answer(
    sqlite_client: TestClient, clock: FixedClock
) -> None:
    walker_id = onboard(sqlite_client, start="2027-01-04", walker={"units": "metric"})
    walk = {"date": "2027-01-04", "pain_during": 1, "rpe": 4} | ALL_WELL
    sqlite_client.post(f"/api/walkers/{walker_id}/sessions", json=walk)
    sent = _profile_form(sqlite_client.get("/settings/profile").text)
    changed = sent | {"condition": "patellofemoral_pain", "units": "imperial"}
    assert sqlite_client.post("/settings/profile", data=changed).status_code == 200
    clock.current = datetime(2027, 1, 5, 9)

    for path in ("/", "/history", "/progress", "/settings", "/settings/profile"):
        text = shown_text(sqlite_client.get(path).text)

        assert not CODES.findall(text), (path, CODES.findall(text))
