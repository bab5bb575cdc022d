# ruff: noqa: E501
"""The first schema: accounts, walkers with their flags, prescription and equipment; planned
sessions with the engine's decisions and snapshots; logs, their kept versions and samples.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 21:06:18.306060

"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


SPEED_UNITS = ("mph", "kmh")
HANDS = ("both", "one", "none")
SOURCES = ("manual", "live", "device", "import")


def _known(
    table: str, column: str, allowed: tuple[str, ...], nullable: bool = False
) -> sa.CheckConstraint:
    """The CHECK that `column` holds one of `allowed`, worded and named as the models word it."""
    condition = f"{column} IN ({', '.join(repr(value) for value in allowed)})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return sa.CheckConstraint(condition, name=op.f(f"ck_{table}_{column}_known"))


def _range(table: str, column: str, low: float, high: float | None = None) -> sa.CheckConstraint:
    """The CHECK that `column`, when given, lies in [low, high], as the models word it."""
    bounds = f"{column} >= {low}" if high is None else f"{column} >= {low} AND {column} <= {high}"
    return sa.CheckConstraint(
        f"{column} IS NULL OR ({bounds})", name=op.f(f"ck_{table}_{column}_range")
    )


def _entry_columns() -> list[sa.Column[Any]]:
    """What a person may edit about a logged session: the same on the log and its kept versions."""
    return [
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("minutes_done", sa.Float(), nullable=True),
        sa.Column("speed_done", sa.Float(), nullable=True),
        sa.Column("speed_done_unit", sa.String(length=8), nullable=True),
        sa.Column("incline_done", sa.Float(), nullable=True),
        sa.Column("hands_done", sa.String(length=8), nullable=True),
        sa.Column("pain_during", sa.Integer(), nullable=False),
        sa.Column("pain_after", sa.Integer(), nullable=True),
        sa.Column("pain_next_morning", sa.Integer(), nullable=True),
        sa.Column("next_morning_on", sa.Date(), nullable=True),
        sa.Column("rpe", sa.Integer(), nullable=False),
        sa.Column("sharp_pain", sa.Boolean(), nullable=False),
        sa.Column("stable_without_hands", sa.Boolean(), nullable=False),
        sa.Column("form_ok", sa.Boolean(), nullable=False),
        sa.Column("swelling", sa.Boolean(), nullable=False),
        sa.Column("locking", sa.Boolean(), nullable=False),
        sa.Column("giving_way", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
    ]


def _entry_checks(table: str) -> list[sa.CheckConstraint]:
    """The checks on `_entry_columns`, named after their table."""
    return [
        _known(table, "hands_done", HANDS, nullable=True),
        _known(table, "source", SOURCES),
        _known(table, "speed_done_unit", SPEED_UNITS, nullable=True),
        sa.CheckConstraint(
            "(pain_next_morning IS NULL) = (next_morning_on IS NULL)",
            name=op.f(f"ck_{table}_next_morning_dated"),
        ),
        _range(table, "incline_done", 0, 40),
        _range(table, "minutes_done", 0, 600),
        _range(table, "pain_after", 0, 10),
        _range(table, "pain_during", 0, 10),
        _range(table, "pain_next_morning", 0, 10),
        _range(table, "rpe", 0, 10),
        _range(table, "speed_done", 0, 10),
    ]


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _known("accounts", "role", ("walker", "clinician", "admin")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("name", name=op.f("uq_accounts_name")),
    )
    op.create_table(
        "walkers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("clinician_id", sa.Integer(), nullable=True),
        sa.Column("age", sa.Integer(), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=True),
        sa.Column("units", sa.String(length=16), nullable=False),
        sa.Column("condition", sa.String(length=32), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("surgery_kind", sa.String(length=16), nullable=True),
        sa.Column("surgery_date", sa.Date(), nullable=True),
        sa.Column("cleared_by_clinician", sa.Boolean(), nullable=False),
        sa.Column("rest_pain", sa.Integer(), nullable=False),
        sa.Column("falls_last_year", sa.Integer(), nullable=False),
        sa.Column("balance_concern", sa.Boolean(), nullable=False),
        sa.Column("experienced", sa.Boolean(), nullable=False),
        sa.Column("dizziness", sa.Boolean(), nullable=False),
        sa.Column("swelling", sa.Boolean(), nullable=False),
        sa.Column("locking", sa.Boolean(), nullable=False),
        sa.Column("giving_way", sa.Boolean(), nullable=False),
        sa.Column("screened_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _known(
            "walkers",
            "condition",
            (
                "knee_oa",
                "patellofemoral_pain",
                "post_tkr",
                "post_acl",
                "knee_discomfort",
                "balance",
                "athlete",
                "general",
            ),
        ),
        _known("walkers", "severity", ("mild", "moderate", "severe")),
        _known("walkers", "surgery_kind", ("tkr", "acl", "other"), nullable=True),
        _known("walkers", "units", ("imperial", "metric")),
        sa.CheckConstraint(
            "(surgery_kind IS NULL) = (surgery_date IS NULL)",
            name=op.f("ck_walkers_surgery_kind_with_date"),
        ),
        _range("walkers", "age", 5, 110),
        _range("walkers", "falls_last_year", 0, 100),
        _range("walkers", "rest_pain", 0, 10),
        _range("walkers", "weight_kg", 20, 350),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_walkers_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["clinician_id"], ["accounts.id"], name=op.f("fk_walkers_clinician_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_walkers")),
        sa.UniqueConstraint("account_id", name=op.f("uq_walkers_account_id")),
    )
    with op.batch_alter_table("walkers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_walkers_clinician_id"), ["clinician_id"], unique=False)

    op.create_table(
        "equipment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("walker_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("speed_unit", sa.String(length=8), nullable=True),
        sa.Column("speed_min", sa.Float(), nullable=True),
        sa.Column("speed_max", sa.Float(), nullable=True),
        sa.Column("speed_step", sa.Float(), nullable=True),
        sa.Column("incline_max", sa.Float(), nullable=True),
        sa.Column("incline_step", sa.Float(), nullable=True),
        sa.Column("handrails", sa.Boolean(), nullable=True),
        sa.Column("safety_clip", sa.Boolean(), nullable=True),
        sa.Column("incline_degrees", sa.Float(), nullable=True),
        sa.Column("resistance_levels", sa.Integer(), nullable=True),
        sa.Column("start_load_kg", sa.Float(), nullable=True),
        sa.Column("max_load_kg", sa.Float(), nullable=True),
        sa.Column("spotter", sa.Boolean(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind <> 'motorized_treadmill' OR (speed_unit IS NOT NULL AND speed_min IS NOT NULL AND speed_max IS NOT NULL AND speed_step IS NOT NULL AND incline_max IS NOT NULL AND incline_step IS NOT NULL AND handrails IS NOT NULL AND safety_clip IS NOT NULL)",
            name=op.f("ck_equipment_motorized_fields"),
        ),
        _known(
            "equipment",
            "kind",
            ("motorized_treadmill", "deadmill", "manual_treadmill", "sled", "outdoor"),
        ),
        _known("equipment", "speed_unit", SPEED_UNITS, nullable=True),
        _range("equipment", "incline_degrees", 0, 20),
        _range("equipment", "incline_max", 0, 40),
        _range("equipment", "incline_step", 0.001),
        _range("equipment", "max_load_kg", 0, 200),
        _range("equipment", "resistance_levels", 1, 50),
        sa.CheckConstraint(
            "speed_min IS NULL OR speed_min < speed_max", name=op.f("ck_equipment_speed_range")
        ),
        _range("equipment", "speed_step", 0.001),
        _range("equipment", "start_load_kg", 0, 200),
        sa.ForeignKeyConstraint(
            ["walker_id"], ["walkers.id"], name=op.f("fk_equipment_walker_id_walkers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_equipment")),
        sa.UniqueConstraint("id", "walker_id", name="uq_equipment_id_walker"),
    )
    with op.batch_alter_table("equipment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_equipment_walker_id"), ["walker_id"], unique=False)

    op.create_table(
        "prescriptions",
        sa.Column("walker_id", sa.Integer(), nullable=False),
        sa.Column("protocol", sa.String(length=32), nullable=False),
        sa.Column("sessions_per_week", sa.Integer(), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("max_speed", sa.Float(), nullable=True),
        sa.Column("max_speed_unit", sa.String(length=8), nullable=True),
        sa.Column("max_incline_percent", sa.Float(), nullable=True),
        sa.Column("target_minutes", sa.Integer(), nullable=True),
        sa.Column("set_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _known("prescriptions", "max_speed_unit", SPEED_UNITS, nullable=True),
        sa.CheckConstraint(
            "(max_speed IS NULL) = (max_speed_unit IS NULL)",
            name=op.f("ck_prescriptions_max_speed_with_unit"),
        ),
        _range("prescriptions", "max_incline_percent", 0, 40),
        _range("prescriptions", "max_speed", 0, 10),
        _range("prescriptions", "sessions_per_week", 1, 7),
        _range("prescriptions", "target_minutes", 1, 120),
        sa.ForeignKeyConstraint(
            ["set_by_id"], ["accounts.id"], name=op.f("fk_prescriptions_set_by_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["walker_id"], ["walkers.id"], name=op.f("fk_prescriptions_walker_id_walkers")
        ),
        sa.PrimaryKeyConstraint("walker_id", name=op.f("pk_prescriptions")),
    )
    op.create_table(
        "screening_flags",
        sa.Column("walker_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        _known("screening_flags", "level", ("red", "yellow")),
        sa.ForeignKeyConstraint(
            ["walker_id"], ["walkers.id"], name=op.f("fk_screening_flags_walker_id_walkers")
        ),
        sa.PrimaryKeyConstraint("walker_id", "position", name=op.f("pk_screening_flags")),
    )
    op.create_table(
        "planned_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("walker_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("session_date", sa.Date(), nullable=False),
        sa.Column("equipment_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("changed", sa.String(length=16), nullable=True),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("walk", sa.Boolean(), nullable=False),
        sa.Column("stepped_down", sa.Boolean(), nullable=False),
        sa.Column("pauses", sa.Boolean(), nullable=False),
        sa.Column("resets_trend", sa.Boolean(), nullable=False),
        sa.Column("minutes", sa.Float(), nullable=False),
        sa.Column("hands", sa.String(length=8), nullable=False),
        sa.Column("speed", sa.Float(), nullable=True),
        sa.Column("speed_unit", sa.String(length=8), nullable=True),
        sa.Column("incline_percent", sa.Float(), nullable=False),
        sa.Column("resistance_level", sa.Integer(), nullable=True),
        sa.Column("load_kg", sa.Float(), nullable=True),
        sa.Column("distance_m", sa.Integer(), nullable=True),
        sa.Column("set_count", sa.Integer(), nullable=True),
        sa.Column("state_before", sa.Text(), nullable=False),
        _known(
            "planned_sessions",
            "changed",
            (
                "minutes",
                "speed",
                "incline",
                "hand_support",
                "resistance",
                "load",
                "distance",
                "sets",
            ),
            nullable=True,
        ),
        _known(
            "planned_sessions",
            "decision",
            ("start", "progress", "hold", "regress", "deload", "paused"),
        ),
        _known("planned_sessions", "hands", HANDS),
        _known("planned_sessions", "speed_unit", SPEED_UNITS, nullable=True),
        _range("planned_sessions", "distance_m", 0, 100000),
        _range("planned_sessions", "incline_percent", 0, 40),
        _range("planned_sessions", "load_kg", 0, 200),
        _range("planned_sessions", "minutes", 0, 600),
        _range("planned_sessions", "resistance_level", 1, 50),
        _range("planned_sessions", "seq", 0),
        _range("planned_sessions", "set_count", 1, 50),
        _range("planned_sessions", "speed", 0, 10),
        sa.ForeignKeyConstraint(
            ["equipment_id", "walker_id"],
            ["equipment.id", "equipment.walker_id"],
            name="fk_planned_sessions_equipment_of_walker",
        ),
        sa.ForeignKeyConstraint(
            ["walker_id"], ["walkers.id"], name=op.f("fk_planned_sessions_walker_id_walkers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planned_sessions")),
        sa.UniqueConstraint("id", "walker_id", name="uq_planned_sessions_id_walker"),
        sa.UniqueConstraint("walker_id", "seq", name="uq_planned_sessions_walker_seq"),
    )
    op.create_table(
        "session_logs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("planned_session_id", sa.Integer(), nullable=False),
        sa.Column("walker_id", sa.Integer(), nullable=False),
        sa.Column("session_date", sa.Date(), nullable=False),
        sa.Column("state_after", sa.Text(), nullable=False),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        *_entry_columns(),
        *_entry_checks("session_logs"),
        sa.ForeignKeyConstraint(
            ["planned_session_id", "walker_id"],
            ["planned_sessions.id", "planned_sessions.walker_id"],
            name="fk_session_logs_planned_of_walker",
        ),
        sa.ForeignKeyConstraint(
            ["walker_id"], ["walkers.id"], name=op.f("fk_session_logs_walker_id_walkers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_logs")),
        sa.UniqueConstraint("planned_session_id", name=op.f("uq_session_logs_planned_session_id")),
    )
    with op.batch_alter_table("session_logs", schema=None) as batch_op:
        batch_op.create_index(
            "ix_session_logs_walker_date", ["walker_id", "session_date", "id"], unique=False
        )

    op.create_table(
        "session_log_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("log_id", sa.Integer(), nullable=False),
        sa.Column("change", sa.String(length=8), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        *_entry_columns(),
        _known("session_log_versions", "change", ("edit", "delete")),
        *_entry_checks("session_log_versions"),
        sa.ForeignKeyConstraint(
            ["log_id"],
            ["session_logs.id"],
            name=op.f("fk_session_log_versions_log_id_session_logs"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_log_versions")),
    )
    with op.batch_alter_table("session_log_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_session_log_versions_log_id"), ["log_id"], unique=False
        )

    op.create_table(
        "session_samples",
        sa.Column("log_id", sa.Integer(), nullable=False),
        sa.Column("second", sa.Integer(), nullable=False),
        sa.Column("speed_mps", sa.Float(), nullable=True),
        sa.Column("incline_percent", sa.Float(), nullable=True),
        sa.Column("distance_m", sa.Float(), nullable=True),
        sa.Column("heart_rate", sa.Integer(), nullable=True),
        _range("session_samples", "distance_m", 0),
        _range("session_samples", "heart_rate", 20, 250),
        _range("session_samples", "incline_percent", -10, 40),
        _range("session_samples", "second", 0, 86400),
        _range("session_samples", "speed_mps", 0, 10),
        sa.ForeignKeyConstraint(
            ["log_id"], ["session_logs.id"], name=op.f("fk_session_samples_log_id_session_logs")
        ),
        sa.PrimaryKeyConstraint("log_id", "second", name=op.f("pk_session_samples")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    # ### commands auto generated by Alembic - please adjust! ###
    op.drop_table("session_samples")
    with op.batch_alter_table("session_log_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_log_versions_log_id"))

    op.drop_table("session_log_versions")
    with op.batch_alter_table("session_logs", schema=None) as batch_op:
        batch_op.drop_index("ix_session_logs_walker_date")

    op.drop_table("session_logs")
    op.drop_table("planned_sessions")
    op.drop_table("screening_flags")
    op.drop_table("prescriptions")
    with op.batch_alter_table("equipment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_equipment_walker_id"))

    op.drop_table("equipment")
    with op.batch_alter_table("walkers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_walkers_clinician_id"))

    op.drop_table("walkers")
    op.drop_table("accounts")
    # ### end Alembic commands ###
