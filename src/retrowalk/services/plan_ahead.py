"""The coming weeks for a stored walker: from the session still to walk, each later session as
the engine would prescribe it if every walk went as prescribed, free of pain (`Assume.WELL`), or
with pain at the walker's usual level during, after and the next morning (`Assume.USUAL`).
Reads only.

The result is the plan preview's own shape (services/simulate.py), so the faces render a
stored walker's weeks ahead exactly like a scenario's plan.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from enum import StrEnum

from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.plan import PlannedSession, PlanPreview, session_energy, session_structure
from retrowalk.domain.programme import Programme
from retrowalk.domain.progression import Decision, EngineState, decide, record
from retrowalk.domain.screening import Screening
from retrowalk.services.clock import Clock
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import StoredWalker
from retrowalk.services.simulate import Simulation
from retrowalk.services.walker_plan import next_date, programme_of, red_flags, require_walker

MOST_WEEKS = 52


class Assume(StrEnum):
    """How each walk ahead is taken to go: every one as prescribed and free of pain, or as
    prescribed with the walker's usual pain (their `rest_pain`) during, after and next morning."""

    WELL = "well"
    USUAL = "usual"

    def outcome(self, walker: StoredWalker) -> SessionOutcome:
        if self is Assume.WELL:
            return SessionOutcome()
        pain = walker.profile.rest_pain
        return replace(SessionOutcome(), pain_during=pain, pain_after=pain, pain_next_morning=pain)


def plan_ahead(
    walker_id: int, weeks: int, uow: UnitOfWork, clock: Clock, assume: Assume = Assume.WELL
) -> Simulation:
    """`weeks` weeks from today (1 to MOST_WEEKS); no sessions when screening left no plan."""
    today = clock.today()
    with uow.reading():
        walker = require_walker(uow, walker_id)
        pending = uow.sessions.latest_planned(walker.id)
    empty = PlanPreview(
        walker.prescription.protocol,
        walker.equipment.kind,
        Screening(walker.flags, ()),
        (),
        (),
        walker.prescription.sessions_per_week,
    )
    if pending is None or red_flags(walker):
        return Simulation(empty, walker.profile.units)
    p = programme_of(walker)
    last = today + timedelta(weeks=min(weeks, MOST_WEEKS), days=-1)
    first = max(pending.on, today)
    decision = pending.decision if first == pending.on else decide(p, pending.state_before, first)
    pending_at = (pending.seq, first, decision, pending.state_before)
    sessions = _ahead(walker, p, pending_at, last, assume.outcome(walker))
    preview = PlanPreview(
        empty.protocol_name,
        empty.equipment_kind,
        empty.screening,
        sessions,
        p.warnings,
        empty.sessions_per_week,
    )
    return Simulation(preview, walker.profile.units)


def _ahead(
    walker: StoredWalker,
    p: Programme,
    pending: tuple[int, date, Decision, EngineState],
    last: date,
    outcome: SessionOutcome,
) -> tuple[PlannedSession, ...]:
    seq, on, decision, state = pending
    start = walker.prescription.start
    sessions = []
    while on <= last:
        sets, rest = session_structure(p, decision.dose) if decision.walk else ((), 0.0)
        energy = session_energy(p, decision.dose) if decision.walk else None
        week = (on - start).days // 7 + 1
        sessions.append(PlannedSession(seq, on, week, decision, False, sets, rest, energy))
        state = record(p, state, decision, outcome, on)
        seq, on = seq + 1, next_date(walker, p, on)
        decision = decide(p, state, on)
    return tuple(sessions)
