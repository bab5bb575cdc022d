"""Walkers' calendar links (`calendar_feeds`): the SHA-256 of each link's token, when it was made
and when revoked, at most one live link per walker (a partial unique index). A new table:
existing databases start with no link.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 16:25:10.920462

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = sa.text("revoked_at IS NULL")


def upgrade() -> None:
    op.create_table(
        "calendar_feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("walker_id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "length(token_sha256) = 64", name=op.f("ck_calendar_feeds_token_sha256_length")
        ),
        sa.CheckConstraint(
            "revoked_at IS NULL OR revoked_at >= created_at",
            name=op.f("ck_calendar_feeds_revoked_after_created"),
        ),
        sa.ForeignKeyConstraint(
            ["walker_id"], ["walkers.id"], name=op.f("fk_calendar_feeds_walker_id_walkers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_feeds")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_calendar_feeds_token_sha256")),
    )
    with op.batch_alter_table("calendar_feeds", schema=None) as batch_op:
        batch_op.create_index(
            "uq_calendar_feeds_live_walker",
            ["walker_id"],
            unique=True,
            sqlite_where=LIVE,
            postgresql_where=LIVE,
        )


def downgrade() -> None:
    with op.batch_alter_table("calendar_feeds", schema=None) as batch_op:
        batch_op.drop_index("uq_calendar_feeds_live_walker")

    op.drop_table("calendar_feeds")
