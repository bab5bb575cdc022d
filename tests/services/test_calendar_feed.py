"""A walker's calendar link (services/calendar_feed.py), on every store: made once (a second make
is refused and writes nothing), replaced and revoked in one transaction, kept only as a hash,
and a revoked or made-up token found by no one. Races on SQLite and PostgreSQL make one link."""

from __future__ import annotations

import json
import secrets

import pytest
from sqlalchemy.exc import IntegrityError

from retrowalk.domain.errors import ConflictError
from retrowalk.services.calendar_feed import (
    NewFeed,
    feed_plan,
    feed_walker,
    live_feed,
    make_feed,
    replace_feed,
    revoke_feed,
)
from retrowalk.services.clock import FixedClock
from retrowalk.services.tokens import token_hash
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
    sql_backend_fixture,
)
from tests.races import all_at_once, hold_before_the_walker_lock
from tests.store.builders import onboarded


def _live_rows(backend: Backend) -> list[dict[str, object]]:
    assert backend.engine is not None
    rows = backend.contents()["tables"]["calendar_feeds"]
    return [row for row in rows if row["revoked_at"] is None]


def test_a_link_is_made_with_an_unguessable_token_kept_only_as_its_hash(
    backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(backend, clock).walker

    made = make_feed(walker.id, backend.uow(), clock)

    assert len(made.token) == 43 and made.feed.token_sha256 == token_hash(made.token)
    assert made.feed.created_at == clock.now() and made.feed.live
    assert made.token not in repr(backend.contents())
    assert live_feed(walker.id, backend.uow()) == made.feed
    assert feed_walker(made.token, backend.uow()) == walker.id


def test_a_second_make_is_refused_and_writes_nothing(backend: Backend, clock: FixedClock) -> None:
    walker = onboarded(backend, clock).walker
    made = make_feed(walker.id, backend.uow(), clock)
    before = backend.contents()

    with pytest.raises(ConflictError) as refused:
        make_feed(walker.id, backend.uow(), clock)

    assert "make a new one (the old one stops working)" in str(refused.value)
    assert "made 4 Jan 2027" in str(refused.value)
    assert backend.contents() == before
    assert feed_walker(made.token, backend.uow()) == walker.id


def test_a_new_link_stops_the_old_one(backend: Backend, clock: FixedClock) -> None:
    walker = onboarded(backend, clock).walker
    old = make_feed(walker.id, backend.uow(), clock)

    new = replace_feed(walker.id, backend.uow(), clock)

    assert new.token != old.token
    assert feed_walker(old.token, backend.uow()) is None
    assert feed_walker(new.token, backend.uow()) == walker.id
    assert live_feed(walker.id, backend.uow()) == new.feed


def test_revoking_stops_the_link_and_revoking_again_changes_nothing(
    backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(backend, clock).walker
    made = make_feed(walker.id, backend.uow(), clock)

    revoked = revoke_feed(walker.id, backend.uow(), clock)
    after_once = backend.contents()
    again = revoke_feed(walker.id, backend.uow(), clock)

    assert revoked is not None and revoked.revoked_at == clock.now()
    assert again is None and backend.contents() == after_once
    assert feed_walker(made.token, backend.uow()) is None
    assert live_feed(walker.id, backend.uow()) is None
    assert make_feed(walker.id, backend.uow(), clock).feed.live  # a fresh one may be made


@pytest.mark.parametrize(
    "token",
    ["", "x", "../../etc/passwd", "A" * 42, "A" * 44, "A" * 42 + "=", "é" * 43, "A" * 10_000],
)
def test_text_that_is_no_token_finds_no_walker(
    backend: Backend, clock: FixedClock, token: str
) -> None:
    walker = onboarded(backend, clock).walker
    make_feed(walker.id, backend.uow(), clock)

    assert feed_walker(token, backend.uow()) is None
    assert feed_plan(token, backend.uow, clock) is None


def test_a_made_up_token_of_the_right_shape_finds_no_walker(
    backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(backend, clock).walker
    make_feed(walker.id, backend.uow(), clock)

    assert feed_walker(secrets.token_urlsafe(32), backend.uow()) is None


def test_each_walker_has_their_own_link(backend: Backend, clock: FixedClock) -> None:
    ann = onboarded(backend, clock, account="ann").walker
    bob = onboarded(backend, clock, account="bob").walker

    ann_link = make_feed(ann.id, backend.uow(), clock)
    bob_link = make_feed(bob.id, backend.uow(), clock)
    revoke_feed(ann.id, backend.uow(), clock)

    assert feed_walker(ann_link.token, backend.uow()) is None
    assert feed_walker(bob_link.token, backend.uow()) == bob.id
    plan = feed_plan(bob_link.token, backend.uow, clock)
    assert plan is not None and plan.uid_prefix.startswith(f"walker-{bob.id}-")


def test_the_feed_looks_eight_weeks_ahead(backend: Backend, clock: FixedClock) -> None:
    walker = onboarded(backend, clock).walker
    made = make_feed(walker.id, backend.uow(), clock)

    plan = feed_plan(made.token, backend.uow, clock)

    assert plan is not None and len(plan.sessions) == 8 * 3
    assert plan.sessions[-1].on.isoformat() == "2027-02-26"


def test_the_database_refuses_a_second_live_link_whatever_the_code_does(
    sql_backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(sql_backend, clock).walker
    make_feed(walker.id, sql_backend.uow(), clock)

    with pytest.raises(IntegrityError), sql_backend.uow() as uow:
        uow.calendar_feeds.add(walker.id, token_hash("another"), clock.now())

    assert len(_live_rows(sql_backend)) == 1


def test_makes_at_the_same_moment_make_one_link(
    sql_backend: Backend, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    walker = onboarded(sql_backend, clock).walker
    hold_before_the_walker_lock(monkeypatch, 2)

    results = all_at_once(lambda: make_feed(walker.id, sql_backend.uow(), clock), 2)

    made = [r for r in results if isinstance(r, NewFeed)]
    assert len(made) == 1, results
    assert [type(r) for r in results if not isinstance(r, NewFeed)] == [ConflictError]
    assert [row["token_sha256"] for row in _live_rows(sql_backend)] == [made[0].feed.token_sha256]


def test_a_link_travels_in_an_export_as_its_hash_only(
    sql_backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(sql_backend, clock).walker
    made = make_feed(walker.id, sql_backend.uow(), clock)

    exported = json.dumps(sql_backend.contents(), default=str)

    assert made.token not in exported and made.feed.token_sha256 in exported
