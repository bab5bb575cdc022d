"""The pages, server-rendered: empty states, forms that keep what was typed and show each mistake
beside its field, history changes with undo, settings, and the error pages."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.builders import onboard, onboarding_form


def field_error(html: str, name: str) -> str | None:
    found = re.search(rf'id="{re.escape(name)}-error"[^>]*>(.*?)</p>', html, re.S)
    return None if found is None else re.sub(r"<[^>]+>", "", found.group(1)).strip()


def test_before_onboarding_every_walker_page_leads_to_onboarding(sqlite_client: TestClient) -> None:
    for path in ("/", "/live", "/history", "/progress", "/settings"):
        response = sqlite_client.get(path, follow_redirects=False)

        assert (response.status_code, response.headers["location"]) == (303, "/onboarding")


def test_onboarding_shows_each_mistake_beside_its_field_and_keeps_what_was_typed(
    sqlite_client: TestClient,
) -> None:
    form = onboarding_form(
        **{"walker.age": "old", "walker.weight_kg": "72", "motorized_treadmill.speed_step": "0"}
    )

    response = sqlite_client.post("/onboarding", data=form)

    assert response.status_code == 422
    assert "valid integer" in (field_error(response.text, "walker.age") or "")
    assert "greater than 0" in (field_error(response.text, "motorized_treadmill.speed_step") or "")
    assert 'value="72"' in response.text and 'value="old"' in response.text


def test_a_mistake_in_a_treadmill_as_a_whole_is_shown_with_its_fields(
    sqlite_client: TestClient,
) -> None:
    form = onboarding_form(**{"motorized_treadmill.min_speed": "12"})

    response = sqlite_client.post("/onboarding", data=form)

    assert "must be below" in (field_error(response.text, "motorized_treadmill") or "")


def test_onboarding_through_the_form_leads_to_today(sqlite_client: TestClient) -> None:
    response = sqlite_client.post("/onboarding", data=onboarding_form())

    assert "Today&#39;s session" in response.text or "Today's session" in response.text
    assert "Start the live session" in response.text


def test_progress_and_history_say_what_to_do_before_any_session(sqlite_client: TestClient) -> None:
    onboard(sqlite_client)

    assert "Nothing to chart yet" in sqlite_client.get("/progress").text
    assert "No sessions in the last 12 weeks" in sqlite_client.get("/history").text


def test_logging_by_hand_with_a_mistake_keeps_the_form_and_names_the_field(
    sqlite_client: TestClient,
) -> None:
    onboard(sqlite_client)

    response = sqlite_client.post(
        "/history", data={"done": "on", "pain_during": "11", "rpe": "4", "notes": "kept"}
    )

    assert response.status_code == 422
    assert "less than or equal to 10" in (field_error(response.text, "pain_during") or "")
    assert ">kept</textarea>" in response.text


def test_a_session_deleted_from_history_can_be_undone_in_place(sqlite_client: TestClient) -> None:
    onboard(sqlite_client)
    sqlite_client.post("/history", data={"done": "on", "pain_during": "1", "rpe": "4"})
    log_id = re.search(r"/history/(\d+)/delete", sqlite_client.get("/history").text)
    assert log_id is not None
    htmx = {"HX-Request": "true"}

    deleted = sqlite_client.post(f"/history/{log_id.group(1)}/delete", headers=htmx)
    undone = sqlite_client.post("/history/undo", headers=htmx)

    assert deleted.text.startswith('<div id="history"') and "Deleted the session" in deleted.text
    assert "No sessions" in deleted.text
    assert "Undone" in undone.text and f"/history/{log_id.group(1)}/delete" in undone.text


def test_editing_a_session_with_a_mistake_keeps_the_answers(sqlite_client: TestClient) -> None:
    onboard(sqlite_client)
    sqlite_client.post("/history", data={"done": "on", "pain_during": "1", "rpe": "4"})
    log_id = re.search(r"/history/(\d+)/edit", sqlite_client.get("/history").text)
    assert log_id is not None

    response = sqlite_client.post(
        f"/history/{log_id.group(1)}", data={"done": "on", "pain_during": "3", "rpe": "12"}
    )

    assert response.status_code == 422
    assert "less than or equal to 10" in (field_error(response.text, "rpe") or "")
    assert 'value="3"' in response.text


def test_another_sessions_edit_page_is_not_found(sqlite_client: TestClient) -> None:
    onboard(sqlite_client)

    response = sqlite_client.get("/history/999/edit")

    assert response.status_code == 404
    assert "Not found" in response.text


def test_choosing_kilometres_shows_todays_speed_in_them(sqlite_client: TestClient) -> None:
    onboard(sqlite_client)

    sqlite_client.post("/settings/units", data={"units": "metric"})

    assert "0.8 km/h" in sqlite_client.get("/").text


def test_an_unknown_page_gets_a_page_that_leads_home(sqlite_client: TestClient) -> None:
    response = sqlite_client.get("/no-such-page")

    assert response.status_code == 404
    assert "Page not found" in response.text and 'href="/"' in response.text


def test_every_asset_a_page_loads_comes_from_this_server(sqlite_client: TestClient) -> None:
    onboard(sqlite_client)

    for path in ("/", "/live", "/history", "/progress", "/settings"):
        html = sqlite_client.get(path).text
        sources = re.findall(r'(?:src|href)="([^"#]+)"', html)

        assert sources and all(s.startswith("/") for s in sources), (path, sources)
        for asset in (s for s in sources if s.startswith("/static/")):
            assert sqlite_client.get(asset).status_code == 200, asset


def test_pages_forbid_loading_anything_from_elsewhere(sqlite_client: TestClient) -> None:
    policy = sqlite_client.get("/onboarding").headers["content-security-policy"]

    assert "default-src 'self'" in policy


def _equipment_form(html: str) -> dict[str, str]:
    """The settings page's equipment form as the browser would send it back unchanged."""
    form = html[html.index('action="/settings/equipment"') :]
    form = form[: form.index("</form>")]
    values = dict(
        re.findall(r'<input id="([^"]+)" name="[^"]+" type="number" value="([^"]*)"', form)
    )
    values |= dict(re.findall(r'name="([^"]+)" value="([^"]+)" id="kind-[^"]+" checked', form))
    ticked = re.findall(r'name="([^"]+)" type="checkbox" checked', form)
    values |= dict.fromkeys(ticked, "on")
    for name, option in re.findall(
        r'<select id="([^"]+)".*?<option value="([^"]*)" selected', form, re.S
    ):
        values[name] = option
    return values


