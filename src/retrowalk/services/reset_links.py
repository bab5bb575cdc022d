"""Password-reset links (clinic mode), issued by an admin (the /admin page) or on the server
(`retrowalk admin reset-link NAME`): a link with a 256-bit token (kept only as its SHA-256),
good once, for 24 hours; a new link for the same account withdraws the earlier ones. Setting a
password with it ends every session of the account (someone else may have been logged in).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from retrowalk.domain.errors import InputError, NotFoundError
from retrowalk.services.account_names import NAME_FIELD, read_name
from retrowalk.services.clock import Clock
from retrowalk.services.login_records import ResetLink
from retrowalk.services.passwords import check_new_password, hash_password
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import Account, Role
from retrowalk.services.tokens import new_token, open_link, token_hash

LASTS = timedelta(hours=24)
TOKEN_FIELD = "token"
NOT_OPEN = (
    "a password reset link that is unused and less than 24 hours old; ask your clinic's "
    "administrator for a new one"
)


@dataclass(frozen=True, slots=True)
class NewResetLink:
    link: ResetLink
    account: Account
    token: str  # for the link, shown only now


def issue_reset_link(
    issuer: Account | None, name: str, uow: UnitOfWork, clock: Clock
) -> NewResetLink:
    """`issuer`: the admin asking (None: the server's own operator, by the CLI)."""
    if issuer is not None and issuer.role is not Role.ADMIN:
        raise InputError("account", issuer.name, "only an admin issues password reset links")
    token, now = new_token(), clock.now()
    with uow:
        account = uow.accounts.by_name(read_name(name))
        if account is None:
            raise NotFoundError(NAME_FIELD, name, "no account has this name")
        uow.reset_links.withdraw_open(account.id, now)
        issued_by = None if issuer is None else issuer.id
        link = uow.reset_links.add(token_hash(token), account.id, issued_by, now, now + LASTS)
        uow.commit()
    return NewResetLink(link, account, token)


def account_to_reset(token: str, uow: UnitOfWork, clock: Clock) -> Account:
    """Whose password the link sets, if it may still be used; else an InputError."""
    with uow.reading():
        link = _open(uow, token, clock)
        account = uow.accounts.get(link.account_id)
    assert account is not None  # a link's account is a foreign key
    return account


def reset_password(token: str, password: str, again: str, uow: UnitOfWork, clock: Clock) -> Account:
    now = clock.now()
    with uow:
        link = _open(uow, token, clock)
        account = uow.accounts.get(link.account_id)
        assert account is not None
        check_new_password(password, again, account.name)
        uow.accounts.set_password_hash(account.id, hash_password(password))
        uow.reset_links.use(link.id, now)
        uow.login_sessions.revoke_all(account.id, now)
        uow.commit()
    return account


def _open(uow: UnitOfWork, token: str, clock: Clock) -> ResetLink:
    return open_link(token, uow.reset_links.by_token, clock.now(), TOKEN_FIELD, NOT_OPEN)
