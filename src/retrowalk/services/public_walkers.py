"""The public shapes of a walker and of what changed them, for the JSON API and the CLI's
`--json` alike (docs/json.md): the walker's profile, onboarding's outcome, an equipment or
profile change with the session re-planned, and the history of profile changes."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from retrowalk.domain.profile_change import FieldChange
from retrowalk.domain.walker import SCREENING_ANSWERS
from retrowalk.services.equipment_change import EquipmentChanged
from retrowalk.services.onboard import Onboarded
from retrowalk.services.public import FlagPublic, PlannedPublic, Public
from retrowalk.services.records import ProfileChange as ProfileChangeRecord
from retrowalk.services.records import StoredPlannedSession, StoredWalker
from retrowalk.services.rescreen import ProfileChanged


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


class FieldChangePublic(Public):
    field: str
    from_: str | int | float | bool | None = Field(alias="from", serialization_alias="from")
    to: str | int | float | bool | None

    @classmethod
    def of(cls, change: FieldChange) -> FieldChangePublic:
        return cls.model_validate(
            {"field": change.field, "from": change.before, "to": change.after}
        )


class ClearancePublic(Public):
    on: dt.date
    clinician: str | None
    notes: str | None


class ProfileChangePublic(Public):
    """One row of the history: who, when (UTC), what changed from → to, and what screening
    found."""

    id: int
    at: dt.datetime
    account: str
    kind: str
    changes: list[FieldChangePublic]
    flags: list[FlagPublic]
    cleared_to_walk: bool
    clearance: ClearancePublic | None

    @classmethod
    def of(cls, change: ProfileChangeRecord) -> ProfileChangePublic:
        cleared = change.clearance
        return cls(
            id=change.id,
            at=change.at.replace(tzinfo=dt.UTC),
            account=change.account,
            kind=change.kind.value,
            changes=[FieldChangePublic.of(c) for c in change.changes],
            flags=[FlagPublic.of(flag) for flag in change.flags],
            cleared_to_walk=change.cleared_to_walk,
            clearance=None
            if cleared is None
            else ClearancePublic(on=cleared.on, clinician=cleared.clinician, notes=cleared.notes),
        )


class ProfileChangedPublic(Public):
    """`next_session` is null while a red flag stops the plan (`flags` say why)."""

    walker: WalkerPublic
    cleared_to_walk: bool
    flags: list[FlagPublic]
    next_session: PlannedPublic | None
    notes: list[str]
    change: ProfileChangePublic | None

    @classmethod
    def of(cls, done: ProfileChanged) -> ProfileChangedPublic:
        return cls(
            walker=WalkerPublic.of(done.walker),
            cleared_to_walk=done.screening.cleared_to_start,
            flags=[FlagPublic.of(flag) for flag in done.screening.flags],
            next_session=planned(done.pending),
            notes=list(done.notes),
            change=None if done.change is None else ProfileChangePublic.of(done.change),
        )


def planned(session: StoredPlannedSession | None) -> PlannedPublic | None:
    return PlannedPublic.of_any(session)
