"""Onboarding: a walker's profile and equipment are screened and stored, and, unless a red flag
stands, the first session is planned. A red flag keeps the profile and its flags, but no plan."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from pydantic import Field

from retrowalk.domain.errors import InputError
from retrowalk.domain.population import resolve_population
from retrowalk.domain.programme import screened_programme
from retrowalk.domain.progression import decide, initial_state
from retrowalk.domain.screening import Screening
from retrowalk.protocols import load_modality, protocol_for_walker
from retrowalk.services.calendar_date import CalendarDate
from retrowalk.services.clock import Clock
from retrowalk.services.commands import Command, read_command
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import LOCAL_ACCOUNT as LOCAL_ACCOUNT
from retrowalk.services.records import (
    Account,
    Prescription,
    Role,
    StoredPlannedSession,
    StoredWalker,
)
from retrowalk.services.scenario import (
    EquipmentIn,
    SessionsPerWeek,
    WalkerIn,
    equipment_of,
    walker_profile,
)


class OnboardIn(Command):
    walker: WalkerIn
    equipment: EquipmentIn
    start: CalendarDate | None = None
    sessions_per_week: SessionsPerWeek | None = None
    account: str = Field(default=LOCAL_ACCOUNT, min_length=1, max_length=80)


@dataclass(frozen=True, slots=True)
class Onboarded:
    walker: StoredWalker
    screening: Screening
    first_session: StoredPlannedSession | None
    warnings: tuple[str, ...]


def onboard_command(data: dict[str, Any]) -> OnboardIn:
    """Onboarding input from plain data (parsed JSON, a form)."""
    return read_command(OnboardIn, data)


def onboard(command: OnboardIn, uow: UnitOfWork, clock: Clock) -> Onboarded:
    profile, equipment = walker_profile(command.walker), equipment_of(command.equipment)
    start = command.start or clock.today()
    if profile.surgery is not None and profile.surgery.on > clock.today():
        raise InputError(
            "walker.surgery.date", profile.surgery.on.isoformat(), "give a date not after today"
        )
    protocol, modality = protocol_for_walker(profile, start), load_modality(equipment.kind)
    population = resolve_population(protocol, profile)
    screening, p = screened_programme(profile, equipment, protocol, modality, start)
    per_week = command.sessions_per_week or population.sessions_per_week_max
    with uow:
        account = _walker_account(uow, command.account, clock)
        walker = uow.walkers.add(
            account.id,
            profile,
            (start, screening.flags),
            equipment,
            Prescription(protocol.name, per_week, start),
            clock.now(),
        )
        walker = _with_inviting_clinician(uow, account, walker)
        first, warnings = None, screening.warnings
        if p is not None:
            state = initial_state(p)
            decision = decide(p, state, start)
            first = uow.sessions.add_planned(
                walker.id, 0, start, walker.equipment_id, decision, state
            )
            warnings = (*warnings, *p.warnings)
        uow.commit()
    return Onboarded(walker, screening, first, warnings)


def _with_inviting_clinician(
    uow: UnitOfWork, account: Account, walker: StoredWalker
) -> StoredWalker:
    """A walker whose account a clinician invited (clinic mode) is that clinician's patient."""
    inviter = None if account.invited_by is None else uow.accounts.get(account.invited_by)
    if inviter is None or inviter.role is not Role.CLINICIAN:
        return walker
    uow.walkers.assign_clinician(walker.id, inviter.id)
    return replace(walker, clinician_id=inviter.id)


def _walker_account(uow: UnitOfWork, name: str, clock: Clock) -> Account:
    account = uow.accounts.by_name(name) or uow.accounts.add(name, Role.WALKER, clock.now())
    if account.role is not Role.WALKER:
        raise InputError("account", name, f"this is a {account.role} account; give a walker's")
    if uow.walkers.for_account(account.id) is not None:
        raise InputError("account", name, "already has a walker profile; give another account")
    return account
