"""A clinician's limits, protocol and sessions a week: the pending session is re-planned at once
with a reason naming the limit, the change is audited, values above the protocol's own are
refused with nothing stored, and only the walker's own clinician may set them."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.errors import InputError, NotFoundError
from retrowalk.domain.units import Speed
from retrowalk.services.clinic_records import AuditAction
from retrowalk.services.clinician_limits import LimitsChanged, limits_command, set_limits
from retrowalk.services.clock import FixedClock
from retrowalk.services.log_session import log_command, log_session
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.services.desk_builders import clinician, patient, pending, put_pending_at

ATHLETE: dict[str, Any] = {"walker": {"condition": "athlete", "age": 30}}


def _set(backend: Backend, clock: FixedClock, walker_id: int, **given: Any) -> LimitsChanged:
    command = limits_command(given)
    return set_limits(walker_id, command, backend.uow(), clock, account="dr-lee")


def test_a_speed_ceiling_lowers_the_pending_speed_with_a_reason_naming_it(
    backend: Backend, clock: FixedClock
) -> None:
    walker = patient(backend, clock, clinician(backend), **ATHLETE)  # starts at 1.0 mph

    changed = _set(backend, clock, walker, max_speed=0.8)

    planned = pending(backend, walker)
    assert planned.decision.dose.speed == Speed.mph(0.8)
    assert planned.decision.reasons[0].startswith("Your clinician set a speed ceiling of 0.8 mph")
    assert changed.notes == planned.decision.reasons[:1]


def test_an_incline_ceiling_lowers_the_pending_incline(backend: Backend, clock: FixedClock) -> None:
    walker = patient(backend, clock, clinician(backend))
    put_pending_at(backend, walker, Dose(10, HandSupport.BOTH, Speed.mph(1.0), 4.0))

    _set(backend, clock, walker, max_incline_percent=2)

    planned = pending(backend, walker)
    assert planned.decision.dose.incline_percent == 2.0
    assert "incline ceiling of 2 %" in planned.decision.reasons[0]


def test_target_minutes_lower_the_pending_minutes(backend: Backend, clock: FixedClock) -> None:
    walker = patient(backend, clock, clinician(backend), **ATHLETE)  # starts at 5 minutes

    _set(backend, clock, walker, target_minutes=4)

    planned = pending(backend, walker)
    assert planned.decision.dose.minutes == 4
    assert "target of 4 minutes" in planned.decision.reasons[0]


def test_hands_free_not_allowed_puts_a_hand_back_on_the_rail(
    backend: Backend, clock: FixedClock
) -> None:
    walker = patient(backend, clock, clinician(backend))
    put_pending_at(backend, walker, Dose(10, HandSupport.NONE, Speed.mph(1.0)))

    _set(backend, clock, walker, hands_free_allowed=False)

    planned = pending(backend, walker)
    assert planned.decision.dose.hands is HandSupport.ONE
    assert "keep at least one hand on a rail" in planned.decision.reasons[0]


def test_two_sessions_a_week_move_the_next_session_to_thursday(
    backend: Backend, clock: FixedClock
) -> None:
    walker = patient(backend, clock, clinician(backend), walker={"condition": "balance"})
    log_session(log_command(walker_id=walker), backend.uow(), clock)  # Monday 4 January
    assert pending(backend, walker).on == date(2027, 1, 6)  # three a week: Wednesday

    _set(backend, clock, walker, sessions_per_week=2)

    planned = pending(backend, walker)
    assert planned.on == date(2027, 1, 7)
    assert "2 sessions a week" in planned.decision.reasons[0]


def test_the_change_is_audited_with_before_and_after(backend: Backend, clock: FixedClock) -> None:
    walker = patient(backend, clock, clinician(backend), **ATHLETE)

    _set(backend, clock, walker, max_speed=0.8)

    with backend.uow().reading() as uow:
        entries = uow.clinic.audit(walker)
    assert [(e.account, e.action) for e in entries] == [("dr-lee", AuditAction.LIMITS)]
    assert json.loads(entries[0].before or "")["max_speed"] is None
    assert json.loads(entries[0].after or "")["max_speed"] == 0.8


def test_the_same_limits_sent_twice_write_once(backend: Backend, clock: FixedClock) -> None:
    walker = patient(backend, clock, clinician(backend), **ATHLETE)
    _set(backend, clock, walker, max_speed=0.8)
    before = backend.contents()

    again = _set(backend, clock, walker, max_speed=0.8)

    assert again.notes == ("Nothing changed.",)
    assert backend.contents() == before


@pytest.mark.parametrize(
    ("field", "value", "allowed"),
    [
        ("max_speed", 2.5, "at most 2 mph"),
        ("max_incline_percent", 12, "at most 10 %"),
        ("target_minutes", 25, "at most 20"),
        ("sessions_per_week", 2, "give 3 to 3"),
    ],
)
def test_a_limit_above_the_protocols_own_is_refused_and_nothing_stored(
    backend: Backend, clock: FixedClock, field: str, value: float, allowed: str
) -> None:
    walker = patient(backend, clock, clinician(backend))  # knee OA: 2.0 mph, 10 %, 20 min, 3/wk
    before = backend.contents()

    with pytest.raises(InputError) as refused:
        _set(backend, clock, walker, **{field: value})

    assert refused.value.field == field and allowed in str(refused.value)
    assert backend.contents() == before


def test_a_speed_ceiling_below_the_treadmills_slowest_is_refused(
    backend: Backend, clock: FixedClock
) -> None:
    walker = patient(backend, clock, clinician(backend))  # the treadmill's slowest: 0.5 mph

    with pytest.raises(InputError) as refused:
        _set(backend, clock, walker, max_speed=0.4)

    assert refused.value.field == "max_speed"


def test_another_clinicians_patient_is_not_found_and_unchanged(
    backend: Backend, clock: FixedClock
) -> None:
    walker = patient(backend, clock, clinician(backend, "dr-other"))
    clinician(backend)
    before = backend.contents()

    with pytest.raises(NotFoundError):
        _set(backend, clock, walker, max_speed=0.8)

    assert backend.contents() == before


def test_a_walker_account_is_no_clinician(backend: Backend, clock: FixedClock) -> None:
    walker = patient(backend, clock, clinician(backend))

    with pytest.raises(NotFoundError):
        set_limits(walker, limits_command({"max_speed": 0.8}), backend.uow(), clock, "ann")
