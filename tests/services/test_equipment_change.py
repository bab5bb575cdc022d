"""A new treadmill (or another kind of equipment): screened again, the pending session moved to
it with the dose carried over, history left on the equipment it was walked on."""

from __future__ import annotations

from datetime import timedelta

import pytest

from retrowalk.domain.equipment import MotorizedTreadmill, Sled
from retrowalk.domain.errors import InputError
from retrowalk.domain.progression import DecisionKind
from retrowalk.domain.units import SpeedUnit
from retrowalk.services.equipment_change import change_equipment, equipment_change_command
from retrowalk.services.log_edit import edit_log
from retrowalk.services.today import today_session
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.store.builders import KMH_TREADMILL, onboarded, walk


def _change(backend: Backend, clock, walker_id: int, equipment: dict[str, object]):
    command = equipment_change_command({"equipment": equipment})
    return change_equipment(walker_id, command, backend.uow(), clock)


def test_a_new_km_h_treadmill_takes_the_pending_session_on_its_own_grid(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    walked = walk(backend, clock, walker.id, 12)
    before = walked[-1].next_session
    old_speed = before.decision.dose.speed
    assert old_speed is not None

    changed = _change(backend, clock, walker.id, KMH_TREADMILL)

    assert isinstance(changed.walker.equipment, MotorizedTreadmill)
    assert changed.walker.equipment.speed_unit is SpeedUnit.KMH
    assert changed.walker.equipment_id != walker.equipment_id
    assert changed.pending is not None
    assert changed.pending.seq == before.seq
    assert changed.pending.equipment_id == changed.walker.equipment_id
    new_speed = changed.pending.decision.dose.speed
    assert new_speed is not None and new_speed.unit is SpeedUnit.KMH
    assert new_speed.metres_per_second <= old_speed.metres_per_second + 1e-9
    assert changed.pending.decision.kind is not DecisionKind.PROGRESS
    assert changed.notes
    today = today_session(walker.id, backend.uow(), clock).session
    assert today is not None and today.decision.dose == changed.pending.decision.dose
    with backend.uow() as uow:
        first = uow.sessions.sessions_from(walker.id, 0)[0][0]
    assert first.equipment_id == walker.equipment_id  # what was walked stays where it was


def test_the_sessions_after_a_change_are_logged_on_the_new_equipment(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 4)
    changed = _change(backend, clock, walker.id, KMH_TREADMILL)

    logged = walk(backend, clock, walker.id, 3)

    assert all(entry.next_session.equipment_id == changed.walker.equipment_id for entry in logged)
    speed = logged[-1].next_session.decision.dose.speed
    assert speed is not None and speed.unit is SpeedUnit.KMH


def test_editing_a_session_walked_before_the_change_replays_across_it(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    walked = walk(backend, clock, walker.id, 8)
    changed = _change(backend, clock, walker.id, KMH_TREADMILL)
    walk(backend, clock, walker.id, 2)
    clock.current += timedelta(days=1)

    edit_log(walker.id, walked[0].log.id, {"pain_during": 8}, backend.uow(), clock)

    with backend.uow() as uow:
        pending = uow.sessions.latest_planned(walker.id)
    assert pending is not None
    assert pending.equipment_id == changed.walker.equipment_id
    speed = pending.decision.dose.speed
    assert speed is not None and speed.unit is SpeedUnit.KMH
    kmh = speed.in_unit(SpeedUnit.KMH)
    assert abs(round(kmh / 0.1) * 0.1 - kmh) < 1e-6  # on the new treadmill's steps


def test_a_sled_starts_its_own_programme(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 6)

    changed = _change(backend, clock, walker.id, {"kind": "sled"})

    assert isinstance(changed.walker.equipment, Sled)
    assert changed.pending is not None
    dose = changed.pending.decision.dose
    assert dose.load_kg is not None and dose.speed is None
    assert "begins again at the start dose" in changed.notes[0]


def test_equipment_screening_stops_is_refused_and_nothing_changes(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 2)
    before = backend.contents()

    with pytest.raises(InputError) as refused:
        _change(backend, clock, walker.id, KMH_TREADMILL | {"safety_clip": False})

    assert refused.value.field == "equipment.kind"
    assert "safety" in refused.value.allowed
    assert "unchanged" in refused.value.allowed
    assert backend.contents() == before


def test_bad_equipment_names_the_field_and_changes_nothing(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    before = backend.contents()

    with pytest.raises(InputError) as refused:
        _change(backend, clock, walker.id, KMH_TREADMILL | {"max_speed_kmh": -3})

    assert refused.value.field == "equipment.max_speed_kmh"
    assert backend.contents() == before


def test_a_walker_without_a_plan_gets_one_when_new_equipment_clears_them(
    backend: Backend, clock
) -> None:
    flagged = onboarded(backend, clock, equipment={"safety_clip": False})
    assert flagged.first_session is None

    changed = _change(backend, clock, flagged.walker.id, KMH_TREADMILL)

    assert changed.pending is not None
    assert changed.pending.decision.kind is DecisionKind.START
    assert changed.pending.equipment_id == changed.walker.equipment_id
    assert not changed.screening.red
    today = today_session(flagged.walker.id, backend.uow(), clock)
    assert today.session is not None and not today.red_flags
