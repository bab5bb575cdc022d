"""Clinic mode's accounts and logins: accounts gain `password_hash` (null: cannot log in, as the
local account and every existing account) and `invited_by`; new tables for login sessions,
invitations, password-reset links (each token kept only as its SHA-256) and failed logins (the
rate limit, in the database so it holds across server workers). Existing rows are untouched.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 22:50:00

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_name", sa.String(length=80), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempts")),
    )
    with op.batch_alter_table("login_attempts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_login_attempts_account_name"), ["account_name"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_login_attempts_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_login_attempts_client"), ["client"], unique=False)

    op.create_table(
        "invitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("invited_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("used_by", sa.Integer(), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "role IN ('walker', 'clinician', 'admin')", name=op.f("ck_invitations_role_known")
        ),
        sa.CheckConstraint(
            "expires_at > created_at", name=op.f("ck_invitations_expires_after_created")
        ),
        sa.CheckConstraint(
            "length(token_sha256) = 64", name=op.f("ck_invitations_token_sha256_length")
        ),
        sa.ForeignKeyConstraint(
            ["invited_by"], ["accounts.id"], name=op.f("fk_invitations_invited_by_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["used_by"], ["accounts.id"], name=op.f("fk_invitations_used_by_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitations")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_invitations_token_sha256")),
    )
    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invitations_invited_by"), ["invited_by"], unique=False)

    op.create_table(
        "login_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "expires_at > created_at", name=op.f("ck_login_sessions_expires_after_created")
        ),
        sa.CheckConstraint(
            "length(token_sha256) = 64", name=op.f("ck_login_sessions_token_sha256_length")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_login_sessions_account_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_sessions")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_login_sessions_token_sha256")),
    )
    with op.batch_alter_table("login_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_login_sessions_account_id"), ["account_id"], unique=False
        )

    op.create_table(
        "password_reset_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("issued_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "expires_at > created_at", name=op.f("ck_password_reset_links_expires_after_created")
        ),
        sa.CheckConstraint(
            "length(token_sha256) = 64", name=op.f("ck_password_reset_links_token_sha256_length")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_password_reset_links_account_id_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["issued_by"], ["accounts.id"], name=op.f("fk_password_reset_links_issued_by_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_password_reset_links")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_password_reset_links_token_sha256")),
    )
    with op.batch_alter_table("password_reset_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_password_reset_links_account_id"), ["account_id"], unique=False
        )

    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("password_hash", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("invited_by", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_accounts_invited_by_accounts"), "accounts", ["invited_by"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_accounts_invited_by_accounts"), type_="foreignkey")
        batch_op.drop_column("invited_by")
        batch_op.drop_column("password_hash")

    with op.batch_alter_table("password_reset_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_password_reset_links_account_id"))

    op.drop_table("password_reset_links")
    with op.batch_alter_table("login_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_login_sessions_account_id"))

    op.drop_table("login_sessions")
    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitations_invited_by"))

    op.drop_table("invitations")
    with op.batch_alter_table("login_attempts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_login_attempts_client"))
        batch_op.drop_index(batch_op.f("ix_login_attempts_at"))
        batch_op.drop_index(batch_op.f("ix_login_attempts_account_name"))

    op.drop_table("login_attempts")
