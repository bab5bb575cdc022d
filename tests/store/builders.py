"""Tiny builders for storage and service tests: onboard a walker, walk their sessions."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from retrowalk.services.clock import FixedClock
from retrowalk.services.log_session import Logged, log_command, log_session
from retrowalk.services.onboard import Onboarded, onboard, onboard_command
from retrowalk.services.today import today_session
from tests.db import Backend

# What a walker answers after a session that went as prescribed: an answer left out is
# unknown (PROTOCOL.md §11), and the engine does not step up on unknowns.
# Every question a good session needs answered (PROTOCOL.md §11: an unknown answer is never good).
ANSWERED = {
    "pain_during": 0,
    "rpe": 4,
    "sharp_pain": False,
    "form_ok": True,
    "swelling": False,
    "locking": False,
    "giving_way": False,
}
EXAMPLE = Path(__file__).parents[2] / "examples" / "knee_oa_mph.json"
# A second treadmill for equipment changes: km/h, 0.8-16 in 0.1 steps, up to 12 % in 1 % steps.
KMH_TREADMILL = {
    "kind": "motorized_treadmill",
    "min_speed_kmh": 0.8,
    "max_speed_kmh": 16.0,
    "speed_step_kmh": 0.1,
    "max_incline_percent": 12,
    "incline_step_percent": 1,
    "handrails": True,
    "safety_clip": True,
}


def scenario() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def onboarding(**changes: Any) -> dict[str, Any]:
    """Onboarding input from the example scenario; `walker` and `equipment` changes merge, and
    equipment of another `kind` replaces the example's treadmill."""
    example = scenario()
    kit = changes.pop("equipment", {})
    data: dict[str, Any] = {
        "walker": example["walker"] | changes.pop("walker", {}),
        "equipment": kit if "kind" in kit else example["equipment"] | kit,
        "start": example["start"],
        "sessions_per_week": 3,
    }
    return data | changes


def onboarded(backend: Backend, clock: FixedClock, **changes: Any) -> Onboarded:
    return onboard(onboard_command(onboarding(**changes)), backend.uow(), clock)


def walk(
    backend: Backend,
    clock: FixedClock,
    walker_id: int,
    sessions: int,
    next_morning: int | None = None,
    **outcome: Any,
) -> list[Logged]:
    """Log `sessions` sessions, each on its planned day, moving the clock there. With
    `next_morning`, each is logged the morning after instead, with that next-morning pain (the
    engine steps up only on a reported, settled morning: PROTOCOL.md §11)."""
    logged = []
    outcome = ANSWERED | outcome  # a session walked as prescribed, with its questions answered
    for _ in range(sessions):
        ahead = today_session(walker_id, backend.uow(), clock).session
        assert ahead is not None
        clock.current = max(clock.current, datetime.combine(ahead.on, clock.current.time()))
        given = dict(outcome)
        if next_morning is not None:
            clock.current += timedelta(days=1)
            given |= {"date": ahead.on.isoformat(), "pain_next_morning": next_morning}
        command = log_command(walker_id=walker_id, **given)
        logged.append(log_session(command, backend.uow(), clock))
    return logged
