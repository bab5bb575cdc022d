"""After the fact: next-morning pain, edits and deletes replay the engine; undo puts them back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from retrowalk.domain.errors import InputError
from retrowalk.domain.progression import DecisionKind
from retrowalk.services.history import Period, history
from retrowalk.services.log_edit import (
    NextMorningIn,
    add_next_morning_pain,
    delete_log,
    edit_log,
    undo_last_change,
)
from retrowalk.services.today import today_session
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.store.builders import onboarded, walk


def _pending(backend: Backend, walker_id: int):
    with backend.uow() as uow:
        return uow.sessions.latest_planned(walker_id)


def test_a_bad_next_morning_added_the_day_after_holds_the_next_session(
    backend: Backend, clock
) -> None:
    # Rest pain 2: a morning at 4 has not settled (hold); 5 or more steps down (PROTOCOL.md §11).
    walker = onboarded(backend, clock).walker
    last = walk(backend, clock, walker.id, 8, next_morning=0)[-1]
    assert last.next_session.decision.kind is DecisionKind.PROGRESS
    clock.current += timedelta(days=1)

    log = add_next_morning_pain(
        NextMorningIn(walker_id=walker.id, log_id=last.log.id, pain=4), backend.uow(), clock
    )

    assert log.entry.outcome.pain_next_morning == 4
    assert log.entry.next_morning_on == clock.today()
    assert _pending(backend, walker.id).decision.kind is DecisionKind.HOLD


def test_a_next_morning_pain_dated_in_the_future_is_refused_and_nothing_changes(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    log = walk(backend, clock, walker.id, 1)[0].log
    before = backend.contents()

    with pytest.raises(InputError) as refused:
        command = NextMorningIn(
            walker_id=walker.id, log_id=log.id, pain=2, date=clock.today() + timedelta(days=3)
        )
        add_next_morning_pain(command, backend.uow(), clock)

    assert refused.value.field == "date"
    assert backend.contents() == before


def test_a_next_morning_on_the_day_of_the_session_is_refused(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    log = walk(backend, clock, walker.id, 1)[0].log

    with pytest.raises(InputError) as refused:
        command = NextMorningIn(walker_id=walker.id, log_id=log.id, pain=2, date=log.on)
        add_next_morning_pain(command, backend.uow(), clock)

    assert "after the session" in refused.value.allowed


def test_editing_an_old_log_replays_the_engine_but_keeps_what_was_prescribed(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    logged = walk(backend, clock, walker.id, 8, next_morning=0)
    prescribed = [entry.prescribed for entry in history(Period(walker_id=walker.id), backend.uow())]

    edit_log(walker.id, logged[-1].log.id, {"sharp_pain": True}, backend.uow(), clock)

    after = history(Period(walker_id=walker.id), backend.uow())
    assert [entry.prescribed for entry in after] == prescribed
    assert after[-1].entry.outcome.sharp_pain
    assert _pending(backend, walker.id).decision.kind is DecisionKind.REGRESS


def test_undo_of_an_edit_gives_back_the_entry_and_the_plan(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    log = walk(backend, clock, walker.id, 8)[-1].log
    before = _pending(backend, walker.id)

    edit_log(walker.id, log.id, {"pain_during": 7, "notes": "stairs"}, backend.uow(), clock)
    restored = undo_last_change(walker.id, backend.uow(), clock)

    assert restored.entry == log.entry
    assert _pending(backend, walker.id) == before


def test_deleting_a_log_hides_it_and_undo_brings_it_back_exactly(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    logged = walk(backend, clock, walker.id, 4)
    whole = history(Period(walker_id=walker.id), backend.uow())
    planned_before = _pending(backend, walker.id)

    delete_log(walker.id, logged[-1].log.id, backend.uow(), clock)
    after_delete = history(Period(walker_id=walker.id), backend.uow())
    moved = _pending(backend, walker.id)
    undo_last_change(walker.id, backend.uow(), clock)

    assert [e.log_id for e in after_delete] == [e.log_id for e in whole[:-1]]
    assert moved.on == logged[-1].session.on
    assert history(Period(walker_id=walker.id), backend.uow()) == whole
    assert _pending(backend, walker.id) == planned_before


def test_with_nothing_changed_there_is_nothing_to_undo(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    walk(backend, clock, walker.id, 1)

    with pytest.raises(InputError) as refused:
        undo_last_change(walker.id, backend.uow(), clock)

    assert "nothing" in refused.value.allowed or "no edit" in refused.value.allowed


def test_one_walker_cannot_edit_or_delete_another_walkers_log(backend: Backend, clock) -> None:
    ann = onboarded(backend, clock, account="ann").walker
    bob = onboarded(backend, clock, account="bob").walker
    anns_log = walk(backend, clock, ann.id, 1)[0].log
    before = backend.contents()

    with pytest.raises(InputError) as edit_refused:
        edit_log(bob.id, anns_log.id, {"pain_during": 9}, backend.uow(), clock)
    with pytest.raises(InputError) as delete_refused:
        delete_log(bob.id, anns_log.id, backend.uow(), clock)

    assert edit_refused.value.field == delete_refused.value.field == "log_id"
    assert backend.contents() == before


def test_an_edit_with_a_bad_value_is_refused_and_nothing_changes(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    log = walk(backend, clock, walker.id, 1)[0].log
    before = backend.contents()

    with pytest.raises(InputError) as refused:
        edit_log(walker.id, log.id, {"pain_after": 11}, backend.uow(), clock)

    assert refused.value.field == "pain_after"
    assert backend.contents() == before


def test_a_deleted_log_cannot_be_edited_until_the_delete_is_undone(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    log = walk(backend, clock, walker.id, 2)[-1].log
    delete_log(walker.id, log.id, backend.uow(), clock)

    with pytest.raises(InputError):
        edit_log(walker.id, log.id, {"rpe": 5}, backend.uow(), clock)
    undo_last_change(walker.id, backend.uow(), clock)
    edited = edit_log(walker.id, log.id, {"rpe": 5}, backend.uow(), clock)

    assert edited.entry.outcome.rpe == 5


def test_today_after_a_delete_offers_the_deleted_sessions_day_again(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    logged = walk(backend, clock, walker.id, 3)

    delete_log(walker.id, logged[-1].log.id, backend.uow(), clock)

    ahead = today_session(walker.id, backend.uow(), clock).session
    assert ahead is not None and ahead.on == date(2027, 1, 8) and ahead.is_today
