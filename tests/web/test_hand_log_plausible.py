"""The hand-log form and implausible logs: a value far from the prescription (3 min at 0.5 mph,
0 % here) is asked about on the page, with nothing saved; "Yes, it is right" sends the same
values again confirmed and logs them once. A decimal comma reads as a point; blanks are unknown."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from retrowalk.store.snapshot import read_snapshot
from tests.web.builders import onboard
from tests.web.test_exactly_once import form_on_page, logs


def _confirm_form(page: str) -> dict[str, str]:
    """The hidden fields of the page's "Yes, it is right" form, as a browser would send them."""
    found = re.search(r'<div class="problems confirm".*?<form[^>]*>(.*?)</form>', page, re.S)
    assert found is not None, "the page asks nothing"
    fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', found.group(1))
    return {name: html.unescape(value) for name, value in fields}


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ({"minutes_done": "30"}, "You logged 30 min for a 3-min session: is that right?"),
        ({"speed_done": "1,2"}, "You logged 1.2 mph where 0.5 mph was prescribed"),
        ({"incline_done_percent": "1"}, "an incline of 1 % where 0 % was prescribed"),
    ],
)
def test_a_far_value_is_asked_about_on_the_page_and_nothing_is_saved(
    client: TestClient, wiring: Wiring, typed: dict[str, str], words: str
) -> None:
    onboard(client)
    before = read_snapshot(wiring.database.engine)

    response = client.post("/history", data=form_on_page(client) | typed)

    assert response.status_code == 422
    assert html.unescape(response.text).count(words) == 1
    assert "Yes, it is right" in response.text and "Nothing is saved yet" in response.text
    assert read_snapshot(wiring.database.engine) == before


def test_yes_it_is_right_logs_the_same_values_once(client: TestClient, wiring: Wiring) -> None:
    onboard(client)
    asked = client.post("/history", data=form_on_page(client) | {"minutes_done": "30"})
    again = _confirm_form(asked.text)

    first = client.post("/history", data=again)
    second = client.post("/history", data=again)  # a double click on the button

    assert again["confirm"] == "1" and again["minutes_done"] == "30" and "csrf_token" in again
    assert first.status_code == 200 and "Logged." in first.text
    assert "Already saved" in second.text
    [row] = logs(wiring)
    assert row["minutes_done"] == 30


def test_a_second_log_for_the_day_is_asked_about_on_the_page(client: TestClient) -> None:
    onboard(client)
    client.post("/history", data=form_on_page(client))

    asked = client.post("/history", data=form_on_page(client))
    logged = client.post("/history", data=_confirm_form(asked.text))

    assert "is logged for 2027-01-04 already" in html.unescape(asked.text)
    assert "Logged." in logged.text


def test_a_decimal_comma_in_the_form_is_a_decimal_point(client: TestClient, wiring: Wiring) -> None:
    onboard(client)

    response = client.post("/history", data=form_on_page(client) | {"speed_done": "0,6"})

    assert "Logged." in response.text
    [row] = logs(wiring)
    assert (row["speed_done"], row["speed_done_unit"]) == (0.6, "mph")


def test_a_wrong_speed_is_shown_beside_the_speed_field(client: TestClient) -> None:
    onboard(client)

    response = client.post("/history", data=form_on_page(client) | {"speed_done": "1,2,3"})

    assert response.status_code == 422
    assert 'id="speed_done-error"' in response.text


def test_the_new_form_leaves_pain_and_effort_blank(client: TestClient) -> None:
    onboard(client)

    page = client.get("/history").text

    for name in ("pain_during", "rpe"):
        assert re.search(rf'<input id="{name}" name="{name}" type="number" value=""', page)


def test_blank_answers_are_logged_as_unknown(client: TestClient, wiring: Wiring) -> None:
    onboard(client)
    blank: dict[str, Any] = {"done": "on", "form_ok": "on"}

    client.post("/history", data=blank | {"seq": form_on_page(client)["seq"]})

    [row] = logs(wiring)
    assert row["pain_during"] is None and row["rpe"] is None


def test_the_edit_page_asks_about_a_far_value_and_saves_it_confirmed(
    client: TestClient, wiring: Wiring
) -> None:
    onboard(client)
    client.post("/history", data=form_on_page(client) | {"pain_during": "1", "rpe": "4"})
    [row] = logs(wiring)
    edit = {"done": "on", "form_ok": "on", "pain_during": "1", "rpe": "4", "minutes_done": "30"}

    asked = client.post(f"/history/{row['id']}", data=edit)
    unchanged = logs(wiring)
    saved = client.post(f"/history/{row['id']}", data=_confirm_form(asked.text))

    assert asked.status_code == 422 and "You logged 30 min" in html.unescape(asked.text)
    assert unchanged == [row]
    assert "Saved your changes" in saved.text and logs(wiring)[0]["minutes_done"] == 30
