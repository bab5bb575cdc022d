"""Logging in (clinic mode): a name and a password give a login session, or one answer that
says only that they do not match, whether the name is unknown, has no password, or the password
is wrong (and it takes the same argon2 work: services/passwords.py).

Rate limit, in the database so it holds across server workers: at most 5 failed logins for one
account name and 20 from one client address in any 15 minutes. Past either, every try is
refused without checking the password (`TooManyTries`, HTTP 429 with Retry-After) until the
oldest counted failure is 15 minutes old. A successful login forgets the failures of that name
from that address only; other addresses' failures still count. The cost: someone who knows a
name can keep its owner out for 15 minutes at a time; an administrator can see it in the log.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from retrowalk.domain.errors import RetrowalkError
from retrowalk.services.account_names import read_name
from retrowalk.services.clock import Clock
from retrowalk.services.login_sessions import NewSession, start_session
from retrowalk.services.passwords import hash_password, needs_rehash, password_matches
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import Account

WINDOW = timedelta(minutes=15)
MOST_FAILURES_PER_NAME = 5
MOST_FAILURES_PER_CLIENT = 20
NAME_KEPT = 80  # the column's width: a longer typed name is cut, still counted
NO_MATCH = "the name and password do not match an account; check both and try again"


class LoginRefused(RetrowalkError):
    """The name and password do not match (which one is wrong is not said)."""

    def __init__(self) -> None:
        super().__init__(NO_MATCH)


class TooManyTries(RetrowalkError):
    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        minutes = max(1, math.ceil(retry_after / 60))
        super().__init__(
            f"too many failed logins; wait {minutes} minute{'s' if minutes > 1 else ''} and "
            "try again (or ask your clinic to send you a password reset link)"
        )


@dataclass(frozen=True, slots=True)
class LoginIn:
    name: str
    password: str
    client: str


@dataclass(frozen=True, slots=True)
class LoginDone:
    account: Account
    started: NewSession


def log_in(given: LoginIn, uow: UnitOfWork, clock: Clock) -> LoginDone:
    name, client, now = read_name(given.name)[:NAME_KEPT], given.client[:64], clock.now()
    with uow:
        _refuse_when_locked(uow, name, client, now)
        account = uow.accounts.by_name(name)
        stored = None if account is None else uow.accounts.password_hash(account.id)
        if account is None or not password_matches(stored, given.password):
            uow.login_attempts.prune(now - WINDOW)
            uow.login_attempts.add_failure(name, client, now)
            uow.commit()
            raise LoginRefused()
        if stored is not None and needs_rehash(stored):
            uow.accounts.set_password_hash(account.id, hash_password(given.password))
        uow.login_attempts.forget(name, client)
        started = start_session(uow, account, now)
        uow.commit()
    return LoginDone(account, started)


def _refuse_when_locked(uow: UnitOfWork, name: str, client: str, now: datetime) -> None:
    since = now - WINDOW
    waits = [
        _wait(uow.login_attempts.failures_for_name(name, since), MOST_FAILURES_PER_NAME, now),
        _wait(uow.login_attempts.failures_from(client, since), MOST_FAILURES_PER_CLIENT, now),
    ]
    longest = max(waits)
    if longest > 0:
        raise TooManyTries(longest)


def _wait(failures: list[datetime], most: int, now: datetime) -> int:
    """Seconds until fewer than `most` of `failures` (oldest first) are in the window."""
    if len(failures) < most:
        return 0
    frees_at = failures[len(failures) - most] + WINDOW
    return max(1, math.ceil((frees_at - now).total_seconds()))
