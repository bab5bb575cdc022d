"""A clinician clears their patient from the desk: the same clearance a walker records ("my
clinician has cleared me", services/clearance.py), made by the clinician who looked, audited.

It lifts the engine's stop or pause and the red flag of an operation not yet cleared, and the
session still to walk is planned again at once (one step lower after a stop, as the protocol
says). A clearance with nothing to lift (the plan walks, the walker is already cleared) writes
nothing: a second click of the same button changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import replace

from retrowalk.domain.engine_state import DecisionKind
from retrowalk.services.clinic_records import AuditAction
from retrowalk.services.clock import Clock
from retrowalk.services.desk_access import require_patient
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import Clearance, StoredPlannedSession, StoredWalker
from retrowalk.services.rescreen import ProfileChanged, Rescreen, rescreen


def held_for_clinician(walker: StoredWalker, pending: StoredPlannedSession | None) -> str | None:
    """What waits for a clinician, in words (None: nothing), from the session still to walk:
    no walk (a stop), or progress paused; or the screening answer "cleared by a clinician?" no."""
    decision = None if pending is None else pending.decision
    stopped = decision is not None and not decision.walk
    paused = decision is not None and decision.kind is DecisionKind.PAUSED
    if stopped:
        return "walking is stopped until a clinician has looked"
    if paused:
        return "progress is paused until a clinician has looked"
    if not walker.profile.cleared_by_clinician:
        return "not yet cleared by a clinician"
    return None


def clear_patient(
    walker_id: int, notes: str | None, uow: UnitOfWork, clock: Clock, account: str
) -> ProfileChanged | None:
    """Clear the patient as `account` today; None when nothing waited for a clearance."""
    with uow:
        clinician, walker = require_patient(uow, account, walker_id, lock=True)
        held = held_for_clinician(walker, uow.sessions.latest_planned(walker.id))
        if held is None:
            return None
        today, now = clock.today(), clock.now()
        said = json.dumps({"on": today.isoformat(), "lifted": held, "notes": notes})
        uow.clinic.add_audit(clinician.id, AuditAction.CLEARANCE, walker.id, (None, said), now)
        cleared = Rescreen(
            replace(walker.profile, cleared_by_clinician=True),
            clearance=Clearance(today, clinician.name, notes),
        )
        return rescreen(uow, clock, walker, cleared, account)
