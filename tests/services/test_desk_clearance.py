"""A clinician clears their patient from the desk (PROTOCOL.md §11: "no walking until a
clinician has looked"): the stop is lifted and the next session planned, the clearance kept in
the record and the audit log; a second click changes nothing; another clinician cannot."""

from __future__ import annotations

import pytest

from retrowalk.domain.errors import NotFoundError
from retrowalk.services.clinic_records import AuditAction
from retrowalk.services.clock import FixedClock
from retrowalk.services.desk_clearance import clear_patient
from retrowalk.services.desk_records import patient_page
from retrowalk.services.log_session import log_command, log_session
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.services.desk_builders import clinician, patient


def _stopped(backend: Backend, clock: FixedClock) -> int:
    """A patient of dr-lee whose first walk, at the start dose, ended in sharp pain: the plan
    cannot step below the start, so it stops until a clinician has looked."""
    walker = patient(backend, clock, clinician(backend))
    log_session(log_command(walker_id=walker, sharp_pain=True), backend.uow(), clock)
    return walker


def _pending_walks(backend: Backend, walker: int) -> bool:
    with backend.uow().reading() as uow:
        pending = uow.sessions.latest_planned(walker)
    return pending is not None and pending.decision.walk


def test_a_stopped_patient_is_cleared_and_the_next_session_walks(
    backend: Backend, clock: FixedClock
) -> None:
    walker = _stopped(backend, clock)
    page = patient_page(walker, backend.uow(), clock, "dr-lee")
    assert page.held == "walking is stopped until a clinician has looked"
    assert not _pending_walks(backend, walker)

    clear_patient(walker, "Knee calm.", backend.uow(), clock, "dr-lee")

    assert _pending_walks(backend, walker)
    after = patient_page(walker, backend.uow(), clock, "dr-lee")
    assert after.held is None
    cleared = [a for a in after.audit if a.action is AuditAction.CLEARANCE]
    assert len(cleared) == 1 and "Knee calm." in (cleared[0].after or "")
    with backend.uow().reading() as uow:
        changes = uow.profile_changes.for_walker(walker)
    assert changes[-1].clearance is not None and changes[-1].clearance.clinician == "dr-lee"


def test_a_second_clearance_finds_nothing_to_lift_and_writes_nothing(
    backend: Backend, clock: FixedClock
) -> None:
    walker = _stopped(backend, clock)
    clear_patient(walker, None, backend.uow(), clock, "dr-lee")
    before = backend.contents()

    again = clear_patient(walker, None, backend.uow(), clock, "dr-lee")

    assert again is None
    assert backend.contents() == before


def test_another_clinician_cannot_clear_and_nothing_changes(
    backend: Backend, clock: FixedClock
) -> None:
    walker = _stopped(backend, clock)
    clinician(backend, "dr-other")
    before = backend.contents()

    with pytest.raises(NotFoundError):
        clear_patient(walker, None, backend.uow(), clock, "dr-other")

    assert backend.contents() == before
    assert not _pending_walks(backend, walker)
