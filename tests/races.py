"""Races made real, without sleeps: N callers run on N threads and are held at a barrier just
before the walker's row lock, the lock every session write takes first (`require_walker(...,
lock=True)`). By then each has done every read a request does before it writes (the live
page's checks included), and the barrier lets them all go for the lock at once: a check made
outside the transaction passes for every one of them, a check made under the lock for one."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

import pytest

from retrowalk.services.records import StoredWalker
from retrowalk.store.sql_people import SqlWalkers

Result = TypeVar("Result")
WAIT_SECONDS = 30  # a caller that never reaches the barrier fails the test instead of hanging it


def hold_before_the_walker_lock(monkeypatch: pytest.MonkeyPatch, parties: int) -> None:
    """Every locking read of a walker waits until `parties` of them have arrived."""
    barrier = threading.Barrier(parties, timeout=WAIT_SECONDS)
    get = SqlWalkers.get

    def get_when_all_are_there(
        self: SqlWalkers, walker_id: int, lock: bool = False
    ) -> StoredWalker | None:
        if lock:
            barrier.wait()
        return get(self, walker_id, lock)

    monkeypatch.setattr(SqlWalkers, "get", get_when_all_are_there)


def all_at_once(call: Callable[[], Result], times: int) -> list[Result | BaseException]:
    """`call` on `times` threads at once; what each returned or raised."""
    results: list[Result | BaseException] = []
    lock = threading.Lock()

    def one() -> None:
        try:
            result: Result | BaseException = call()
        except BaseException as error:
            result = error
        with lock:
            results.append(result)

    threads = [threading.Thread(target=one) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT_SECONDS * 2)
    assert len(results) == times, "a caller never finished"
    return results
