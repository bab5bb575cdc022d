"""Accounts in clinic mode, apart from logging in: the first clinician or admin made on the
server (`retrowalk admin create-clinician`), the list an admin sees, and changing one's own
password (which ends every other session of the account)."""

from __future__ import annotations

from retrowalk.domain.errors import InputError
from retrowalk.services.account_names import NAME_FIELD, check_new_name
from retrowalk.services.clock import Clock
from retrowalk.services.login_sessions import NewSession, start_session
from retrowalk.services.passwords import (
    PASSWORD_FIELD,
    check_new_password,
    hash_password,
    password_matches,
)
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import Account, Role

CURRENT_FIELD = "current_password"


def create_staff_account(
    name: str, password: str, again: str, admin: bool, uow: UnitOfWork, clock: Clock
) -> Account:
    """A clinician (or with `admin`, an admin) with a password; an existing name is refused."""
    checked = check_new_name(name)
    check_new_password(password, again, checked)
    with uow:
        if uow.accounts.by_name(checked) is not None:
            raise InputError(NAME_FIELD, name, "an account has this name already; give another")
        role = Role.ADMIN if admin else Role.CLINICIAN
        account = uow.accounts.add(checked, role, clock.now())
        uow.accounts.set_password_hash(account.id, hash_password(password))
        uow.commit()
    return account


def every_account(uow: UnitOfWork) -> list[Account]:
    with uow.reading():
        return uow.accounts.all()


def change_password(
    account: Account,
    current: str,
    password: str,
    again: str,
    uow: UnitOfWork,
    clock: Clock,
) -> NewSession:
    """The new password, every session of the account ended, and a new one for this browser."""
    check_new_password(password, again, account.name)
    now = clock.now()
    with uow:
        if not password_matches(uow.accounts.password_hash(account.id), current):
            raise InputError(CURRENT_FIELD, "not your password", "type your current password")
        if current == password:
            raise InputError(PASSWORD_FIELD, "your current password", "give a new password")
        uow.accounts.set_password_hash(account.id, hash_password(password))
        uow.login_sessions.revoke_all(account.id, now)
        started = start_session(uow, account, now)
        uow.commit()
    return started
