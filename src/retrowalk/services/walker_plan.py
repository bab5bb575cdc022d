"""What every session use case needs about a stored walker: the walker itself, their programme,
the live schedule rule, the day's structure, and replaying the engine after a change.
(The live schedule rule itself is `next_session_date` in domain/schedule.py.)
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from retrowalk.domain.equipment import Equipment
from retrowalk.domain.equipment_change import carry_over
from retrowalk.domain.errors import InputError, NotFoundError
from retrowalk.domain.programme import Programme, build_programme
from retrowalk.domain.progression import decide, record
from retrowalk.domain.schedule import next_session_date
from retrowalk.domain.screening import Flag, FlagLevel, Screening
from retrowalk.protocols import load_modality, load_protocol
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import StoredPlannedSession, StoredWalker


def require_walker(uow: UnitOfWork, walker_id: int, lock: bool = False) -> StoredWalker:
    """The walker, or an InputError; `lock` before changing their sessions."""
    walker = uow.walkers.get(walker_id, lock)
    if walker is None:
        raise NotFoundError("walker_id", walker_id, "no walker has this id; give a walker's id")
    return walker


def red_flags(walker: StoredWalker) -> tuple[Flag, ...]:
    """The red flags of the walker's latest screening: while one stands, nobody walks."""
    return tuple(f for f in walker.flags if f.level is FlagLevel.RED)


def require_plan(uow: UnitOfWork, walker: StoredWalker) -> StoredPlannedSession:
    """The session still to walk; refused while a red flag stands (a change of profile may
    have stopped the plan: the pending session waits, kept, until screening clears)."""
    pending = uow.sessions.latest_planned(walker.id)
    flags = "; ".join(f.message for f in red_flags(walker))
    if pending is None:
        raise InputError("walker_id", walker.id, f"this walker has no plan yet: {flags}")
    if flags:
        raise InputError("walker_id", walker.id, f"no walking until this is resolved: {flags}")
    return pending


def programme_of(walker: StoredWalker, equipment: Equipment | None = None) -> Programme:
    """The programme, from the protocol assigned and the flags screening stored, on the
    equipment in use or on `equipment` (one the walker had before). While a red flag stands
    (a change of profile stopped the plan), the programme the walker had without it: for
    reading and replaying what was walked; nothing plans a walk from it (`require_plan`)."""
    kit = walker.equipment if equipment is None else equipment
    protocol = load_protocol(walker.prescription.protocol)
    screening = Screening(tuple(f for f in walker.flags if f.level is not FlagLevel.RED), ())
    return build_programme(walker.profile, kit, protocol, load_modality(kit.kind), screening)


def next_date(walker: StoredWalker, p: Programme, last_walked: date | None) -> date:
    """The walker's next session day under the live schedule rule (domain/schedule.py)."""
    plan = walker.prescription
    rest_weeks = p.protocol.schedule.rest_day_weeks
    return next_session_date(plan.start, plan.sessions_per_week, rest_weeks, last_walked)


def replay_from(uow: UnitOfWork, walker: StoredWalker, seq: int) -> StoredPlannedSession:
    """Fold the logs from planned session `seq` on again (after an edit, delete or undo) and
    decide the pending session afresh. Prescribed doses stay as they were given; only the
    engine states and the session still to walk change. Where the equipment changed between
    sessions, the state is carried over again as it was then. Returns the pending session."""
    programmes = {walker.equipment_id: programme_of(walker)}

    def programme_for(equipment_id: int) -> Programme:
        if equipment_id not in programmes:
            programmes[equipment_id] = programme_of(walker, uow.walkers.equipment(equipment_id))
        return programmes[equipment_id]

    sessions = uow.sessions.sessions_from(walker.id, seq)
    state, kit = sessions[0][0].state_before, sessions[0][0].equipment_id
    previous = uow.sessions.last_live_log(walker.id, seq)
    last_walked = None if previous is None else previous.on
    for planned, log in sessions:
        if planned.equipment_id != kit:
            state = carry_over(programme_for(kit), programme_for(planned.equipment_id), state).state
            kit = planned.equipment_id
        if planned is sessions[-1][0]:
            break
        p = programme_for(kit)
        if planned.state_before != state:
            uow.sessions.update_planned(replace(planned, state_before=state))
        if log is None or log.deleted:
            continue
        after = record(p, state, planned.decision, log.entry.outcome, log.on)
        if after != log.state_after:
            uow.sessions.update_log(log.id, log.entry, after)
        state, last_walked = after, log.on
    pending, p = sessions[-1][0], programme_for(kit)
    on = next_date(walker, p, last_walked)
    renewed = replace(pending, on=on, decision=decide(p, state, on), state_before=state)
    uow.sessions.update_planned(renewed)
    return renewed
