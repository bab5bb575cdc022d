"""The table of walkers' calendar links: the SHA-256 of each link's token (never the token), when
it was made and when revoked. At most one live link per walker, held by a partial unique index
that both SQLite and PostgreSQL enforce."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from retrowalk.store.base import Base

LIVE = text("revoked_at IS NULL")


class CalendarFeedRow(Base):
    __tablename__ = "calendar_feeds"
    __table_args__ = (
        CheckConstraint("length(token_sha256) = 64", name="token_sha256_length"),
        CheckConstraint(
            "revoked_at IS NULL OR revoked_at >= created_at", name="revoked_after_created"
        ),
        Index(
            "uq_calendar_feeds_live_walker",
            "walker_id",
            unique=True,
            sqlite_where=LIVE,
            postgresql_where=LIVE,
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    walker_id: Mapped[int] = mapped_column(ForeignKey("walkers.id"))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
