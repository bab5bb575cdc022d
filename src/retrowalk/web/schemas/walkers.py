"""A walker coming in (onboarding) and going out (profile, equipment, flags)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from retrowalk.services.commands import Command
from retrowalk.services.onboard import Onboarded
from retrowalk.services.records import StoredWalker
from retrowalk.services.scenario import EquipmentIn, WalkerIn
from retrowalk.web.schemas.common import DecisionPublic, FlagPublic, NextPublic, Public


class WalkerCreate(Command):
    """Onboarding: the walker's profile and screening answers, and their equipment."""

    walker: WalkerIn
    equipment: EquipmentIn
    start: dt.date | None = Field(default=None, strict=False)
    sessions_per_week: int | None = Field(default=None, ge=1, le=7)


class WalkerPublic(Public):
    id: int
    age: int
    condition: str
    severity: str
    units: str
    weight_kg: float | None
    equipment: str
    protocol: str
    sessions_per_week: int
    start: dt.date
    flags: list[FlagPublic]

    @classmethod
    def of(cls, walker: StoredWalker) -> WalkerPublic:
        profile, plan = walker.profile, walker.prescription
        return cls(
            id=walker.id,
            age=profile.age,
            condition=profile.condition.value,
            severity=profile.severity.value,
            units=profile.units.value,
            weight_kg=profile.weight_kg,
            equipment=walker.equipment.kind.value,
            protocol=plan.protocol,
            sessions_per_week=plan.sessions_per_week,
            start=plan.start,
            flags=[FlagPublic.of(flag) for flag in walker.flags],
        )


class OnboardedPublic(Public):
    walker: WalkerPublic
    cleared_to_start: bool
    first_session: NextPublic | None
    warnings: list[str]

    @classmethod
    def of(cls, done: Onboarded) -> OnboardedPublic:
        first = done.first_session
        return cls(
            walker=WalkerPublic.of(done.walker),
            cleared_to_start=done.screening.cleared_to_start,
            first_session=None
            if first is None
            else NextPublic(on=first.on, decision=DecisionPublic.of(first.decision)),
            warnings=list(done.warnings),
        )