def test_settings_show_the_equipment_in_use_ready_to_change(sqlite_client: TestClient) -> None:
    onboard(sqlite_client)

    html = sqlite_client.get("/settings").text

    sent = _equipment_form(html)
    assert sent["equipment.kind"] == "motorized_treadmill"
    assert sent["motorized_treadmill.min_speed"] == "0.5"
    assert sent["motorized_treadmill.speed_unit"] == "mph"
    assert sent["motorized_treadmill.safety_clip"] == "on"


def test_a_new_km_h_treadmill_in_settings_re_plans_today_in_its_steps(
    sqlite_client: TestClient,
) -> None:
    onboard(sqlite_client)
    sent = _equipment_form(sqlite_client.get("/settings").text)
    sent |= {
        "motorized_treadmill.speed_unit": "kmh",
        "motorized_treadmill.min_speed": "1.0",
        "motorized_treadmill.max_speed": "16",
    }

    response = sqlite_client.post("/settings/equipment", data=sent)

    assert response.status_code == 200
    assert "Saved: your next session is planned for this equipment" in response.text
    assert "slowest belt speed, 1 km/h, is above your dose" in response.text
    assert "1 to 16 km/h" in response.text
    sqlite_client.post("/settings/units", data={"units": "metric"})
    assert "1 km/h" in sqlite_client.get("/").text


def test_a_mistake_in_new_equipment_is_shown_beside_its_field_and_nothing_changes(
    sqlite_client: TestClient,
) -> None:
    onboard(sqlite_client)
    sent = _equipment_form(sqlite_client.get("/settings").text)
    sent |= {"motorized_treadmill.speed_step": "0", "motorized_treadmill.max_speed": "9"}

    response = sqlite_client.post("/settings/equipment", data=sent)

    assert response.status_code == 422
    assert "greater than 0" in (field_error(response.text, "motorized_treadmill.speed_step") or "")
    assert 'value="9"' in response.text and "Nothing was changed" in response.text
    assert "0.5 to 10 mph" in response.text  # the equipment on record is the old one


def test_equipment_screening_will_not_plan_for_is_refused_in_settings(
    sqlite_client: TestClient,
) -> None:
    onboard(sqlite_client)
    today = sqlite_client.get("/").text
    sent = _equipment_form(sqlite_client.get("/settings").text)
    del sent["motorized_treadmill.safety_clip"]

    response = sqlite_client.post("/settings/equipment", data=sent)

    assert response.status_code == 422
    assert "unchanged" in response.text and "safety" in response.text
    # The equipment on record keeps its clip, and today's session is the one planned before.
    kept = _equipment_form(sqlite_client.get("/settings").text)
    assert kept["motorized_treadmill.safety_clip"] == "on"
    assert sqlite_client.get("/").text == today


def test_new_equipment_for_a_walker_stopped_by_their_answers_says_there_is_still_no_plan(
    sqlite_client: TestClient,
) -> None:
    surgery = {"kind": "tkr", "date": "2026-10-12"}
    onboard(
        sqlite_client,
        walker={"condition": "post_tkr", "surgery": surgery, "cleared_by_clinician": False},
    )
    sent = _equipment_form(sqlite_client.get("/settings").text)
    sent["motorized_treadmill.max_speed"] = "8"

    response = sqlite_client.post("/settings/equipment", data=sent)

    assert response.status_code == 200
    assert "Saved: the equipment is on record" in response.text
    assert "No plan yet:" in response.text
    assert "0.5 to 8 mph" in response.text
