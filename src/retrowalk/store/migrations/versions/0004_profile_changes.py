"""The history of changes to a walker's knee or profile (`profile_changes`): who changed what,
from → to, when, the flags screening raised then, and a clinician's clearance with its date.
A new table: existing databases start with an empty history.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 17:34:49.642395

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "profile_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("walker_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("flags", sa.Text(), nullable=False),
        sa.Column("cleared_on", sa.Date(), nullable=True),
        sa.Column("clinician", sa.String(length=80), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "(kind = 'clearance') = (cleared_on IS NOT NULL)",
            name=op.f("ck_profile_changes_clearance_dated"),
        ),
        sa.CheckConstraint(
            "kind = 'clearance' OR (clinician IS NULL AND notes IS NULL)",
            name=op.f("ck_profile_changes_clearance_details"),
        ),
        sa.CheckConstraint(
            "kind IN ('profile', 'clearance')", name=op.f("ck_profile_changes_kind_known")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_profile_changes_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["walker_id"], ["walkers.id"], name=op.f("fk_profile_changes_walker_id_walkers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile_changes")),
    )
    with op.batch_alter_table("profile_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_profile_changes_walker_id"), ["walker_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("profile_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_profile_changes_walker_id"))

    op.drop_table("profile_changes")
