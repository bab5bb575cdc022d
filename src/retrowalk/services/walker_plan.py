"""What every session use case needs about a stored walker: the walker itself, their programme,
the live schedule rule, the day's structure, and replaying the engine after a change.

The live schedule rule: sessions fall on the weekly slots the plan preview uses (from the
prescription's start, `week_offsets(sessions_per_week)` each week, at most three a week during
the protocol's rest-day weeks). The next session is the first slot on or after the day after the
last logged session, or two days after it while rest days are kept.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from retrowalk.domain.dose import Dose
from retrowalk.domain.errors import InputError
from retrowalk.domain.programme import Programme, build_programme
from retrowalk.domain.progression import decide, record
from retrowalk.domain.protocol import SledRules
from retrowalk.domain.schedule import MOST_SESSIONS_WITH_REST_DAYS, week_offsets
from retrowalk.domain.screening import FlagLevel, Screening
from retrowalk.domain.structure import equal_sets, split_into_sets
from retrowalk.protocols import load_modality, load_protocol
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import PlannedSession, Prescription, StoredWalker


def require_walker(uow: UnitOfWork, walker_id: int, lock: bool = False) -> StoredWalker:
    """The walker, or an InputError; `lock` before changing their sessions."""
    walker = uow.walkers.get(walker_id, lock)
    if walker is None:
        raise InputError("walker_id", walker_id, "no walker has this id; give a walker's id")
    return walker


def require_plan(uow: UnitOfWork, walker: StoredWalker) -> PlannedSession:
    pending = uow.sessions.latest_planned(walker.id)
    if pending is None:
        flags = "; ".join(f.message for f in walker.flags if f.level is FlagLevel.RED)
        raise InputError("walker_id", walker.id, f"this walker has no plan yet: {flags}")
    return pending


def programme_of(walker: StoredWalker) -> Programme:
    """The programme, from the protocol assigned and the flags screening stored."""
    protocol = load_protocol(walker.prescription.protocol)
    modality = load_modality(walker.equipment.kind)
    screening = Screening(walker.flags, ())
    return build_programme(walker.profile, walker.equipment, protocol, modality, screening)


def next_session_date(
    prescription: Prescription, rest_day_weeks: int, last_walked: date | None
) -> date:
    start = prescription.start
    if last_walked is None:
        return start
    resting = (last_walked - start).days // 7 < rest_day_weeks
    earliest = max(start, last_walked + timedelta(days=2 if resting else 1))
    return planned_days(prescription, rest_day_weeks, earliest, earliest + timedelta(weeks=2))[0]


def planned_days(
    prescription: Prescription, rest_day_weeks: int, first: date, last: date
) -> list[date]:
    """The schedule's session days from `first` to `last`, both included: `week_offsets` in
    each week from the start, at most three a week while rest days are kept."""
    start, per_week = prescription.start, prescription.sessions_per_week
    days: list[date] = []
    for week in range(max(0, (first - start).days // 7), (last - start).days // 7 + 1):
        count = min(per_week, MOST_SESSIONS_WITH_REST_DAYS) if week < rest_day_weeks else per_week
        monday = start + timedelta(weeks=week)
        days += [monday + timedelta(days=offset) for offset in week_offsets(count)]
    return [day for day in days if first <= day <= last]


def session_sets(p: Programme, dose: Dose) -> tuple[tuple[float, ...], float]:
    """The day's sets and the rest between them, as the plan preview splits them."""
    if isinstance(p.modality, SledRules):
        each = (dose.distance_m or 0) / p.modality.pace_m_per_min
        return equal_sets(dose.set_count or 0, each), p.modality.rest_minutes
    return split_into_sets(dose.minutes, p.max_set_minutes), p.protocol.sets.rest_minutes


def replay_from(uow: UnitOfWork, walker: StoredWalker, seq: int) -> PlannedSession:
    """Fold the logs from planned session `seq` on again (after an edit, delete or undo) and
    decide the pending session afresh. Prescribed doses stay as they were given; only the
    engine states and the session still to walk change. Returns the pending session."""
    p = programme_of(walker)
    sessions = uow.sessions.sessions_from(walker.id, seq)
    state = sessions[0][0].state_before
    previous = uow.sessions.last_live_log(walker.id, seq)
    last_walked = None if previous is None else previous.on
    for planned, log in sessions[:-1]:
        if planned.state_before != state:
            uow.sessions.update_planned(replace(planned, state_before=state))
        if log is None or log.deleted:
            continue
        after = record(p, state, planned.decision, log.entry.outcome, log.on)
        if after != log.state_after:
            uow.sessions.update_log(log.id, log.entry, after)
        state, last_walked = after, log.on
    pending = sessions[-1][0]
    on = next_session_date(walker.prescription, p.protocol.schedule.rest_day_weeks, last_walked)
    renewed = replace(pending, on=on, decision=decide(p, state, on), state_before=state)
    uow.sessions.update_planned(renewed)
    return renewed
