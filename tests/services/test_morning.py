"""The morning question: asked the day or two after a walked session whose next morning is
unknown, never for a missed one or once another session is logged; answered once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from retrowalk.domain.cues import Cue
from retrowalk.domain.errors import ConflictError
from retrowalk.services.log_edit import NextMorningIn, add_next_morning_pain
from retrowalk.services.morning import morning_question
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.store.builders import onboarded, walk

pytestmark = pytest.mark.parametrize("backend", ["memory", "sqlite"], indirect=True)


def test_the_morning_after_a_walk_is_asked_for_that_walk(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    logged = walk(backend, clock, walker.id, 1)[-1]
    same_day = morning_question(walker.id, backend.uow(), clock)
    clock.current += timedelta(days=1)

    asked = morning_question(walker.id, backend.uow(), clock)

    assert same_day is None  # that morning has not come
    assert asked is not None and asked.log_id == logged.log.id
    assert asked.question(clock.today()).cue is Cue.ASK_MORNING


@pytest.mark.parametrize(("days", "asked"), [(2, True), (3, False)])
def test_a_morning_is_asked_for_two_days_at_most(backend: Backend, clock, days, asked) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 1)
    clock.current += timedelta(days=days)

    assert (morning_question(walker.id, backend.uow(), clock) is not None) is asked


def test_a_missed_session_has_no_morning_to_ask_about(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 1, done=False)
    clock.current += timedelta(days=1)

    assert morning_question(walker.id, backend.uow(), clock) is None


def test_the_morning_question_is_answered_once_and_a_second_answer_writes_nothing(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    log_id = walk(backend, clock, walker.id, 1)[-1].log.id
    clock.current += timedelta(days=1)
    answer = NextMorningIn(walker_id=walker.id, log_id=log_id, pain=2, once=True)
    add_next_morning_pain(answer, backend.uow(), clock)
    before = backend.contents()

    with pytest.raises(ConflictError):
        add_next_morning_pain(answer.model_copy(update={"pain": 6}), backend.uow(), clock)

    assert backend.contents() == before
    assert morning_question(walker.id, backend.uow(), clock) is None
