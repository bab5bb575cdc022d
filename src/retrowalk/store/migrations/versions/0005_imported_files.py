"""The files whose sessions were imported (`imported_files`, a new table: one row per FIT or
CSV file a walker imported, by its SHA-256, so the same file is refused the second time).
Existing databases start with none.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 16:27:49.304468

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "imported_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("walker_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("sessions", sa.Integer(), nullable=False),
        sa.Column("first_log_id", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('fit', 'csv')", name=op.f("ck_imported_files_kind_known")),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_imported_files_sha256_length")),
        sa.CheckConstraint(
            "sessions IS NULL OR (sessions >= 1)", name=op.f("ck_imported_files_sessions_range")
        ),
        sa.ForeignKeyConstraint(
            ["first_log_id"],
            ["session_logs.id"],
            name=op.f("fk_imported_files_first_log_id_session_logs"),
        ),
        sa.ForeignKeyConstraint(
            ["walker_id"], ["walkers.id"], name=op.f("fk_imported_files_walker_id_walkers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_files")),
        sa.UniqueConstraint("walker_id", "sha256", name="uq_imported_files_walker_sha256"),
    )


def downgrade() -> None:
    op.drop_table("imported_files")
