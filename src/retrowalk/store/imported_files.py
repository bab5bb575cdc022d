"""The table of files whose sessions were imported: one row per file a walker imported, by the
SHA-256 of its bytes, so the same file is never logged twice."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from retrowalk.services.records import ImportKind
from retrowalk.store.base import Base, in_range, one_of, values


class ImportedFileRow(Base):
    __tablename__ = "imported_files"
    __table_args__ = (
        UniqueConstraint("walker_id", "sha256", name="uq_imported_files_walker_sha256"),
        one_of("kind", values(ImportKind)),
        in_range("sessions", 1, None),
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    walker_id: Mapped[int] = mapped_column(ForeignKey("walkers.id"))
    sha256: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))
    sessions: Mapped[int] = mapped_column(Integer)
    first_log_id: Mapped[int] = mapped_column(ForeignKey("session_logs.id"))
    imported_at: Mapped[datetime] = mapped_column(DateTime)
