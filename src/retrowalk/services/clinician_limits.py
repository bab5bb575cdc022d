"""A clinician sets a patient's limits (speed and incline ceilings, target minutes, hands-free
allowed), protocol and sessions a week; the session still to walk is re-planned at once.

Each limit only ever lowers what the protocol itself allows this walker (domain/walker.py,
`WalkerLimits`): a value above the protocol's own is refused, naming it, and nothing is stored.
A limit the equipment cannot honour (a speed ceiling below the treadmill's slowest speed) is
refused the same way. In one transaction: the limits are stored, the pending session is decided
again on the programme they give (`domain/profile_change.replanned`: never a higher dose), with
a first reason naming each limit the clinician changed, and the audit log keeps who changed
what, from and to. Sent twice, the second finds nothing to change and writes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from pydantic import Field

from retrowalk.domain.errors import InputError
from retrowalk.domain.population import resolve_population
from retrowalk.domain.profile_change import replanned
from retrowalk.domain.programme import Programme, screened_programme
from retrowalk.domain.progression import decide
from retrowalk.domain.units import Speed
from retrowalk.domain.walker import WalkerLimits
from retrowalk.protocols import load_modality, load_protocol, protocol_names
from retrowalk.services.clinic_records import AuditAction
from retrowalk.services.clinician_limit_words import limit_reasons, limits_facts
from retrowalk.services.clock import Clock
from retrowalk.services.commands import Command, read_command
from retrowalk.services.desk_access import require_patient
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import StoredPlannedSession, StoredWalker
from retrowalk.services.scenario import SessionsPerWeek
from retrowalk.services.walker_plan import next_date, red_flags

# The limit behind each screening flag a limit can raise (domain/equipment_screening.py).
_FIELD_OF_FLAG = {
    "limit_below_treadmill_minimum": "max_speed",
    "fixed_incline_too_steep": "max_incline_percent",
}


class LimitsChangeIn(Command):
    """The limits as they should be; a limit left empty is the protocol's own. The speed is in
    the walker's own units. `protocol` and `sessions_per_week` None: as they are."""

    max_speed: float | None = Field(default=None, gt=0, le=10)
    max_incline_percent: float | None = Field(default=None, ge=0, le=40)
    target_minutes: int | None = Field(default=None, ge=1, le=120)
    hands_free_allowed: bool = True
    sessions_per_week: SessionsPerWeek | None = None
    protocol: str | None = None


def limits_command(data: dict[str, Any]) -> LimitsChangeIn:
    return read_command(LimitsChangeIn, data)


@dataclass(frozen=True, slots=True)
class LimitsChanged:
    walker: StoredWalker
    pending: StoredPlannedSession | None
    notes: tuple[str, ...]


def set_limits(
    walker_id: int, command: LimitsChangeIn, uow: UnitOfWork, clock: Clock, account: str
) -> LimitsChanged:
    with uow:
        clinician, walker = require_patient(uow, account, walker_id, lock=True)
        limits = _limits(walker, command)
        plan = replace(
            walker.prescription,
            protocol=command.protocol or walker.prescription.protocol,
            sessions_per_week=command.sessions_per_week or walker.prescription.sessions_per_week,
        )
        p = _programme(walker, limits, plan.protocol, clock)
        if p is not None:
            _within_caps(p, limits, plan.sessions_per_week)
        before, after = (
            limits_facts(walker.profile.limits, walker.prescription),
            limits_facts(limits, plan),
        )
        pending = uow.sessions.latest_planned(walker.id)
        if before == after:
            return LimitsChanged(walker, pending, ("Nothing changed.",))
        stored = uow.walkers.set_limits(walker.id, limits, plan, clinician.id, clock.now())
        change = (json.dumps(before), json.dumps(after))
        uow.clinic.add_audit(clinician.id, AuditAction.LIMITS, walker.id, change, clock.now())
        notes: tuple[str, ...] = ()
        if p is not None and pending is not None and not red_flags(stored):
            moved = plan.sessions_per_week != walker.prescription.sessions_per_week
            pending = _replanned(uow, stored, p, pending, moved, clock)
            notes = limit_reasons(before, after, walker.profile.units, pending)
            reasons = (*notes, *pending.decision.reasons)
            pending = replace(pending, decision=replace(pending.decision, reasons=reasons))
            uow.sessions.update_planned(pending)
        uow.commit()
    return LimitsChanged(stored, pending, notes)


def _limits(walker: StoredWalker, command: LimitsChangeIn) -> WalkerLimits:
    unit = walker.profile.units.speed_unit
    speed = None if command.max_speed is None else Speed(command.max_speed, unit)
    return WalkerLimits(
        speed, command.max_incline_percent, command.target_minutes, command.hands_free_allowed
    )


def _programme(
    walker: StoredWalker, limits: WalkerLimits, protocol_name: str, clock: Clock
) -> Programme | None:
    """The programme the limits give; refused where screening would stop the plan for them."""
    if protocol_name not in protocol_names():
        raise InputError("protocol", protocol_name, f"give one of {', '.join(protocol_names())}")
    protocol = load_protocol(protocol_name)
    profile = replace(walker.profile, limits=limits)
    try:
        resolve_population(protocol, profile)
    except KeyError:
        raise InputError(
            "protocol",
            protocol_name,
            f"this protocol has no row for {profile.condition.describe()}; choose another",
        ) from None
    kit = walker.equipment
    screening, p = screened_programme(
        profile, kit, protocol, load_modality(kit.kind), clock.today()
    )
    new_reds = [f for f in screening.red if f not in walker.flags]
    if new_reds:
        field = _FIELD_OF_FLAG.get(new_reds[0].code, "limits")
        raise InputError(field, new_reds[0].code, new_reds[0].message)
    return p


def _within_caps(p: Programme, limits: WalkerLimits, per_week: int) -> None:
    """Each limit at most the protocol's own for this walker (a clinician's limit lowers)."""
    pop = p.population
    speed = limits.max_speed
    if (
        speed is not None
        and speed.metres_per_second > Speed.mph(pop.speed_ceiling_mph).metres_per_second + 1e-9
    ):
        own = Speed.mph(pop.speed_ceiling_mph).describe(speed.unit)
        raise InputError(
            "max_speed", speed.value, f"give at most {own}, the protocol's own ceiling"
        )
    incline = limits.max_incline_percent
    own_incline = max(pop.incline_ceiling_percent, p.incline_ceiling_percent)
    if incline is not None and incline > own_incline + 1e-9:
        raise InputError(
            "max_incline_percent", incline, f"give at most {own_incline:g} %, the protocol's own"
        )
    most = max(pop.extended_target_minutes or pop.target_minutes, p.extended_target_minutes or 0)
    minutes = limits.target_minutes
    if minutes is not None and minutes > most:
        raise InputError("target_minutes", minutes, f"give at most {most}, the protocol's own")
    low, high = pop.sessions_per_week_min, pop.sessions_per_week_max
    if not low <= per_week <= high:
        raise InputError(
            "sessions_per_week", per_week, f"give {low} to {high}, as the protocol plans"
        )


def _replanned(
    uow: UnitOfWork,
    walker: StoredWalker,
    p: Programme,
    pending: StoredPlannedSession,
    moved: bool,
    clock: Clock,
) -> StoredPlannedSession:
    carried = replanned(p, pending.state_before, None)
    on = pending.on
    if moved:
        last = uow.sessions.last_live_log(walker.id, pending.seq)
        on = max(next_date(walker, p, None if last is None else last.on), clock.today())
    decision = decide(p, carried.state, on)
    return replace(pending, on=on, state_before=carried.state, decision=decision)
