"""Tiny builders for the web tests: onboarding as JSON and as the form sends it."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.store.builders import onboarding


def walker_json(**changes: Any) -> dict[str, Any]:
    """The API's onboarding body, from the example scenario (start on the test clock's day)."""
    return onboarding(**changes)


def onboard(client: TestClient, **changes: Any) -> int:
    response = client.post("/api/walkers", json=walker_json(**changes))
    assert response.status_code == 201, response.text
    walker_id: int = response.json()["walker"]["id"]
    return walker_id


def onboarding_form(**changes: str) -> dict[str, str]:
    """The onboarding form as a browser sends it: text fields, ticked boxes as 'on'."""
    treadmill = "motorized_treadmill."
    form = {
        "walker.age": "67",
        "walker.condition": "knee_oa",
        "walker.severity": "moderate",
        "walker.units": "imperial",
        "walker.rest_pain": "2",
        "walker.falls_last_year": "0",
        "walker.surgery.kind": "none",
        "walker.cleared_by_clinician": "on",
        "equipment.kind": "motorized_treadmill",
        treadmill + "speed_unit": "mph",
        treadmill + "min_speed": "0.5",
        treadmill + "max_speed": "10",
        treadmill + "speed_step": "0.1",
        treadmill + "max_incline_percent": "15",
        treadmill + "incline_step_percent": "0.5",
        treadmill + "handrails": "on",
        treadmill + "safety_clip": "on",
        "sessions_per_week": "3",
    }
    return form | changes


def check_in(**changes: Any) -> dict[str, Any]:
    return {"pain_during": 2, "sharp_pain": False, "rpe": 4} | changes
