"""Tables of the clinician's desk: flags raised after logged sessions (acknowledged once, by
whom and when), outcome measures (KOOS and WOMAC subscales, each in its range), one note per
patient, and the audit log of who changed which limit or record."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from retrowalk.domain.clinic_flags import FlagKind
from retrowalk.domain.outcome_measures import SUBSCALES, Instrument
from retrowalk.services.clinic_records import AuditAction
from retrowalk.store.base import Base, in_range, one_of, values


def measure_column(instrument: Instrument, subscale: str) -> str:
    return f"{instrument.value}_{subscale}"


class ClinicFlagRow(Base):
    __tablename__ = "clinic_flags"
    __table_args__ = (
        one_of("kind", values(FlagKind)),
        UniqueConstraint("log_id", "kind", name="uq_clinic_flags_log_kind"),
        CheckConstraint(
            "(acknowledged_by_id IS NULL) = (acknowledged_at IS NULL)", name="acknowledged_whole"
        ),
        Index("ix_clinic_flags_walker_open", "walker_id", "acknowledged_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    walker_id: Mapped[int] = mapped_column(ForeignKey("walkers.id"))
    log_id: Mapped[int] = mapped_column(ForeignKey("session_logs.id"))
    kind: Mapped[str] = mapped_column(String(32))
    flagged_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    raised_at: Mapped[datetime] = mapped_column(DateTime)
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)


def _measure_checks() -> list[CheckConstraint]:
    checks = []
    for instrument, scales in SUBSCALES.items():
        others = [
            measure_column(other, s.name)
            for other, theirs in SUBSCALES.items()
            if other is not instrument
            for s in theirs
        ]
        for scale in scales:
            checks.append(in_range(measure_column(instrument, scale.name), scale.low, scale.high))
        condition = " AND ".join(f"{column} IS NULL" for column in others)
        checks.append(
            CheckConstraint(
                f"instrument <> '{instrument.value}' OR ({condition})",
                name=f"{instrument.value}_columns_only",
            )
        )
    return checks


class OutcomeMeasureRow(Base):
    """One questionnaire on one day; the other instrument's columns stay NULL."""

    __tablename__ = "outcome_measures"
    __table_args__ = (
        one_of("instrument", values(Instrument)),
        UniqueConstraint("walker_id", "instrument", "measured_on", name="uq_outcome_measures_day"),
        *_measure_checks(),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    walker_id: Mapped[int] = mapped_column(ForeignKey("walkers.id"), index=True)
    instrument: Mapped[str] = mapped_column(String(8))
    measured_on: Mapped[date] = mapped_column(Date)
    koos_pain: Mapped[float | None] = mapped_column(Float)
    koos_symptoms: Mapped[float | None] = mapped_column(Float)
    koos_adl: Mapped[float | None] = mapped_column(Float)
    koos_sport: Mapped[float | None] = mapped_column(Float)
    koos_qol: Mapped[float | None] = mapped_column(Float)
    womac_pain: Mapped[float | None] = mapped_column(Float)
    womac_stiffness: Mapped[float | None] = mapped_column(Float)
    womac_function: Mapped[float | None] = mapped_column(Float)
    entered_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    entered_at: Mapped[datetime] = mapped_column(DateTime)


class PatientNoteRow(Base):
    __tablename__ = "patient_notes"

    walker_id: Mapped[int] = mapped_column(ForeignKey("walkers.id"), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class AuditRow(Base):
    """Never edited. `before` and `after` are JSON text (None: nothing there)."""

    __tablename__ = "audit_log"
    __table_args__ = (one_of("action", values(AuditAction)),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    action: Mapped[str] = mapped_column(String(32))
    walker_id: Mapped[int | None] = mapped_column(ForeignKey("walkers.id"), index=True)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
