"""A change to the walker's knee or profile and a clinician's clearance (in), and what came of
it and the history of them (out)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from retrowalk.domain.profile_change import FieldChange
from retrowalk.services.clearance import ClearanceIn
from retrowalk.services.profile_change import ProfileChangeIn
from retrowalk.services.public import FlagPublic, PlannedPublic, Public
from retrowalk.services.records import ProfileChange as ProfileChangeRecord
from retrowalk.services.rescreen import ProfileChanged
from retrowalk.web.schemas.walkers import WalkerPublic, planned


class ProfileChange(ProfileChangeIn):
    """The answers that change, as onboarding's `walker` gives them, and sessions a week.
    A field left out keeps its answer; `weight_kg` and `surgery` given as null are cleared."""


class ClearanceCreate(ClearanceIn):
    """A clinician has cleared the walker: the day (default today), who, and their notes."""


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
