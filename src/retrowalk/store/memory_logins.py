"""The in-memory login sessions, invitations, reset links and failed logins, honouring the SQL
repositories' contract (store/sql_logins.py) on the tables of one memory unit of work."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from retrowalk.services.login_ports import Invitations, LoginAttempts, LoginSessions, ResetLinks
from retrowalk.services.login_records import Invitation, LoginSession, ResetLink
from retrowalk.services.records import Role

if TYPE_CHECKING:
    from retrowalk.store.memory import MemoryDatabase, _Tables


class _Repository:
    def __init__(self, db: MemoryDatabase, tables: _Tables) -> None:
        self._db, self._t = db, tables


class MemoryLoginSessions(_Repository, LoginSessions):
    def add(
        self, account_id: int, token_sha256: str, at: datetime, expires_at: datetime
    ) -> LoginSession:
        made = LoginSession(next(self._db.ids), account_id, at, at, expires_at)
        self._t.login_sessions[made.id] = (made, token_sha256)
        return made

    def by_token(self, token_sha256: str) -> LoginSession | None:
        found = self._t.login_sessions.values()
        return next((s for s, token in found if token == token_sha256), None)

    def seen(self, session_id: int, at: datetime) -> None:
        kept, token = self._t.login_sessions[session_id]
        self._t.login_sessions[session_id] = (replace(kept, last_seen_at=at), token)

    def revoke(self, session_id: int, at: datetime) -> None:
        kept, token = self._t.login_sessions[session_id]
        if kept.revoked_at is None:
            self._t.login_sessions[session_id] = (replace(kept, revoked_at=at), token)

    def revoke_all(self, account_id: int, at: datetime) -> int:
        live = [
            s.id
            for s, _ in self._t.login_sessions.values()
            if s.account_id == account_id and s.revoked_at is None
        ]
        for session_id in live:
            self.revoke(session_id, at)
        return len(live)


class MemoryInvitations(_Repository, Invitations):
    def add(
        self, token_sha256: str, role: Role, invited_by: int, at: datetime, expires_at: datetime
    ) -> Invitation:
        made = Invitation(next(self._db.ids), role, invited_by, at, expires_at)
        self._t.invitations[made.id] = (made, token_sha256)
        return made

    def by_token(self, token_sha256: str) -> Invitation | None:
        found = self._t.invitations.values()
        return next((i for i, token in found if token == token_sha256), None)

    def get(self, invitation_id: int) -> Invitation | None:
        kept = self._t.invitations.get(invitation_id)
        return None if kept is None else kept[0]

    def made_by(self, account_id: int) -> list[Invitation]:
        mine = [i for i, _ in self._t.invitations.values() if i.invited_by == account_id]
        return sorted(mine, key=lambda i: (i.created_at, i.id), reverse=True)

    def use(self, invitation_id: int, account_id: int, at: datetime) -> None:
        kept, token = self._t.invitations[invitation_id]
        self._t.invitations[invitation_id] = (replace(kept, used_at=at, used_by=account_id), token)

    def withdraw(self, invitation_id: int, at: datetime) -> None:
        kept, token = self._t.invitations[invitation_id]
        if kept.withdrawn_at is None:
            self._t.invitations[invitation_id] = (replace(kept, withdrawn_at=at), token)


class MemoryResetLinks(_Repository, ResetLinks):
    def add(
        self,
        token_sha256: str,
        account_id: int,
        issued_by: int | None,
        at: datetime,
        expires_at: datetime,
    ) -> ResetLink:
        made = ResetLink(next(self._db.ids), account_id, issued_by, at, expires_at)
        self._t.reset_links[made.id] = (made, token_sha256)
        return made

    def by_token(self, token_sha256: str) -> ResetLink | None:
        found = self._t.reset_links.values()
        return next((link for link, token in found if token == token_sha256), None)

    def withdraw_open(self, account_id: int, at: datetime) -> None:
        for link_id, (link, token) in list(self._t.reset_links.items()):
            if link.account_id == account_id and link.used_at is None and not link.withdrawn_at:
                self._t.reset_links[link_id] = (replace(link, withdrawn_at=at), token)

    def use(self, link_id: int, at: datetime) -> None:
        kept, token = self._t.reset_links[link_id]
        self._t.reset_links[link_id] = (replace(kept, used_at=at), token)


class MemoryLoginAttempts(_Repository, LoginAttempts):
    def add_failure(self, account_name: str, client: str, at: datetime) -> None:
        self._t.login_attempts.append((account_name, client, at))

    def failures_for_name(self, account_name: str, since: datetime) -> list[datetime]:
        return sorted(at for n, _, at in self._t.login_attempts if n == account_name and at > since)

    def failures_from(self, client: str, since: datetime) -> list[datetime]:
        return sorted(at for _, c, at in self._t.login_attempts if c == client and at > since)

    def forget(self, account_name: str, client: str) -> None:
        attempts = self._t.login_attempts
        attempts[:] = [a for a in attempts if (a[0], a[1]) != (account_name, client)]

    def prune(self, before: datetime) -> None:
        attempts = self._t.login_attempts
        attempts[:] = [a for a in attempts if a[2] >= before]
