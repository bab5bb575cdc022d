"""Login sessions in clinic mode: one per browser that logged in, known by a 256-bit random
token in its cookie (`secrets.token_urlsafe(32)`); the store keeps only the token's SHA-256.

A session ends at the first of: its absolute expiry, the idle time passing without a request,
logout (this browser), "log out everywhere" (every session of the account), or a password change
or reset. Walkers keep a session 7 days idle and 30 days in all (a phone used for every walk
should not ask each time); clinicians and admins, who may share a computer at the clinic, 12
hours idle and 7 days in all. The last-seen time is written at most every 5 minutes, so a
page's many requests do not each write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from retrowalk.services.clock import Clock
from retrowalk.services.login_records import LoginSession
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import Account, Role
from retrowalk.services.tokens import new_token, token_hash

IDLE = {Role.WALKER: timedelta(days=7), Role.CLINICIAN: timedelta(hours=12)}
IDLE[Role.ADMIN] = IDLE[Role.CLINICIAN]
LIFETIME = {Role.WALKER: timedelta(days=30), Role.CLINICIAN: timedelta(days=7)}
LIFETIME[Role.ADMIN] = LIFETIME[Role.CLINICIAN]
SEEN_EVERY = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class NewSession:
    """A session just made, and its token for the cookie (never stored)."""

    session: LoginSession
    token: str


@dataclass(frozen=True, slots=True)
class LoggedIn:
    account: Account
    session: LoginSession


def start_session(uow: UnitOfWork, account: Account, now: datetime) -> NewSession:
    """A new session for `account`, inside the caller's unit of work (it commits)."""
    token = new_token()
    made = uow.login_sessions.add(account.id, token_hash(token), now, now + LIFETIME[account.role])
    return NewSession(made, token)


def is_live(session: LoginSession, role: Role, now: datetime) -> bool:
    return (
        session.revoked_at is None
        and now < session.expires_at
        and now - session.last_seen_at < IDLE[role]
    )


def logged_in(token: str | None, uows: Callable[[], UnitOfWork], clock: Clock) -> LoggedIn | None:
    """The account and session behind a cookie's token, if the session is live (and then it is
    marked as seen now, in a second unit of work: most requests only read)."""
    if not token or len(token) > 100:
        return None
    now = clock.now()
    with uows().reading() as uow:
        session = uow.login_sessions.by_token(token_hash(token))
        account = None if session is None else uow.accounts.get(session.account_id)
    if session is None or account is None or not is_live(session, account.role, now):
        return None
    if now - session.last_seen_at >= SEEN_EVERY:
        with uows() as uow:
            uow.login_sessions.seen(session.id, now)
            uow.commit()
    return LoggedIn(account, session)


def log_out(session_id: int, uow: UnitOfWork, clock: Clock) -> None:
    with uow:
        uow.login_sessions.revoke(session_id, clock.now())
        uow.commit()


def log_out_everywhere(account_id: int, uow: UnitOfWork, clock: Clock) -> int:
    """End every session of the account; how many were live."""
    with uow:
        ended = uow.login_sessions.revoke_all(account_id, clock.now())
        uow.commit()
    return ended
