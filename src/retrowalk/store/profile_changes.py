"""The table of changes to walkers' knees and profiles: who changed what, from → to, when, what
screening found then, and a clinician's clearance with its date."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from retrowalk.services.records import CLINICIAN_NAME_LENGTH, ProfileChangeKind
from retrowalk.store.base import Base, one_of, values


class ProfileChangeRow(Base):
    """One change, never edited. `changes` is a JSON list of {"field", "from", "to"}, `flags`
    a JSON list of {"level", "code", "message"}: the screening outcome of the change."""

    __tablename__ = "profile_changes"
    __table_args__ = (
        one_of("kind", values(ProfileChangeKind)),
        CheckConstraint("(kind = 'clearance') = (cleared_on IS NOT NULL)", name="clearance_dated"),
        CheckConstraint(
            "kind = 'clearance' OR (clinician IS NULL AND notes IS NULL)",
            name="clearance_details",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    walker_id: Mapped[int] = mapped_column(ForeignKey("walkers.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(16))
    changes: Mapped[str] = mapped_column(Text)
    flags: Mapped[str] = mapped_column(Text)
    cleared_on: Mapped[date | None] = mapped_column(Date)
    clinician: Mapped[str | None] = mapped_column(String(CLINICIAN_NAME_LENGTH))
    notes: Mapped[str | None] = mapped_column(Text)
