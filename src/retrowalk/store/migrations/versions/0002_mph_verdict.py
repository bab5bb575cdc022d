"""The mph-for-km/h verdict of the walker's treadmill, kept with the equipment: which treadmill
(`ftms_device`: "virtual…" or its Bluetooth address) and whether it reads speeds as mph.
Both stay empty until a walk on a connected treadmill finds out; existing rows keep them empty.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 00:33:59.947976

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("equipment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ftms_device", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("mph_quirk", sa.Boolean(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_equipment_mph_verdict_whole"), "(ftms_device IS NULL) = (mph_quirk IS NULL)"
        )
        batch_op.create_check_constraint(
            op.f("ck_equipment_mph_verdict_motorized"),
            "mph_quirk IS NULL OR kind = 'motorized_treadmill'",
        )


def downgrade() -> None:
    with op.batch_alter_table("equipment", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_equipment_mph_verdict_motorized"), type_="check")
        batch_op.drop_constraint(op.f("ck_equipment_mph_verdict_whole"), type_="check")
        batch_op.drop_column("mph_quirk")
        batch_op.drop_column("ftms_device")
