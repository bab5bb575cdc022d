"""What the store keeps for clinic mode's logins, as the services see it: login sessions,
invitations and password-reset links (each known only by its token's SHA-256, never the token),
and failed logins for the rate limit. Times are UTC without tzinfo, as the store keeps them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from retrowalk.services.records import Role


@dataclass(frozen=True, slots=True)
class LoginSession:
    """One browser's login: valid until `expires_at` (absolute), or until it has not been seen
    for the idle time (services/login_sessions.py), or until revoked (logout)."""

    id: int
    account_id: int
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    revoked_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Invitation:
    """A sign-up link for one new account of `role`, made by `invited_by`; used once."""

    id: int
    role: Role
    invited_by: int
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
    used_by: int | None = None
    withdrawn_at: datetime | None = None

    def open_at(self, now: datetime) -> bool:
        return self.used_at is None and self.withdrawn_at is None and now < self.expires_at


@dataclass(frozen=True, slots=True)
class ResetLink:
    """A link to set a new password for `account_id`, issued by an admin (`issued_by`; None when
    issued on the server with `retrowalk admin reset-link`); used once."""

    id: int
    account_id: int
    issued_by: int | None
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
    withdrawn_at: datetime | None = None

    def open_at(self, now: datetime) -> bool:
        return self.used_at is None and self.withdrawn_at is None and now < self.expires_at
