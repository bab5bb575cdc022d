"""What goes into the store comes back equal: engine states, walkers and every kind of equipment."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from retrowalk.domain.equipment import Equipment
from retrowalk.domain.errors import StorageError
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.plan import PlanRequest
from retrowalk.domain.programme import screened_programme
from retrowalk.domain.progression import decide, initial_state, record
from retrowalk.domain.units import Speed, SpeedUnit, UnitSystem
from retrowalk.domain.walker import Condition, Surgery, SurgeryKind, WalkerLimits, WalkerProfile
from retrowalk.services.records import Prescription, Role
from retrowalk.store.state_codec import decode_state, encode_state
from tests.db import Backend
from tests.factories import treadmill, walker
from tests.strategies import equipment, outcomes, plan_requests, walkers

AT = datetime(2027, 1, 4, 9)


@given(plan_requests(), st.lists(outcomes(), min_size=1, max_size=40))
def test_every_engine_state_survives_its_json_snapshot(
    request: PlanRequest, script: list[SessionOutcome]
) -> None:
    _, p = screened_programme(
        request.walker, request.equipment, request.protocol, request.modality, request.start
    )
    assume(p is not None)
    assert p is not None
    state, on = initial_state(p), request.start

    for day, outcome in enumerate(script):
        on = date.fromordinal(request.start.toordinal() + 2 * day)
        decision = decide(p, state, on)
        state = record(p, state, decision, outcome, on)

        assert decode_state(encode_state(state)) == state


def test_a_snapshot_of_an_unknown_version_is_refused() -> None:
    with pytest.raises(StorageError) as refused:
        decode_state('{"v": 99}')

    assert "version 99" in str(refused.value)


def _store(backend: Backend, profile: WalkerProfile, kit: Equipment):
    prescription = Prescription("default", 3, date(2027, 1, 4))
    with backend.uow() as uow:
        account = uow.accounts.add(uuid.uuid4().hex, Role.WALKER, AT)
        stored = uow.walkers.add(account.id, profile, (date(2027, 1, 4), ()), kit, prescription, AT)
        uow.commit()
    with backend.uow() as uow:
        return stored, uow.walkers.get(stored.id)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(walkers(), equipment())
def test_every_walker_and_piece_of_equipment_comes_back_equal(
    sql_backend: Backend, profile: WalkerProfile, kit: Equipment
) -> None:
    stored, again = _store(sql_backend, profile, kit)

    assert again == stored
    assert again is not None and again.profile == profile and again.equipment == kit


def test_surgery_and_a_clinicians_limits_come_back_equal(sql_backend: Backend) -> None:
    profile = walker(
        condition=Condition.POST_TKR,
        units=UnitSystem.METRIC,
        weight_kg=None,
        surgery=Surgery(SurgeryKind.TKR, date(2026, 3, 1)),
        limits=WalkerLimits(Speed.kmh(2.5), 4.0, 12),
    )

    _, again = _store(sql_backend, profile, treadmill(unit=SpeedUnit.KMH, speeds=(0.8, 16, 0.1)))

    assert again is not None and again.profile == profile
