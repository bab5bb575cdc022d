"""Implausible logs (PROTOCOL.md §11): a value far from the prescription and a second log for
one day are asked about, and nothing is written until the walker confirms; confirmed, they are
kept as given. The first session here is 3 min at 0.5 mph and 0 %, on a treadmill of 0.1 mph
steps."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.errors import ConfirmationNeeded, InputError
from retrowalk.domain.setback_rules import PlausibleRules
from retrowalk.domain.units import Speed, SpeedUnit
from retrowalk.domain.walker import Condition
from retrowalk.protocols import protocol_for
from retrowalk.services.log_edit import edit_log
from retrowalk.services.log_entry import EntryIn
from retrowalk.services.log_session import log_command, log_session
from retrowalk.services.plausibility import value_doubts
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.factories import treadmill
from tests.store.builders import onboarded


@pytest.mark.parametrize(
    ("given", "field", "words"),
    [
        ({"minutes_done": 6.01}, "minutes_done", "You logged 6.01 min for a 3-min session"),
        ({"minutes_done": 300}, "minutes_done", "300 min"),
        ({"speed_done_mph": 0.7}, "speed_done_mph", "0.7 mph where 0.5 mph was prescribed"),
        ({"speed_done_kmh": 1.2}, "speed_done_kmh", "1.2 km/h where 0.8 km/h"),
        ({"incline_done_percent": 0.5}, "incline_done_percent", "incline of 0.5 %"),
    ],
)
def test_a_value_far_from_the_prescription_is_asked_about_and_nothing_is_written(
    backend: Backend, clock, given: dict[str, Any], field: str, words: str
) -> None:
    walker = onboarded(backend, clock).walker
    before = backend.contents()

    with pytest.raises(ConfirmationNeeded) as raised:
        log_session(log_command(walker_id=walker.id, **given), backend.uow(), clock)

    [doubt] = raised.value.doubts
    assert doubt.field == field and raised.value.field == field
    assert words in doubt.question and doubt.question.endswith("is that right?")
    assert isinstance(raised.value, InputError)
    assert backend.contents() == before


@pytest.mark.parametrize(
    "given",
    [
        {"minutes_done": 6},
        {"speed_done_mph": 0.6},
        {"speed_done_kmh": 0.96},
        {"incline_done_percent": 0},
        {"done": False, "minutes_done": 0},
    ],
)
def test_a_value_up_to_the_limit_is_logged_without_a_question(
    backend: Backend, clock, given: dict[str, Any]
) -> None:
    walker = onboarded(backend, clock).walker

    logged = log_session(log_command(walker_id=walker.id, **given), backend.uow(), clock)

    assert logged.log.entry.source.value == "manual"


def test_confirmed_values_are_logged_as_given(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    given = {"minutes_done": 30, "speed_done_mph": 1.2, "incline_done_percent": 2}
    with pytest.raises(ConfirmationNeeded) as raised:
        log_session(log_command(walker_id=walker.id, **given), backend.uow(), clock)

    logged = log_session(
        log_command(walker_id=walker.id, confirm=True, **given), backend.uow(), clock
    )

    assert [d.field for d in raised.value.doubts] == [
        "minutes_done",
        "speed_done_mph",
        "incline_done_percent",
    ]
    with backend.uow() as uow:
        stored = uow.sessions.log(logged.log.id)
    assert stored is not None
    assert stored.entry.outcome.minutes_done == 30
    assert stored.entry.performed.speed is not None and stored.entry.performed.speed.value == 1.2
    assert stored.entry.performed.incline_percent == 2


def test_a_decimal_comma_is_read_as_a_point_and_then_checked(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker

    with pytest.raises(ConfirmationNeeded) as raised:
        log_session(log_command(walker_id=walker.id, speed_done_mph="1,2"), backend.uow(), clock)
    logged = log_session(
        log_command(walker_id=walker.id, speed_done_mph="1,2", confirm=True), backend.uow(), clock
    )

    assert raised.value.value == 1.2
    assert logged.log.entry.performed.speed is not None
    assert logged.log.entry.performed.speed.value == 1.2


def test_a_second_log_for_the_same_day_is_asked_about_naming_the_first(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    first = log_session(log_command(walker_id=walker.id), backend.uow(), clock)
    clock.current = datetime.combine(first.next_session.on, clock.current.time())
    before = backend.contents()

    with pytest.raises(ConfirmationNeeded) as raised:
        log_session(
            log_command(walker_id=walker.id, date=first.log.on.isoformat()), backend.uow(), clock
        )

    [doubt] = raised.value.doubts
    assert doubt.field == "date" and doubt.value == first.log.on.isoformat()
    assert f"logged for {first.log.on} already (log {first.log.id}" in doubt.question
    assert backend.contents() == before


def test_a_confirmed_second_log_for_the_same_day_is_logged(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    first = log_session(log_command(walker_id=walker.id), backend.uow(), clock)

    second = log_session(log_command(walker_id=walker.id, confirm=True), backend.uow(), clock)

    assert second.log.on == first.log.on and second.session.seq == first.session.seq + 1


def test_a_session_the_live_coach_measured_is_not_asked_about(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    log_session(log_command(walker_id=walker.id), backend.uow(), clock)

    logged = log_session(
        log_command(walker_id=walker.id, source="live", minutes_done=7), backend.uow(), clock
    )

    assert logged.log.entry.outcome.minutes_done == 7


def test_an_edit_to_a_far_value_is_asked_about_and_nothing_is_written(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    logged = log_session(log_command(walker_id=walker.id), backend.uow(), clock)
    before = backend.contents()

    with pytest.raises(ConfirmationNeeded) as raised:
        edit_log(walker.id, logged.log.id, {"minutes_done": 30}, backend.uow(), clock)
    edited = edit_log(
        walker.id, logged.log.id, {"minutes_done": 30}, backend.uow(), clock, confirm=True
    )

    assert raised.value.field == "minutes_done"
    assert edited.entry.outcome.minutes_done == 30
    assert before != backend.contents()


def test_an_edit_that_keeps_a_confirmed_value_is_not_asked_again(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    command = log_command(walker_id=walker.id, minutes_done=30, confirm=True)
    logged = log_session(command, backend.uow(), clock)

    edited = edit_log(walker.id, logged.log.id, {"notes": "long day"}, backend.uow(), clock)

    assert edited.entry.notes == "long day" and edited.entry.outcome.minutes_done == 30


def test_how_far_is_far_is_the_protocol_files_rule_not_a_constant():
    """PROTOCOL.md §11: more than twice the minutes, or more than one speed step above, is asked
    about; the numbers come from the protocol's [plausible] table, so another table moves them."""
    dose = Dose(3, HandSupport.BOTH, Speed(1.0, SpeedUnit.MPH))
    belt = treadmill()
    seven_minutes = EntryIn(minutes_done=7)
    two_steps_up = EntryIn(speed_done_mph=1.2)
    default = protocol_for(Condition.KNEE_OA).plausible

    assert (default.minutes_factor, default.speed_steps) == (2.0, 1)
    assert [d.field for d in value_doubts(seven_minutes, dose, belt, default)] == ["minutes_done"]
    assert value_doubts(EntryIn(minutes_done=6), dose, belt, default) == []
    assert [d.field for d in value_doubts(two_steps_up, dose, belt, default)] != []
    roomier = PlausibleRules(minutes_factor=3.0, speed_steps=2)
    assert value_doubts(seven_minutes, dose, belt, roomier) == []
    assert value_doubts(two_steps_up, dose, belt, roomier) == []
