"""Tables for people and what they own: accounts, walker profiles, screening flags, the assigned
protocol with the clinician's limits, and equipment."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from retrowalk.domain.equipment import EquipmentKind
from retrowalk.domain.screening import FlagLevel
from retrowalk.domain.units import SpeedUnit, UnitSystem
from retrowalk.domain.walker import Condition, Severity, SurgeryKind
from retrowalk.services.records import Role
from retrowalk.store.base import Base, in_range, one_of, values


class AccountRow(Base):
    __tablename__ = "accounts"
    __table_args__ = (one_of("role", values(Role)),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Clinic mode (migration 0007): the argon2 hash (None: cannot log in, as the local account),
    # and the account whose invitation made this one.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    invited_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))


class WalkerRow(Base):
    __tablename__ = "walkers"
    __table_args__ = (
        in_range("age", 5, 110),
        in_range("weight_kg", 20, 350),
        in_range("rest_pain", 0, 10),
        in_range("falls_last_year", 0, 100),
        one_of("units", values(UnitSystem)),
        one_of("condition", values(Condition)),
        one_of("severity", values(Severity)),
        one_of("surgery_kind", values(SurgeryKind), nullable=True),
        CheckConstraint(
            "(surgery_kind IS NULL) = (surgery_date IS NULL)", name="surgery_kind_with_date"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), unique=True)
    clinician_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    age: Mapped[int] = mapped_column(Integer)
    weight_kg: Mapped[float | None] = mapped_column(Float)
    units: Mapped[str] = mapped_column(String(16))
    condition: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(16))
    surgery_kind: Mapped[str | None] = mapped_column(String(16))
    surgery_date: Mapped[date | None] = mapped_column(Date)
    cleared_by_clinician: Mapped[bool] = mapped_column(Boolean)
    rest_pain: Mapped[int] = mapped_column(Integer)
    falls_last_year: Mapped[int] = mapped_column(Integer)
    balance_concern: Mapped[bool] = mapped_column(Boolean)
    experienced: Mapped[bool] = mapped_column(Boolean)
    dizziness: Mapped[bool] = mapped_column(Boolean)
    swelling: Mapped[bool] = mapped_column(Boolean)
    locking: Mapped[bool] = mapped_column(Boolean)
    giving_way: Mapped[bool] = mapped_column(Boolean)
    screened_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ScreeningFlagRow(Base):
    """The flags the latest screening raised (onboarding or a change of equipment), in order."""

    __tablename__ = "screening_flags"
    __table_args__ = (one_of("level", values(FlagLevel)),)

    walker_id: Mapped[int] = mapped_column(ForeignKey("walkers.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    level: Mapped[str] = mapped_column(String(8))
    code: Mapped[str] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)


class PrescriptionRow(Base):
    """The protocol assigned to a walker and the limits a clinician may set (each only lowers)."""

    __tablename__ = "prescriptions"
    __table_args__ = (
        in_range("sessions_per_week", 1, 7),
        in_range("max_speed", 0, 10),
        one_of("max_speed_unit", values(SpeedUnit), nullable=True),
        CheckConstraint(
            "(max_speed IS NULL) = (max_speed_unit IS NULL)", name="max_speed_with_unit"
        ),
        in_range("max_incline_percent", 0, 40),
        in_range("target_minutes", 1, 120),
    )

    walker_id: Mapped[int] = mapped_column(ForeignKey("walkers.id"), primary_key=True)
    protocol: Mapped[str] = mapped_column(String(32))
    sessions_per_week: Mapped[int] = mapped_column(Integer)
    start_on: Mapped[date] = mapped_column(Date)
    max_speed: Mapped[float | None] = mapped_column(Float)
    max_speed_unit: Mapped[str | None] = mapped_column(String(8))
    max_incline_percent: Mapped[float | None] = mapped_column(Float)
    target_minutes: Mapped[int | None] = mapped_column(Integer)
    # False: the walker keeps at least one hand on a rail (the clinician's fourth limit).
    hands_free_allowed: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime)


_MOTORIZED_FIELDS = (
    "kind <> 'motorized_treadmill' OR (speed_unit IS NOT NULL AND speed_min IS NOT NULL AND "
    "speed_max IS NOT NULL AND speed_step IS NOT NULL AND incline_max IS NOT NULL AND "
    "incline_step IS NOT NULL AND handrails IS NOT NULL AND safety_clip IS NOT NULL)"
)


class EquipmentRow(Base):
    """A walker's equipment; the newest row is the one in use, older ones stay for the record."""

    __tablename__ = "equipment"
    __table_args__ = (
        one_of("kind", values(EquipmentKind)),
        one_of("speed_unit", values(SpeedUnit), nullable=True),
        CheckConstraint(_MOTORIZED_FIELDS, name="motorized_fields"),
        CheckConstraint("speed_min IS NULL OR speed_min < speed_max", name="speed_range"),
        in_range("speed_step", 0.001, None),
        in_range("incline_max", 0, 40),
        in_range("incline_step", 0.001, None),
        in_range("incline_degrees", 0, 20),
        in_range("resistance_levels", 1, 50),
        in_range("start_load_kg", 0, 200),
        in_range("max_load_kg", 0, 200),
        # The mph-for-km/h verdict belongs to one treadmill (`ftms_device`), found by reading back.
        CheckConstraint("(ftms_device IS NULL) = (mph_quirk IS NULL)", name="mph_verdict_whole"),
        CheckConstraint(
            "mph_quirk IS NULL OR kind = 'motorized_treadmill'", name="mph_verdict_motorized"
        ),
        # Lets sessions name (equipment, walker) so nobody's session uses another's equipment.
        UniqueConstraint("id", "walker_id", name="uq_equipment_id_walker"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    walker_id: Mapped[int] = mapped_column(ForeignKey("walkers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    speed_unit: Mapped[str | None] = mapped_column(String(8))
    speed_min: Mapped[float | None] = mapped_column(Float)
    speed_max: Mapped[float | None] = mapped_column(Float)
    speed_step: Mapped[float | None] = mapped_column(Float)
    incline_max: Mapped[float | None] = mapped_column(Float)
    incline_step: Mapped[float | None] = mapped_column(Float)
    handrails: Mapped[bool | None] = mapped_column(Boolean)
    safety_clip: Mapped[bool | None] = mapped_column(Boolean)
    incline_degrees: Mapped[float | None] = mapped_column(Float)
    resistance_levels: Mapped[int | None] = mapped_column(Integer)
    start_load_kg: Mapped[float | None] = mapped_column(Float)
    max_load_kg: Mapped[float | None] = mapped_column(Float)
    spotter: Mapped[bool | None] = mapped_column(Boolean)
    ftms_device: Mapped[str | None] = mapped_column(String(120))
    mph_quirk: Mapped[bool | None] = mapped_column(Boolean)
    added_at: Mapped[datetime] = mapped_column(DateTime)
