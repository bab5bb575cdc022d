"""The unit of work keeps work only when told to commit (STYLE.md §6), on every store."""

from __future__ import annotations

import pytest

from retrowalk.services.records import Role
from tests.db import Backend


def test_work_is_rolled_back_unless_committed(backend: Backend, clock) -> None:
    with backend.uow() as uow:
        uow.accounts.add("dana", Role.WALKER, clock.now())

    with backend.uow() as uow:
        assert uow.accounts.by_name("dana") is None


def test_committed_work_is_seen_by_the_next_unit_of_work(backend: Backend, clock) -> None:
    with backend.uow() as uow:
        uow.accounts.add("dana", Role.CLINICIAN, clock.now())
        uow.commit()

    with backend.uow() as uow:
        account = uow.accounts.by_name("dana")

    assert account is not None and account.role is Role.CLINICIAN


def test_an_error_rolls_the_work_back(backend: Backend, clock) -> None:
    with pytest.raises(RuntimeError), backend.uow() as uow:
        uow.accounts.add("dana", Role.WALKER, clock.now())
        raise RuntimeError("boom")

    with backend.uow() as uow:
        assert uow.accounts.by_name("dana") is None


def test_work_after_a_rollback_can_still_be_committed(backend: Backend, clock) -> None:
    with backend.uow() as uow:
        uow.accounts.add("first", Role.WALKER, clock.now())
        uow.rollback()
        uow.accounts.add("second", Role.WALKER, clock.now())
        uow.commit()

    with backend.uow() as uow:
        assert uow.accounts.by_name("first") is None
        assert uow.accounts.by_name("second") is not None
