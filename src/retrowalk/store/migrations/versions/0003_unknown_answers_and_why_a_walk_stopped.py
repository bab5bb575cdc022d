"""Unknown answers and why a walk stopped: the check-in answers a walker may skip (pain during,
effort, sharp pain, form, swelling, locking, giving way) may be NULL, meaning unknown; and a new
`stop_reason` (pain, balance, tired, interrupted, mistake; NULL when the walk was not stopped
early, or no reason was given), with its CHECK. Existing rows keep their answers and get no
reason. On the log and on its kept versions alike.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 17:35:27.101845

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("session_logs", "session_log_versions")
# Each answer that may now be unknown, its type, and what a downgrade writes for unknown (the
# old defaults: what the first schema could only say).
ANSWERS = (
    ("pain_during", sa.INTEGER(), "0"),
    ("rpe", sa.INTEGER(), "4"),
    ("sharp_pain", sa.BOOLEAN(), "false"),
    ("form_ok", sa.BOOLEAN(), "true"),
    ("swelling", sa.BOOLEAN(), "false"),
    ("locking", sa.BOOLEAN(), "false"),
    ("giving_way", sa.BOOLEAN(), "false"),
)
REASONS = "'pain', 'balance', 'tired', 'interrupted', 'mistake'"


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("stop_reason", sa.String(length=12), nullable=True))
            for name, kind, _ in ANSWERS:
                batch_op.alter_column(name, existing_type=kind, nullable=True)
            batch_op.create_check_constraint(
                op.f(f"ck_{table}_stop_reason_known"),
                f"stop_reason IS NULL OR stop_reason IN ({REASONS})",
            )


def downgrade() -> None:
    for table in TABLES:
        for name, _, old in ANSWERS:
            op.execute(f"UPDATE {table} SET {name} = {old} WHERE {name} IS NULL")
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f"ck_{table}_stop_reason_known"), type_="check")
            for name, kind, _ in ANSWERS:
                batch_op.alter_column(name, existing_type=kind, nullable=False)
            batch_op.drop_column("stop_reason")
