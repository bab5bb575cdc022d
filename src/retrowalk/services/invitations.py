"""Invitations (clinic mode): the only way to a new account from the web. A clinician invites
walkers (their patients); an admin invites walkers, clinicians and admins; a walker invites no
one. An invitation is a link with a 256-bit token (kept only as its SHA-256), good once, for 7
days, until its maker withdraws it. Signing up with it makes the account with the invitation's
role and `invited_by`, sets its password and logs it in, in one transaction; a walker invited by
a clinician is that clinician's patient once onboarded (services/onboard.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from retrowalk.domain.errors import InputError, NotFoundError
from retrowalk.services.account_names import NAME_FIELD, check_new_name
from retrowalk.services.clock import Clock
from retrowalk.services.login_records import Invitation
from retrowalk.services.login_sessions import NewSession, start_session
from retrowalk.services.passwords import check_new_password, hash_password
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import Account, Role
from retrowalk.services.tokens import new_token, open_link, token_hash

LASTS = timedelta(days=7)
INVITE_FIELD = "invite"
MAY_INVITE = {
    Role.WALKER: frozenset[Role](),
    Role.CLINICIAN: frozenset({Role.WALKER}),
    Role.ADMIN: frozenset(Role),
}
NOT_OPEN = (
    "an invitation link that is unused, not withdrawn and less than 7 days old; ask whoever "
    "invited you for a new one"
)


@dataclass(frozen=True, slots=True)
class NewInvitation:
    invitation: Invitation
    token: str  # for the link, shown only now


@dataclass(frozen=True, slots=True)
class SignUpIn:
    invite: str
    name: str
    password: str
    password_again: str


def invite(inviter: Account, role: Role, uow: UnitOfWork, clock: Clock) -> NewInvitation:
    allowed = MAY_INVITE[inviter.role]
    if role not in allowed:
        roles = ", ".join(sorted(allowed)) or "no one"
        raise InputError("role", role.value, f"a {inviter.role} may invite: {roles}")
    token, now = new_token(), clock.now()
    with uow:
        made = uow.invitations.add(token_hash(token), role, inviter.id, now, now + LASTS)
        uow.commit()
    return NewInvitation(made, token)


def invitations_made(inviter: Account, uow: UnitOfWork) -> list[Invitation]:
    with uow.reading():
        return uow.invitations.made_by(inviter.id)


def withdraw(inviter: Account, invitation_id: int, uow: UnitOfWork, clock: Clock) -> None:
    """Withdraw one of the inviter's own open invitations; another's is not found."""
    now = clock.now()
    with uow:
        found = uow.invitations.get(invitation_id)
        if found is None or found.invited_by != inviter.id:
            raise NotFoundError("invitation", invitation_id, "you made no invitation with this id")
        if not found.open_at(now):
            raise InputError("invitation", invitation_id, "an invitation still open")
        uow.invitations.withdraw(invitation_id, now)
        uow.commit()


def open_invitation(token: str, uow: UnitOfWork, clock: Clock) -> Invitation:
    """The invitation behind a link, if it may still be used; else an InputError."""
    with uow.reading():
        return _open(uow, token, clock)


def sign_up(given: SignUpIn, uow: UnitOfWork, clock: Clock) -> tuple[Account, NewSession]:
    name = check_new_name(given.name)
    check_new_password(given.password, given.password_again, name)
    with uow:
        invitation = _open(uow, given.invite, clock)
        if uow.accounts.by_name(name) is not None:
            raise InputError(NAME_FIELD, given.name, "this name is taken; give another")
        now = clock.now()
        account = uow.accounts.add(name, invitation.role, now, invitation.invited_by)
        uow.accounts.set_password_hash(account.id, hash_password(given.password))
        uow.invitations.use(invitation.id, account.id, now)
        started = start_session(uow, account, now)
        uow.commit()
    return account, started


def _open(uow: UnitOfWork, token: str, clock: Clock) -> Invitation:
    return open_link(token, uow.invitations.by_token, clock.now(), INVITE_FIELD, NOT_OPEN)
