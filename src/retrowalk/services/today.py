"""Today's session, or the next one and its date. Reads only; logging stores the decision.

The pending session was decided for its planned date; once that date has come or gone the
engine decides again for today from the same stored state (a long gap brings a de-load).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from retrowalk.domain.energy import EnergyEstimate
from retrowalk.domain.plan import session_energy, session_structure
from retrowalk.domain.progression import Decision, decide
from retrowalk.domain.screening import Flag
from retrowalk.services.clock import Clock
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.walker_plan import programme_of, red_flags, require_walker


@dataclass(frozen=True, slots=True)
class SessionAhead:
    seq: int
    on: date
    is_today: bool
    decision: Decision
    sets: tuple[float, ...]
    rest_minutes: float
    energy: EnergyEstimate | None


@dataclass(frozen=True, slots=True)
class Today:
    walker_id: int
    session: SessionAhead | None
    red_flags: tuple[Flag, ...]


def today_session(walker_id: int, uow: UnitOfWork, clock: Clock) -> Today:
    today = clock.today()
    with uow.reading():
        walker = require_walker(uow, walker_id)
        pending = uow.sessions.latest_planned(walker.id)
    red = red_flags(walker)
    if pending is None or red:
        return Today(walker.id, None, red)
    p = programme_of(walker)
    on, decision = pending.on, pending.decision
    if on <= today:
        on, decision = today, decide(p, pending.state_before, today)
    sets, rest = session_structure(p, decision.dose) if decision.walk else ((), 0.0)
    energy = session_energy(p, decision.dose) if decision.walk else None
    ahead = SessionAhead(pending.seq, on, on == today, decision, sets, rest, energy)
    return Today(walker.id, ahead, red)
