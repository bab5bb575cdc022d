"""A walker who uses mph types and reads their weight in lb on the onboarding and profile forms;
it is kept in kilograms, converted once (domain/units, 0.45359237 kg per lb)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.builders import onboard, onboarding_form
from tests.web.test_pages_profile import _profile_form


def _walker(client: TestClient) -> dict[str, object]:
    walker = client.get("/api/walker")
    assert walker.status_code == 200, walker.text
    found: dict[str, object] = walker.json()
    return found


def test_onboarding_reads_the_weight_in_lb_with_mph_and_keeps_it_in_kg(
    sqlite_client: TestClient,
) -> None:
    sqlite_client.post("/onboarding", data=onboarding_form(**{"walker.weight_kg": "160"}))

    assert _walker(sqlite_client)["weight_kg"] == 160 * 0.45359237


def test_onboarding_reads_the_weight_in_kg_with_km_h(sqlite_client: TestClient) -> None:
    form = onboarding_form(**{"walker.weight_kg": "72", "walker.units": "metric"})

    sqlite_client.post("/onboarding", data=form)

    assert _walker(sqlite_client)["weight_kg"] == 72


def test_the_profile_shows_the_weight_in_lb_and_saving_it_unchanged_keeps_the_kg(
    sqlite_client: TestClient,
) -> None:
    onboard(sqlite_client, walker={"units": "imperial", "weight_kg": 72.0})
    sent = _profile_form(sqlite_client.get("/settings/profile").text)

    sqlite_client.post("/settings/profile", data=sent | {"rest_pain": "3"})

    assert sent["weight_kg"] == "158.7"
    assert _walker(sqlite_client)["weight_kg"] == 72.0
    assert "lb with mph" in sqlite_client.get("/settings/profile").text
