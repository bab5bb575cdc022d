"""The treadmill's mph-for-km/h verdict is kept with the walker's equipment the first time it is
found, and the database refuses a verdict that belongs to no treadmill (issue 6)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from retrowalk.services.records import MphVerdict
from retrowalk.services.treadmill_profile import remember_mph_verdict
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
    sql_backend_fixture,
)
from tests.store.builders import onboarded

QUIRKY = MphVerdict("F4:12:FA:00:11:22", mph_quirk=True)


def _stored(backend: Backend, walker_id: int) -> MphVerdict | None:
    with backend.uow() as uow:
        walker = uow.walkers.get(walker_id)
    assert walker is not None
    return walker.mph_verdict


def test_a_walker_starts_with_no_verdict_and_keeps_the_first_one_found(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker

    before = _stored(backend, walker.id)
    written = remember_mph_verdict(walker.id, QUIRKY, backend.uow())

    assert before is None and written
    assert _stored(backend, walker.id) == QUIRKY


def test_a_second_verdict_for_the_same_treadmill_changes_nothing(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    remember_mph_verdict(walker.id, QUIRKY, backend.uow())

    written = remember_mph_verdict(walker.id, MphVerdict(QUIRKY.device, False), backend.uow())

    assert not written and _stored(backend, walker.id) == QUIRKY


def test_a_verdict_for_another_treadmill_replaces_the_one_kept(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    remember_mph_verdict(walker.id, QUIRKY, backend.uow())
    other = MphVerdict("virtual", mph_quirk=False)

    written = remember_mph_verdict(walker.id, other, backend.uow())

    assert written and _stored(backend, walker.id) == other


def test_equipment_without_a_motor_keeps_no_verdict(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock, equipment={"kind": "deadmill", "handrails": True}).walker

    written = remember_mph_verdict(walker.id, QUIRKY, backend.uow())

    assert not written and _stored(backend, walker.id) is None


@pytest.mark.parametrize(
    "columns",
    ["ftms_device = 'virtual'", "mph_quirk = TRUE", "ftms_device = 'virtual', mph_quirk = TRUE"],
)
def test_the_database_refuses_half_a_verdict_or_one_on_equipment_without_a_motor(
    sql_backend: Backend, clock, columns: str
) -> None:
    onboarded(sql_backend, clock, equipment={"kind": "outdoor", "spotter": True})
    assert sql_backend.engine is not None

    with pytest.raises(IntegrityError), sql_backend.engine.begin() as connection:
        connection.execute(text(f"UPDATE equipment SET {columns}"))
