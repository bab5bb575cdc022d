"""A change to the walker's knee or profile: the answers that changed are screened again with
the walker's equipment and the session still to walk is re-planned (services/rescreen.py).

The swelling has gone, a new operation, a new usual pain at rest, a new weight or sessions a
week: any of `retrowalk init`'s answers about the walker may change. A field left out keeps its
answer; `weight_kg` and `surgery` given as null are cleared. The answers are read by
onboarding's own rules (`WalkerIn`), so a change is refused exactly where onboarding would
refuse, naming the field, and nothing is stored.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from retrowalk.domain.errors import InputError
from retrowalk.domain.units import UnitSystem
from retrowalk.domain.walker import Condition, Severity, WalkerProfile
from retrowalk.services.clock import Clock
from retrowalk.services.commands import Command, read_command
from retrowalk.services.onboard import LOCAL_ACCOUNT
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import ProfileChange
from retrowalk.services.rescreen import ProfileChanged, Rescreen, rescreen
from retrowalk.services.scenario import (
    Age,
    Falls,
    Pain,
    SessionsPerWeek,
    SurgeryIn,
    WalkerIn,
    WeightKg,
    walker_profile,
)
from retrowalk.services.walker_plan import require_walker

__all__ = [
    "ProfileChangeIn",
    "ProfileChanged",
    "change_profile",
    "profile_change_command",
    "profile_history",
]


class ProfileChangeIn(Command):
    """The answers that change, each as onboarding reads it (`WalkerIn`); left out: unchanged."""

    age: Age | None = None
    weight_kg: WeightKg | None = None
    units: UnitSystem | None = None
    condition: Condition | None = None
    severity: Severity | None = None
    surgery: SurgeryIn | None = None
    cleared_by_clinician: bool | None = None
    rest_pain: Pain | None = None
    falls_last_year: Falls | None = None
    balance_concern: bool | None = None
    experienced: bool | None = None
    dizziness: bool | None = None
    swelling: bool | None = None
    locking: bool | None = None
    giving_way: bool | None = None
    sessions_per_week: SessionsPerWeek | None = None

    def answers(self) -> dict[str, Any]:
        """The walker's answers given (null kept: it clears weight or surgery)."""
        return self.model_dump(include=self.model_fields_set - {"sessions_per_week"})


def profile_change_command(data: dict[str, Any]) -> ProfileChangeIn:
    return read_command(ProfileChangeIn, data)


def change_profile(
    walker_id: int,
    command: ProfileChangeIn,
    uow: UnitOfWork,
    clock: Clock,
    account: str = LOCAL_ACCOUNT,
) -> ProfileChanged:
    """Change the walker's answers as `account`, screen again and re-plan (or stop the plan)."""
    with uow:
        walker = require_walker(uow, walker_id, lock=True)
        profile = changed_profile(walker.profile, command.answers(), clock)
        change = Rescreen(profile, command.sessions_per_week)
        return rescreen(uow, clock, walker, change, account)


def changed_profile(profile: WalkerProfile, answers: dict[str, Any], clock: Clock) -> WalkerProfile:
    """`profile` with `answers` laid over it, read by onboarding's rules as a whole (a knee
    replacement needs its operation's date), the clinician's limits kept. A new operation
    given without `cleared_by_clinician` is not cleared yet."""
    merged = read_command(WalkerIn, walker_answers(profile) | answers)
    operated = walker_profile(merged).surgery
    if operated != profile.surgery and "cleared_by_clinician" not in answers:
        # A clearance given for one operation does not cover the next.
        merged = merged.model_copy(update={"cleared_by_clinician": False})
    surgery = merged.surgery
    if surgery is not None and surgery.date > clock.today():
        raise InputError("surgery.date", surgery.date.isoformat(), "give a date not after today")
    return replace(walker_profile(merged), limits=profile.limits)


def walker_answers(profile: WalkerProfile) -> dict[str, Any]:
    """The answers onboarding would read to give `profile` (its limits left out)."""
    surgery = profile.surgery
    plain = {
        name: getattr(profile, name)
        for name in WalkerIn.model_fields
        if name not in ("surgery", "limits")
    }
    given = None if surgery is None else {"kind": surgery.kind, "date": surgery.on}
    return plain | {"surgery": given}


def profile_history(walker_id: int, uow: UnitOfWork) -> list[ProfileChange]:
    """Every change to the walker's knee and profile, and every clearance, oldest first."""
    with uow.reading():
        walker = require_walker(uow, walker_id)
        return uow.profile_changes.for_walker(walker.id)
