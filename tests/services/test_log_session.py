"""Logging a session stores what was done beside the dose and plans the next one, atomically."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from retrowalk.domain.errors import ConflictError, InputError
from retrowalk.domain.plan import PlanRequest, preview_plan
from retrowalk.domain.progression import DecisionKind
from retrowalk.protocols import load_modality, protocol_for
from retrowalk.services.log_session import log_command, log_session
from retrowalk.services.records import Sample, Source
from retrowalk.store.memory import MemorySessions
from retrowalk.store.sql_sessions import SqlSessions
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.store.builders import onboarded, walk


def test_a_log_keeps_the_outcome_beside_the_dose_and_plans_the_next_session(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker

    logged = log_session(
        log_command(walker_id=walker.id, minutes_done=2.5, pain_during=3, rpe=6, notes="windy"),
        backend.uow(),
        clock,
    )

    with backend.uow() as uow:
        stored = uow.sessions.log(logged.log.id)
        following = uow.sessions.latest_planned(walker.id)
    assert stored is not None and stored.entry.outcome.minutes_done == 2.5
    assert stored.entry.outcome.pain_during == 3 and stored.entry.notes == "windy"
    assert stored.entry.source is Source.MANUAL
    assert logged.session.decision.dose.minutes == 3
    assert following == logged.next_session
    assert following.seq == 1 and following.on == date(2027, 1, 6)
    assert following.state_before == stored.state_after


def test_when_planning_the_next_session_fails_the_log_is_not_kept_either(
    backend: Backend, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    walker = onboarded(backend, clock).walker
    before = backend.contents()

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    for repository in (SqlSessions, MemorySessions):
        monkeypatch.setattr(repository, "add_planned", fail)
    with pytest.raises(RuntimeError):
        log_session(log_command(walker_id=walker.id), backend.uow(), clock)

    assert backend.contents() == before


def test_sessions_logged_as_prescribed_follow_the_plan_preview(backend: Backend, clock) -> None:
    result = onboarded(backend, clock)

    logged = walk(backend, clock, result.walker.id, 18, next_morning=0)

    walker = result.walker
    preview = preview_plan(
        PlanRequest(
            walker.profile,
            walker.equipment,
            protocol_for(walker.profile.condition),
            load_modality(walker.equipment.kind),
            start=date(2027, 1, 4),
            weeks=6,
            sessions_per_week=3,
        )
    )
    assert [(s.session.on, s.session.decision) for s in logged] == [
        (s.on, s.decision) for s in preview.sessions
    ]


def test_a_session_walked_long_after_its_day_is_decided_for_the_day_it_was_walked(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 6)
    clock.current = datetime(2027, 2, 10, 8)

    logged = log_session(log_command(walker_id=walker.id), backend.uow(), clock)

    assert logged.session.on == date(2027, 2, 10)
    assert logged.session.decision.kind is DecisionKind.DELOAD


def test_samples_are_kept_second_by_second(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    samples = [
        {"second": 0, "speed_mps": 0.22, "incline_percent": 0.0, "heart_rate": 88},
        {"second": 1, "speed_mps": 0.23, "distance_m": 0.2, "heart_rate": 90},
    ]

    logged = log_session(
        log_command(walker_id=walker.id, source="device", samples=samples), backend.uow(), clock
    )

    with backend.uow() as uow:
        kept = uow.sessions.samples(logged.log.id)
    assert kept == [Sample(0, 0.22, 0.0, None, 88), Sample(1, 0.23, None, 0.2, 90)]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"walker_id": 999}, "walker_id"),
        ({"pain_during": 11}, "pain_during"),
        ({"minutes_done": -5}, "minutes_done"),
        ({"rpe": 12}, "rpe"),
        ({"date": "2027-01-05"}, "date"),
        ({"pain_next_morning": 2}, "pain_next_morning"),
        ({"source": "telepathy"}, "source"),
        ({"samples": [{"second": 3}, {"second": 3}]}, "samples"),
    ],
)
def test_bad_input_is_refused_with_its_field_and_nothing_is_stored(
    backend: Backend, clock, fields: dict[str, Any], field: str
) -> None:
    walker = onboarded(backend, clock).walker
    before = backend.contents()

    with pytest.raises(InputError) as refused:
        command = log_command(**({"walker_id": walker.id} | fields))
        log_session(command, backend.uow(), clock)

    assert refused.value.field == field
    assert backend.contents() == before


def test_a_session_dated_before_the_last_logged_one_is_refused(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 2)

    with pytest.raises(InputError) as refused:
        log_session(log_command(walker_id=walker.id, date="2027-01-05"), backend.uow(), clock)

    assert refused.value.field == "date"
    assert "2027-01-06" in refused.value.allowed


def test_a_walker_held_back_by_a_red_flag_cannot_log_a_session(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock, walker={"dizziness": True}).walker

    with pytest.raises(InputError) as refused:
        log_session(log_command(walker_id=walker.id), backend.uow(), clock)

    assert "no plan" in refused.value.allowed


def test_a_log_of_a_planned_session_logged_already_is_a_conflict_and_writes_nothing(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    log_session(log_command(walker_id=walker.id, seq=0), backend.uow(), clock)
    before = backend.contents()

    with pytest.raises(ConflictError) as refused:
        log_session(log_command(walker_id=walker.id, seq=0), backend.uow(), clock)

    assert refused.value.field == "seq"
    assert "session 0 is logged already; the session to log now is number 1" in str(refused.value)
    assert backend.contents() == before


def test_a_log_of_a_session_not_planned_yet_names_seq_and_the_session_to_log(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker

    with pytest.raises(InputError, match="seq: got 2; session 2 is not planned yet; the session"):
        log_session(log_command(walker_id=walker.id, seq=2), backend.uow(), clock)


def test_a_seq_that_is_no_session_number_is_refused_naming_the_field() -> None:
    with pytest.raises(InputError, match=r"seq: got -1; .*greater than or equal to 0"):
        log_command(walker_id=1, seq=-1)
