"""Tiny builders for tests: a walker, a treadmill, a plan request, with sensible defaults."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from retrowalk.domain.equipment import Equipment, Grid, MotorizedTreadmill
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.plan import PlanPreview, PlanRequest, ScriptedSession, preview_plan
from retrowalk.domain.programme import Programme, screened_programme
from retrowalk.domain.units import SpeedUnit, UnitSystem
from retrowalk.domain.walker import Condition, Severity, WalkerProfile
from retrowalk.protocols import load_modality, protocol_for_walker

START = date(2027, 1, 4)


def walker(**changes: Any) -> WalkerProfile:
    base = WalkerProfile(
        age=60,
        weight_kg=70.0,
        units=UnitSystem.IMPERIAL,
        condition=Condition.KNEE_OA,
        severity=Severity.MODERATE,
        cleared_by_clinician=True,
        rest_pain=1,
    )
    return replace(base, **changes)


def treadmill(
    unit: SpeedUnit = SpeedUnit.MPH,
    speeds: tuple[float, float, float] = (0.5, 10.0, 0.1),
    inclines: tuple[float, float] = (15.0, 0.5),
    handrails: bool = True,
    safety_clip: bool = True,
) -> MotorizedTreadmill:
    return MotorizedTreadmill(
        speed_unit=unit,
        speed_grid=Grid(*speeds),
        incline_grid=Grid(0.0, *inclines),
        handrails=handrails,
        safety_clip=safety_clip,
    )


def request(
    who: WalkerProfile | None = None,
    equipment: Equipment | None = None,
    weeks: int = 12,
    sessions_per_week: int | None = 3,
    script: Sequence[ScriptedSession] = (),
    start: date = START,
) -> PlanRequest:
    who = who or walker()
    equipment = equipment or treadmill()
    return PlanRequest(
        walker=who,
        equipment=equipment,
        protocol=protocol_for_walker(who, start),
        modality=load_modality(equipment.kind),
        start=start,
        weeks=weeks,
        sessions_per_week=sessions_per_week,
        script=script,
    )


def plan(**kwargs: Any) -> PlanPreview:
    return preview_plan(request(**kwargs))


def programme(**kwargs: Any) -> Programme:
    """The programme the engine builds for `request(**kwargs)`, for tests that decide one
    session from a state written out by hand."""
    asked = request(**kwargs)
    _, built = screened_programme(
        asked.walker, asked.equipment, asked.protocol, asked.modality, asked.start
    )
    assert built is not None, "the walker was not cleared to start"
    return built


def outcomes(*entries: SessionOutcome | ScriptedSession) -> list[ScriptedSession]:
    return [e if isinstance(e, ScriptedSession) else ScriptedSession(e) for e in entries]


def good(n: int = 1, **changes: Any) -> list[ScriptedSession]:
    return [ScriptedSession(SessionOutcome(**changes)) for _ in range(n)]
