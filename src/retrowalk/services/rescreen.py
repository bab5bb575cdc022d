"""Screening again after the walker's answers change, and re-planning the session still to walk:
the one core of a change of profile (services/profile_change.py) and a clinician's clearance
(services/clearance.py), as the equipment change is for new equipment.

In one transaction: the new answers are screened with the walker's equipment and stored with
their flags (a new condition or operation chooses the protocol again); the change is kept in
the profile history (who, when, each answer from → to, the flags); and then
- a red flag stops the plan: the pending session waits, kept with its engine state, and
  nothing plans a walk from it until screening clears (`walker_plan.require_plan`);
- no red flag: the pending session is decided again under the programme the answers give now
  (`domain/profile_change.replanned`: never a higher dose), or a walker who never had a plan
  gets their first session.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from retrowalk.domain.errors import InputError
from retrowalk.domain.population import resolve_population
from retrowalk.domain.profile_change import (
    PROFILE_FIELDS,
    FieldChange,
    Scalar,
    changes_between,
    knee_changed,
    profile_facts,
    replanned,
    stop_state,
)
from retrowalk.domain.programme import Programme, screened_programme
from retrowalk.domain.progression import clear_by_clinician, decide, initial_state
from retrowalk.domain.protocol import Protocol
from retrowalk.domain.screening import Screening
from retrowalk.domain.walker import WalkerProfile
from retrowalk.protocols import load_modality, load_protocol, protocol_for_walker
from retrowalk.services.clock import Clock
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import (
    Clearance,
    Prescription,
    ProfileChange,
    ProfileChangeKind,
    StoredPlannedSession,
    StoredWalker,
)
from retrowalk.services.walker_plan import next_date

# The fields a row of the profile history may name: the walker's answers, the prescription's
# protocol and sessions a week, and the engine's stop or pause a clearance lifted.
PLAN_FIELDS = ("sessions_per_week", "protocol")
PROGRESSION = "progression"
HISTORY_FIELDS = (*PROFILE_FIELDS, *PLAN_FIELDS, PROGRESSION)


@dataclass(frozen=True, slots=True)
class Rescreen:
    """What changes: the walker's answers, sessions a week (None: as they were), and for a
    clearance its record (which also lifts a stop or pause in the engine)."""

    profile: WalkerProfile
    sessions_per_week: int | None = None
    clearance: Clearance | None = None


@dataclass(frozen=True, slots=True)
class ProfileChanged:
    """`pending` is the session to walk next, or None while a red flag stops the plan (then
    `screening.red` says why). `change` is the history row kept (None: nothing had changed)."""

    walker: StoredWalker
    screening: Screening
    pending: StoredPlannedSession | None
    notes: tuple[str, ...]
    change: ProfileChange | None


def rescreen(
    uow: UnitOfWork, clock: Clock, walker: StoredWalker, change: Rescreen, account: str
) -> ProfileChanged:
    """Inside `uow` (opened, the walker locked): screen, store, keep and re-plan; commits."""
    today = clock.today()
    protocol = _protocol(walker, change.profile, today)
    kit = walker.equipment
    screening, p = screened_programme(change.profile, kit, protocol, load_modality(kit.kind), today)
    plan, plan_notes = _prescription(walker, protocol, change.profile, change.sessions_per_week)
    pending = uow.sessions.latest_planned(walker.id)
    lifted = stop_state(pending.state_before) if pending and change.clearance else None
    changes = _changes(walker, change.profile, plan, lifted)
    if not changes and change.clearance is None:
        still = pending if screening.cleared_to_start else None
        return ProfileChanged(walker, screening, still, ("Nothing changed.",), None)
    stored, record = _kept(uow, clock, walker, change, (screening, plan, changes), account)
    if pending is not None and change.clearance is not None:
        pending = replace(pending, state_before=clear_by_clinician(pending.state_before))
        uow.sessions.update_planned(pending)
    notes = (*plan_notes, *screening.warnings)
    if p is None:
        uow.commit()
        return ProfileChanged(stored, screening, None, notes, record)
    afresh = _afresh(walker, change.profile, screening)
    moved = plan.sessions_per_week != walker.prescription.sessions_per_week
    planned, replan_notes = _replanned(uow, stored, p, pending, (afresh, moved), today)
    uow.commit()
    return ProfileChanged(stored, screening, planned, (*replan_notes, *notes, *p.warnings), record)


def _kept(
    uow: UnitOfWork,
    clock: Clock,
    walker: StoredWalker,
    change: Rescreen,
    outcome: tuple[Screening, Prescription, tuple[FieldChange, ...]],
    account: str,
) -> tuple[StoredWalker, ProfileChange]:
    """The new answers, flags and prescription stored, and the history row that says so."""
    screening, plan, changes = outcome
    who = uow.accounts.by_name(account)
    if who is None:
        raise InputError("account", account, "no such account; give the account making the change")
    screened = (clock.today(), screening.flags)
    stored = uow.walkers.change_profile(walker.id, change.profile, screened, plan, clock.now())
    kind = ProfileChangeKind.PROFILE if change.clearance is None else ProfileChangeKind.CLEARANCE
    record = uow.profile_changes.add(
        walker.id, who.id, clock.now(), kind, changes, screening.flags, change.clearance
    )
    return stored, record


def _protocol(walker: StoredWalker, profile: WalkerProfile, today: date) -> Protocol:
    """The protocol is chosen once, at the plan's start (docs/decisions.md); only a new
    condition or operation chooses it again, for the knee the walker has now."""
    if knee_changed(walker.profile, profile):
        return protocol_for_walker(profile, today)
    return load_protocol(walker.prescription.protocol)


def _prescription(
    walker: StoredWalker, protocol: Protocol, profile: WalkerProfile, per_week: int | None
) -> tuple[Prescription, tuple[str, ...]]:
    plan = walker.prescription
    notes: list[str] = []
    if protocol.name != plan.protocol:
        notes.append(f"Your plan now follows the {protocol.name.replace('_', '-')} protocol.")
        most = resolve_population(protocol, profile).sessions_per_week_max
        if per_week is None and plan.sessions_per_week > most:
            per_week = most
            notes.append(f"Sessions a week lowered to {most}, the most this protocol plans.")
    chosen = plan.sessions_per_week if per_week is None else per_week
    return replace(plan, protocol=protocol.name, sessions_per_week=chosen), tuple(notes)


def _changes(
    walker: StoredWalker, profile: WalkerProfile, plan: Prescription, lifted: str | None
) -> tuple[FieldChange, ...]:
    before = profile_facts(walker.profile) | _plan_facts(walker.prescription)
    changes = changes_between(before, profile_facts(profile) | _plan_facts(plan))
    if lifted is not None:
        changes = (*changes, FieldChange(PROGRESSION, lifted, "cleared"))
    return changes


def _plan_facts(plan: Prescription) -> dict[str, Scalar]:
    return {name: getattr(plan, name) for name in PLAN_FIELDS}


def _afresh(walker: StoredWalker, new: WalkerProfile, screening: Screening) -> str | None:
    """Why the programme begins again at its start dose, if it does: a new operation (the
    knee is another one), or screening now asking for a cautious start it did not before."""
    if new.surgery is not None and new.surgery != walker.profile.surgery:
        return (
            f"After {new.surgery.kind.describe()} on {new.surgery.on.isoformat()}, the plan "
            "begins again at its start dose."
        )
    if screening.cautious_start and not Screening(walker.flags, ()).cautious_start:
        return (
            "What screening found now asks for a cautious start: back to the start dose, "
            "and one more comfortable session before each step up."
        )
    return None


def _replanned(
    uow: UnitOfWork,
    walker: StoredWalker,
    p: Programme,
    pending: StoredPlannedSession | None,
    how: tuple[str | None, bool],
    today: date,
) -> tuple[StoredPlannedSession, tuple[str, ...]]:
    """The pending session decided again (`how`: why it begins afresh, if it does, and whether
    sessions a week changed, which moves it to the new schedule's next day)."""
    if pending is None:  # stopped at set-up: the first session, now screening clears
        state, on = initial_state(p), max(today, walker.prescription.start)
        decision = decide(p, state, on)
        first = uow.sessions.add_planned(walker.id, 0, on, walker.equipment_id, decision, state)
        return first, ()
    afresh, moved = how
    carried = replanned(p, pending.state_before, afresh)
    on = pending.on
    if moved:
        last = uow.sessions.last_live_log(walker.id, pending.seq)
        on = max(next_date(walker, p, None if last is None else last.on), today)
    decided = decide(p, carried.state, on)
    renewed = replace(pending, on=on, state_before=carried.state, decision=decided)
    uow.sessions.update_planned(renewed)
    return renewed, carried.notes
