"""The profile page: the walker's answers changed and screened again, a clinician's clearance,
and every change so far, as a browser sends and shows them."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.builders import onboard
from tests.web.test_pages import field_error


def _profile_form(html: str) -> dict[str, str]:
    """The profile form as the browser would send it back unchanged."""
    form = html[html.index('action="/settings/profile"') :]
    form = form[: form.index("</form>")]
    found = r'<input id="([^"]+)" name="[^"]+" type="(?:number|date)" value="([^"]*)"'
    values = dict(re.findall(found, form))
    values |= dict.fromkeys(re.findall(r'name="([^"]+)" type="checkbox" checked', form), "on")
    for name, option in re.findall(
        r'<select id="([^"]+)".*?<option value="([^"]*)" selected', form, re.S
    ):
        values[name] = option
    return values


def test_the_profile_page_shows_the_answers_on_record_ready_to_change(
    sqlite_client: TestClient,
) -> None:
    onboard(sqlite_client)

    html = sqlite_client.get("/settings/profile").text

    sent = _profile_form(html)
    assert sent["age"] == "67" and sent["rest_pain"] == "2" and sent["weight_kg"] == "158.7"
    assert sent["condition"] == "knee_oa" and sent["surgery.kind"] == "none"
    assert sent["cleared_by_clinician"] == "on" and "swelling" not in sent
    assert 'name="csrf_token"' in html
    assert "No changes yet" in html
    assert 'href="/settings/profile"' in sqlite_client.get("/settings").text


def test_swelling_ticked_stops_the_plan_and_unticked_plans_again(
    sqlite_client: TestClient,
) -> None:
    onboard(sqlite_client)
    sent = _profile_form(sqlite_client.get("/settings/profile").text)

    stopped = sqlite_client.post("/settings/profile", data=sent | {"swelling": "on"})

    assert stopped.status_code == 200
    assert "No walking until this is resolved" in stopped.text
    assert "Knee swelling" in stopped.text
    assert "Knee swelling" in sqlite_client.get("/").text
    resumed = sqlite_client.post("/settings/profile", data=sent)
    assert "Saved. Your next session" in resumed.text
    history = resumed.text[resumed.text.index('id="changes"') :]
    assert history.count("Swelling: ") == 2
    assert "Swelling: no → yes" in history and "Swelling: yes → no" in history
    assert "Screening stopped the plan" in history and "by local" in history


def test_a_mistake_is_shown_beside_its_field_and_nothing_changes(
    sqlite_client: TestClient,
) -> None:
    onboard(sqlite_client)
    sent = _profile_form(sqlite_client.get("/settings/profile").text)

    response = sqlite_client.post(
        "/settings/profile", data=sent | {"rest_pain": "12", "condition": "post_tkr"}
    )

    assert response.status_code == 422
    assert "less than or equal to 10" in (field_error(response.text, "rest_pain") or "")
    assert "Nothing was changed" in response.text and 'value="12"' in response.text
    assert "No changes yet" in response.text


def test_an_operation_without_its_date_is_named_at_the_date(sqlite_client: TestClient) -> None:
    onboard(sqlite_client)
    sent = _profile_form(sqlite_client.get("/settings/profile").text)

    response = sqlite_client.post("/settings/profile", data=sent | {"surgery.kind": "tkr"})

    assert response.status_code == 422
    assert field_error(response.text, "surgery.date")


def test_a_clearance_is_recorded_with_its_date_and_shown_in_the_history(
    sqlite_client: TestClient,
) -> None:
    not_cleared = {
        "condition": "post_acl",
        "surgery": {"kind": "acl", "date": "2026-09-01"},
        "cleared_by_clinician": False,
    }
    onboard(sqlite_client, walker=not_cleared)
    assert "No walking until this is resolved" in sqlite_client.get("/settings/profile").text
    sent = {
        "clearance.on": "2027-01-02",
        "clearance.clinician": "Dr Lee",
        "clearance.notes": "Graft fine",
    }

    response = sqlite_client.post("/settings/clearance", data=sent)

    assert response.status_code == 200
    assert "Saved. Your next session" in response.text
    assert "cleared by Dr Lee on 2027-01-02" in response.text and "Graft fine" in response.text


def test_a_clearance_dated_in_the_future_is_refused_beside_its_field(
    sqlite_client: TestClient,
) -> None:
    onboard(sqlite_client)

    response = sqlite_client.post("/settings/clearance", data={"clearance.on": "2030-01-01"})

    assert response.status_code == 422
    assert "not after today" in (field_error(response.text, "clearance.on") or "")
    assert "No changes yet" in response.text


def test_a_form_without_its_token_changes_nothing(sqlite_client: TestClient) -> None:
    onboard(sqlite_client)
    plain = TestClient(sqlite_client.app, base_url="http://127.0.0.1:8000")

    response = plain.post("/settings/profile", data={"swelling": "on", "age": "67"})

    assert response.status_code == 403
    assert "No changes yet" in sqlite_client.get("/settings/profile").text


def test_the_page_needs_a_walker(sqlite_client: TestClient) -> None:
    response = sqlite_client.get("/settings/profile", follow_redirects=False)

    assert response.headers["location"] == "/onboarding"


def test_a_new_operation_on_the_form_is_not_cleared_until_the_box_says_so(
    sqlite_client: TestClient,
) -> None:
    onboard(sqlite_client)
    sent = _profile_form(sqlite_client.get("/settings/profile").text)
    operated = sent | {"surgery.kind": "acl", "surgery.date": "2026-11-01"}

    stopped = sqlite_client.post("/settings/profile", data=operated)

    assert "No walking until this is resolved" in stopped.text
    assert "get clearance" in stopped.text
    assert "Cleared by a clinician: yes → no" in stopped.text
