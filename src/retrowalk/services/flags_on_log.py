"""The clinician's flags, raised inside the transaction that logs a session (services/
log_session.py): the session just logged and the walker's last few weeks, read in two lean
queries, judged by domain/clinic_flags.py, and kept (never twice for one session and kind)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from retrowalk.domain.clinic_flags import (
    MISSED_WINDOW_DAYS,
    PlanFacts,
    SessionSeen,
    flags_after,
)
from retrowalk.domain.engine_state import Decision
from retrowalk.domain.programme import Programme
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import StoredWalker

# Weeks of sessions read besides the rising-pain weeks: the open week and one before it.
_EXTRA_WEEKS = 2


def raise_flags(
    uow: UnitOfWork,
    walker: StoredWalker,
    p: Programme,
    logged_on: date,
    next_decision: Decision,
    at: datetime,
) -> None:
    """Judge the session logged on `logged_on` (the walker's latest), which led to
    `next_decision`, and keep the flags it raises."""
    weeks = p.protocol.pain.rising_weeks + _EXTRA_WEEKS
    days = max(weeks * 7, MISSED_WINDOW_DAYS)
    recent = uow.sessions.history(walker.id, logged_on - timedelta(days=days), None)
    if not recent:
        return
    led_to = [later.prescribed for later in recent[1:]] + [next_decision]
    seen = [
        SessionSeen(s.log_id, s.on, s.entry.outcome, decision)
        for s, decision in zip(recent, led_to, strict=True)
    ]
    plan = walker.prescription
    facts = PlanFacts(plan.start, plan.sessions_per_week, p.protocol.schedule.rest_day_weeks)
    flags = flags_after(seen, p.protocol, facts, uow.clinic.last_raised(walker.id))
    uow.clinic.add_flags(walker.id, flags, at)
