"""A walker coming in (onboarding) and going out (profile, equipment, flags)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from retrowalk.domain.walker import SCREENING_ANSWERS
from retrowalk.services.calendar_date import CalendarDate
from retrowalk.services.commands import Command
from retrowalk.services.equipment_change import EquipmentChanged
from retrowalk.services.onboard import Onboarded
from retrowalk.services.public import FlagPublic, PlannedPublic, Public
from retrowalk.services.records import PlannedSession, StoredWalker
from retrowalk.services.scenario import EquipmentIn, WalkerIn


class WalkerCreate(Command):
    """Onboarding: the walker's profile and screening answers, and their equipment."""

    walker: WalkerIn
    equipment: EquipmentIn
    start: CalendarDate | None = None
    sessions_per_week: int | None = Field(default=None, ge=1, le=7)


class SurgeryPublic(Public):
    kind: str
    date: dt.date


class WalkerPublic(Public):
    """The walker's profile: their answers to screening, equipment, plan and latest flags."""

    id: int
    age: int
    condition: str
    severity: str
    units: str
    weight_kg: float | None
    surgery: SurgeryPublic | None
    cleared_by_clinician: bool
    rest_pain: int
    falls_last_year: int
    balance_concern: bool
    experienced: bool
    dizziness: bool
    swelling: bool
    locking: bool
    giving_way: bool
    equipment: str
    protocol: str
    sessions_per_week: int
    start: dt.date
    flags: list[FlagPublic]

    @classmethod
    def of(cls, walker: StoredWalker) -> WalkerPublic:
        profile, plan, surgery = walker.profile, walker.prescription, walker.profile.surgery
        return cls(
            id=walker.id,
            age=profile.age,
            condition=profile.condition.value,
            severity=profile.severity.value,
            units=profile.units.value,
            weight_kg=profile.weight_kg,
            surgery=None
            if surgery is None
            else SurgeryPublic(kind=surgery.kind.value, date=surgery.on),
            **{name: getattr(profile, name) for name in SCREENING_ANSWERS},
            equipment=walker.equipment.kind.value,
            protocol=plan.protocol,
            sessions_per_week=plan.sessions_per_week,
            start=plan.start,
            flags=[FlagPublic.of(flag) for flag in walker.flags],
        )


class OnboardedPublic(Public):
    walker: WalkerPublic
    cleared_to_start: bool
    first_session: PlannedPublic | None
    warnings: list[str]

    @classmethod
    def of(cls, done: Onboarded) -> OnboardedPublic:
        return cls(
            walker=WalkerPublic.of(done.walker),
            cleared_to_start=done.screening.cleared_to_start,
            first_session=planned(done.first_session),
            warnings=list(done.warnings),
        )


class EquipmentChange(Command):
    """New equipment for the walker: screened again, the pending session re-planned on it."""

    equipment: EquipmentIn


class EquipmentChangedPublic(Public):
    walker: WalkerPublic
    cleared_to_start: bool
    next_session: PlannedPublic | None
    notes: list[str]

    @classmethod
    def of(cls, done: EquipmentChanged) -> EquipmentChangedPublic:
        return cls(
            walker=WalkerPublic.of(done.walker),
            cleared_to_start=done.screening.cleared_to_start,
            next_session=planned(done.pending),
            notes=list(done.notes),
        )


def planned(session: PlannedSession | None) -> PlannedPublic | None:
    return PlannedPublic.of_any(session)
