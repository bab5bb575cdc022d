"""The storage clinic mode's logins need, named here and implemented in `store/` (SQL and in
memory). Tokens reach the store only as their SHA-256 (64 hex digits)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import datetime

from retrowalk.services.login_records import Invitation, LoginSession, ResetLink
from retrowalk.services.records import Role


class LoginSessions(ABC):
    @abstractmethod
    def add(
        self, account_id: int, token_sha256: str, at: datetime, expires_at: datetime
    ) -> LoginSession: ...

    @abstractmethod
    def by_token(self, token_sha256: str) -> LoginSession | None:
        """The session with this token hash, revoked or not."""

    @abstractmethod
    def seen(self, session_id: int, at: datetime) -> None: ...

    @abstractmethod
    def revoke(self, session_id: int, at: datetime) -> None: ...

    @abstractmethod
    def revoke_all(self, account_id: int, at: datetime) -> int:
        """Revoke every live session of the account; how many there were."""


class Invitations(ABC):
    @abstractmethod
    def add(
        self, token_sha256: str, role: Role, invited_by: int, at: datetime, expires_at: datetime
    ) -> Invitation: ...

    @abstractmethod
    def by_token(self, token_sha256: str) -> Invitation | None: ...

    @abstractmethod
    def get(self, invitation_id: int) -> Invitation | None: ...

    @abstractmethod
    def made_by(self, account_id: int) -> list[Invitation]:
        """Every invitation the account made, newest first."""

    @abstractmethod
    def use(self, invitation_id: int, account_id: int, at: datetime) -> None: ...

    @abstractmethod
    def withdraw(self, invitation_id: int, at: datetime) -> None: ...


class ResetLinks(ABC):
    @abstractmethod
    def add(
        self,
        token_sha256: str,
        account_id: int,
        issued_by: int | None,
        at: datetime,
        expires_at: datetime,
    ) -> ResetLink: ...

    @abstractmethod
    def by_token(self, token_sha256: str) -> ResetLink | None: ...

    @abstractmethod
    def withdraw_open(self, account_id: int, at: datetime) -> None:
        """Withdraw every link of the account not used yet (a new one replaces them)."""

    @abstractmethod
    def use(self, link_id: int, at: datetime) -> None: ...


class LoginAttempts(ABC):
    """Failed logins, kept in the database so the limit holds across server workers."""

    @abstractmethod
    def add_failure(self, account_name: str, client: str, at: datetime) -> None: ...

    @abstractmethod
    def failures_for_name(self, account_name: str, since: datetime) -> list[datetime]:
        """When each failure for this name after `since` happened, oldest first."""

    @abstractmethod
    def failures_from(self, client: str, since: datetime) -> list[datetime]:
        """When each failure from this client address after `since` happened."""

    @abstractmethod
    def forget(self, account_name: str, client: str) -> None:
        """Drop the failures of this name from this address (its owner got in from there)."""

    @abstractmethod
    def prune(self, before: datetime) -> None:
        """Drop failures older than `before`: they count no more."""
