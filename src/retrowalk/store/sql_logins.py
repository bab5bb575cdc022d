"""SQL repositories for clinic mode's login sessions, invitations, reset links and failed
logins (the tables in store/logins.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update

from retrowalk.services.login_ports import Invitations, LoginAttempts, LoginSessions, ResetLinks
from retrowalk.services.login_records import Invitation, LoginSession, ResetLink
from retrowalk.services.records import Role
from retrowalk.store.database import SqlRepository
from retrowalk.store.logins import InvitationRow, LoginAttemptRow, LoginSessionRow, ResetLinkRow


class SqlLoginSessions(SqlRepository, LoginSessions):
    def add(
        self, account_id: int, token_sha256: str, at: datetime, expires_at: datetime
    ) -> LoginSession:
        row = LoginSessionRow(
            account_id=account_id,
            token_sha256=token_sha256,
            created_at=at,
            last_seen_at=at,
            expires_at=expires_at,
        )
        return _session(self._inserted(row))

    def by_token(self, token_sha256: str) -> LoginSession | None:
        query = select(LoginSessionRow).where(LoginSessionRow.token_sha256 == token_sha256)
        row = self._session.scalars(query).first()
        return None if row is None else _session(row)

    def seen(self, session_id: int, at: datetime) -> None:
        self._session.get_one(LoginSessionRow, session_id).last_seen_at = at
        self._session.flush()

    def revoke(self, session_id: int, at: datetime) -> None:
        row = self._session.get_one(LoginSessionRow, session_id)
        if row.revoked_at is None:
            row.revoked_at = at
            self._session.flush()

    def revoke_all(self, account_id: int, at: datetime) -> int:
        live = (LoginSessionRow.account_id == account_id, LoginSessionRow.revoked_at.is_(None))
        done = self._session.execute(update(LoginSessionRow).where(*live).values(revoked_at=at))
        return int(getattr(done, "rowcount", 0))


class SqlInvitations(SqlRepository, Invitations):
    def add(
        self, token_sha256: str, role: Role, invited_by: int, at: datetime, expires_at: datetime
    ) -> Invitation:
        row = InvitationRow(
            token_sha256=token_sha256,
            role=role.value,
            invited_by=invited_by,
            created_at=at,
            expires_at=expires_at,
        )
        return _invitation(self._inserted(row))

    def by_token(self, token_sha256: str) -> Invitation | None:
        query = select(InvitationRow).where(InvitationRow.token_sha256 == token_sha256)
        row = self._session.scalars(query).first()
        return None if row is None else _invitation(row)

    def get(self, invitation_id: int) -> Invitation | None:
        row = self._session.get(InvitationRow, invitation_id)
        return None if row is None else _invitation(row)

    def made_by(self, account_id: int) -> list[Invitation]:
        query = (
            select(InvitationRow)
            .where(InvitationRow.invited_by == account_id)
            .order_by(InvitationRow.created_at.desc(), InvitationRow.id.desc())
        )
        return [_invitation(row) for row in self._session.scalars(query)]

    def use(self, invitation_id: int, account_id: int, at: datetime) -> None:
        row = self._session.get_one(InvitationRow, invitation_id)
        row.used_at, row.used_by = at, account_id
        self._session.flush()

    def withdraw(self, invitation_id: int, at: datetime) -> None:
        row = self._session.get_one(InvitationRow, invitation_id)
        if row.withdrawn_at is None:
            row.withdrawn_at = at
            self._session.flush()


class SqlResetLinks(SqlRepository, ResetLinks):
    def add(
        self,
        token_sha256: str,
        account_id: int,
        issued_by: int | None,
        at: datetime,
        expires_at: datetime,
    ) -> ResetLink:
        row = ResetLinkRow(
            token_sha256=token_sha256,
            account_id=account_id,
            issued_by=issued_by,
            created_at=at,
            expires_at=expires_at,
        )
        return _reset_link(self._inserted(row))

    def by_token(self, token_sha256: str) -> ResetLink | None:
        query = select(ResetLinkRow).where(ResetLinkRow.token_sha256 == token_sha256)
        row = self._session.scalars(query).first()
        return None if row is None else _reset_link(row)

    def withdraw_open(self, account_id: int, at: datetime) -> None:
        open_links = (
            ResetLinkRow.account_id == account_id,
            ResetLinkRow.used_at.is_(None),
            ResetLinkRow.withdrawn_at.is_(None),
        )
        self._session.execute(update(ResetLinkRow).where(*open_links).values(withdrawn_at=at))

    def use(self, link_id: int, at: datetime) -> None:
        self._session.get_one(ResetLinkRow, link_id).used_at = at
        self._session.flush()


class SqlLoginAttempts(SqlRepository, LoginAttempts):
    def add_failure(self, account_name: str, client: str, at: datetime) -> None:
        self._inserted(LoginAttemptRow(account_name=account_name, client=client, at=at))

    def failures_for_name(self, account_name: str, since: datetime) -> list[datetime]:
        return self._times(LoginAttemptRow.account_name == account_name, since)

    def failures_from(self, client: str, since: datetime) -> list[datetime]:
        return self._times(LoginAttemptRow.client == client, since)

    def forget(self, account_name: str, client: str) -> None:
        self._session.execute(
            delete(LoginAttemptRow).where(
                LoginAttemptRow.account_name == account_name, LoginAttemptRow.client == client
            )
        )

    def prune(self, before: datetime) -> None:
        self._session.execute(delete(LoginAttemptRow).where(LoginAttemptRow.at < before))

    def _times(self, matches: object, since: datetime) -> list[datetime]:
        query = (
            select(LoginAttemptRow.at)
            .where(matches, LoginAttemptRow.at > since)  # type: ignore[arg-type]
            .order_by(LoginAttemptRow.at)
        )
        return list(self._session.scalars(query))


def _session(row: LoginSessionRow) -> LoginSession:
    return LoginSession(
        row.id, row.account_id, row.created_at, row.last_seen_at, row.expires_at, row.revoked_at
    )


def _invitation(row: InvitationRow) -> Invitation:
    return Invitation(
        row.id,
        Role(row.role),
        row.invited_by,
        row.created_at,
        row.expires_at,
        row.used_at,
        row.used_by,
        row.withdrawn_at,
    )


def _reset_link(row: ResetLinkRow) -> ResetLink:
    return ResetLink(
        row.id,
        row.account_id,
        row.issued_by,
        row.created_at,
        row.expires_at,
        row.used_at,
        row.withdrawn_at,
    )
