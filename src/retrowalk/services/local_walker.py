"""The walker of this machine: the one onboarded under the local account (single-user mode)."""

from __future__ import annotations

from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import LOCAL_ACCOUNT, StoredWalker


def local_walker(uow: UnitOfWork) -> StoredWalker | None:
    """The local account's walker, or None before onboarding."""
    with uow.reading():
        account = uow.accounts.by_name(LOCAL_ACCOUNT)
        return None if account is None else uow.walkers.for_account(account.id)
