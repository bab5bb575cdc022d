"""Builders for the clinician's desk tests: a clinician account and their patients."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from retrowalk.domain.dose import Dose
from retrowalk.domain.progression import decide
from retrowalk.services.clock import FixedClock
from retrowalk.services.records import Role, StoredPlannedSession
from retrowalk.services.walker_plan import programme_of
from tests.db import START, Backend
from tests.store.builders import onboarded


def clinician(backend: Backend, name: str = "dr-lee") -> int:
    with backend.uow() as uow:
        account = uow.accounts.add(name, Role.CLINICIAN, START)
        uow.commit()
    return account.id


def patient(
    backend: Backend, clock: FixedClock, clinician_id: int, account: str = "ann", **changes: Any
) -> int:
    walker = onboarded(backend, clock, account=account, **changes).walker
    with backend.uow() as uow:
        uow.walkers.assign_clinician(walker.id, clinician_id)
        uow.commit()
    return walker.id


def pending(backend: Backend, walker_id: int) -> StoredPlannedSession:
    with backend.uow().reading() as uow:
        found = uow.sessions.latest_planned(walker_id)
    assert found is not None
    return found


def put_pending_at(backend: Backend, walker_id: int, dose: Dose) -> None:
    """Arrange: the walker's pending session decided from a state at `dose`, as if reached."""
    with backend.uow() as uow:
        walker = uow.walkers.get(walker_id)
        assert walker is not None
        planned = uow.sessions.latest_planned(walker_id)
        assert planned is not None
        last = planned.on - timedelta(days=2)
        state = replace(planned.state_before, dose=dose, walked=10, last_walked_on=last)
        decision = decide(programme_of(walker), state, planned.on)
        uow.sessions.update_planned(replace(planned, state_before=state, decision=decision))
        uow.commit()
