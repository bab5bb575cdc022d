"""Tables for sessions: what the engine planned (with its decision, reasons and the engine state
it decided from), what was logged, the before-images kept for undo, and per-second samples."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from retrowalk.domain.dose import DoseVariable, HandSupport
from retrowalk.domain.progression import DecisionKind
from retrowalk.domain.stop_reason import StopReason
from retrowalk.domain.units import SpeedUnit
from retrowalk.services.records import Change, Source
from retrowalk.store.base import Base, in_range, one_of, values


class PlannedSessionRow(Base):
    __tablename__ = "planned_sessions"
    __table_args__ = (
        UniqueConstraint("walker_id", "seq", name="uq_planned_sessions_walker_seq"),
        UniqueConstraint("id", "walker_id", name="uq_planned_sessions_id_walker"),
        ForeignKeyConstraint(
            ["equipment_id", "walker_id"],
            ["equipment.id", "equipment.walker_id"],
            name="fk_planned_sessions_equipment_of_walker",
        ),
        in_range("seq", 0, None),
        one_of("decision", values(DecisionKind)),
        one_of("changed", values(DoseVariable), nullable=True),
        one_of("hands", values(HandSupport)),
        one_of("speed_unit", values(SpeedUnit), nullable=True),
        in_range("minutes", 0, 600),
        in_range("speed", 0, 10),
        in_range("incline_percent", 0, 40),
        in_range("resistance_level", 1, 50),
        in_range("load_kg", 0, 200),
        in_range("distance_m", 0, 100000),
        in_range("set_count", 1, 50),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    walker_id: Mapped[int] = mapped_column(ForeignKey("walkers.id"))
    seq: Mapped[int] = mapped_column(Integer)
    session_date: Mapped[date] = mapped_column(Date)
    equipment_id: Mapped[int] = mapped_column(Integer)
    decision: Mapped[str] = mapped_column(String(16))
    changed: Mapped[str | None] = mapped_column(String(16))
    reasons: Mapped[str] = mapped_column(Text)
    walk: Mapped[bool] = mapped_column(Boolean)
    stepped_down: Mapped[bool] = mapped_column(Boolean)
    pauses: Mapped[bool] = mapped_column(Boolean)
    resets_trend: Mapped[bool] = mapped_column(Boolean)
    minutes: Mapped[float] = mapped_column(Float)
    hands: Mapped[str] = mapped_column(String(8))
    speed: Mapped[float | None] = mapped_column(Float)
    speed_unit: Mapped[str | None] = mapped_column(String(8))
    incline_percent: Mapped[float] = mapped_column(Float)
    resistance_level: Mapped[int | None] = mapped_column(Integer)
    load_kg: Mapped[float | None] = mapped_column(Float)
    distance_m: Mapped[int | None] = mapped_column(Integer)
    set_count: Mapped[int | None] = mapped_column(Integer)
    state_before: Mapped[str] = mapped_column(Text)


def _entry_checks() -> tuple[CheckConstraint, ...]:
    """The same named checks on the log and on its kept versions."""
    return (
        in_range("minutes_done", 0, 600),
        in_range("speed_done", 0, 10),
        one_of("speed_done_unit", values(SpeedUnit), nullable=True),
        in_range("incline_done", 0, 40),
        one_of("hands_done", values(HandSupport), nullable=True),
        in_range("pain_during", 0, 10),
        in_range("pain_after", 0, 10),
        in_range("pain_next_morning", 0, 10),
        CheckConstraint(
            "(pain_next_morning IS NULL) = (next_morning_on IS NULL)", name="next_morning_dated"
        ),
        in_range("rpe", 0, 10),
        one_of("source", values(Source)),
        one_of("stop_reason", values(StopReason), nullable=True),
    )


class _EntryColumns:
    """What a person may edit about a logged session. An answer the walker did not give is
    NULL (unknown); `stop_reason` says why a walk stopped early (NULL: it did not, or not said)."""

    done: Mapped[bool] = mapped_column(Boolean)
    minutes_done: Mapped[float | None] = mapped_column(Float)
    speed_done: Mapped[float | None] = mapped_column(Float)
    speed_done_unit: Mapped[str | None] = mapped_column(String(8))
    incline_done: Mapped[float | None] = mapped_column(Float)
    hands_done: Mapped[str | None] = mapped_column(String(8))
    pain_during: Mapped[int | None] = mapped_column(Integer)
    pain_after: Mapped[int | None] = mapped_column(Integer)
    pain_next_morning: Mapped[int | None] = mapped_column(Integer)
    next_morning_on: Mapped[date | None] = mapped_column(Date)
    rpe: Mapped[int | None] = mapped_column(Integer)
    sharp_pain: Mapped[bool | None] = mapped_column(Boolean)
    stable_without_hands: Mapped[bool] = mapped_column(Boolean)
    form_ok: Mapped[bool | None] = mapped_column(Boolean)
    swelling: Mapped[bool | None] = mapped_column(Boolean)
    locking: Mapped[bool | None] = mapped_column(Boolean)
    giving_way: Mapped[bool | None] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(8))
    stop_reason: Mapped[str | None] = mapped_column(String(12))


ENTRY_COLUMNS = tuple(name for name in _EntryColumns.__annotations__)


class SessionLogRow(_EntryColumns, Base):
    __tablename__ = "session_logs"
    __table_args__ = (
        *_entry_checks(),
        # The log and its planned session belong to the same walker, checked by the database.
        ForeignKeyConstraint(
            ["planned_session_id", "walker_id"],
            ["planned_sessions.id", "planned_sessions.walker_id"],
            name="fk_session_logs_planned_of_walker",
        ),
        Index("ix_session_logs_walker_date", "walker_id", "session_date", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    planned_session_id: Mapped[int] = mapped_column(Integer, unique=True)
    walker_id: Mapped[int] = mapped_column(ForeignKey("walkers.id"))
    session_date: Mapped[date] = mapped_column(Date)
    state_after: Mapped[str] = mapped_column(Text)
    logged_at: Mapped[datetime] = mapped_column(DateTime)
    deleted: Mapped[bool] = mapped_column(Boolean)


class LogVersionRow(_EntryColumns, Base):
    """A log's entry as it was before an edit or a delete, kept so the change can be undone."""

    __tablename__ = "session_log_versions"
    __table_args__ = (*_entry_checks(), one_of("change", values(Change)))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    log_id: Mapped[int] = mapped_column(ForeignKey("session_logs.id"), index=True)
    change: Mapped[str] = mapped_column(String(8))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


class SampleRow(Base):
    __tablename__ = "session_samples"
    __table_args__ = (
        in_range("second", 0, 86400),
        in_range("speed_mps", 0, 10),
        in_range("incline_percent", -10, 40),
        in_range("distance_m", 0, None),
        in_range("heart_rate", 20, 250),
    )

    log_id: Mapped[int] = mapped_column(ForeignKey("session_logs.id"), primary_key=True)
    second: Mapped[int] = mapped_column(Integer, primary_key=True)
    speed_mps: Mapped[float | None] = mapped_column(Float)
    incline_percent: Mapped[float | None] = mapped_column(Float)
    distance_m: Mapped[float | None] = mapped_column(Float)
    heart_rate: Mapped[int | None] = mapped_column(Integer)
