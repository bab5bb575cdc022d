"""Tables for clinic mode's logins: login sessions, invitations, password-reset links and failed
logins. A token is kept only as its SHA-256 (64 hex digits), never itself: someone who reads the
database (or a backup) cannot log in or sign up with what they find."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from retrowalk.services.records import Role
from retrowalk.store.base import Base, one_of, values


def _token_rules() -> tuple[CheckConstraint, CheckConstraint]:
    """A table's own copies (a constraint object belongs to one table)."""
    return (
        CheckConstraint("length(token_sha256) = 64", name="token_sha256_length"),
        CheckConstraint("expires_at > created_at", name="expires_after_created"),
    )


class LoginSessionRow(Base):
    __tablename__ = "login_sessions"
    __table_args__ = _token_rules()

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


class InvitationRow(Base):
    __tablename__ = "invitations"
    __table_args__ = (*_token_rules(), one_of("role", values(Role)))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    invited_by: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)
    used_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)


class ResetLinkRow(Base):
    __tablename__ = "password_reset_links"
    __table_args__ = _token_rules()

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)


class LoginAttemptRow(Base):
    """A failed login: the name typed (as the login form reads it) and the client's address."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_name: Mapped[str] = mapped_column(String(80), index=True)
    client: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
