"""The table of walkers' calendar links: the SHA-256 of each link's token (never the token), when
it was made and when revoked. At most one live link per walker, held by a partial unique index
that both SQLite and PostgreSQL enforce."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from retrowalk.store.base import Base

LIVE = text("revoked_at IS NULL")
LIVE_WALKER_INDEX = "uq_calendar_feeds_live_walker"


class CalendarFeedRow(Base):
    __tablename__ = "calendar_feeds"
    __table_args__ = (
        CheckConstraint("length(token_sha256) = 64", name="token_sha256_length"),
        CheckConstraint(
            "revoked_at IS NULL OR revoked_at >= created_at", name="revoked_after_created"
        ),
        # PostgreSQL's `where` is added by `describe_for_postgresql`: naming it here would load
        # SQLAlchemy's PostgreSQL dialect in every command on SQLite (a few times Python's start).
        Index(LIVE_WALKER_INDEX, "walker_id", unique=True, sqlite_where=LIVE),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    walker_id: Mapped[int] = mapped_column(ForeignKey("walkers.id"))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


def describe_for_postgresql() -> None:
    """The live-link index as PostgreSQL builds it (partial too), for an engine on PostgreSQL:
    the migrations create it so; this keeps the model saying the same (tests/store/test_schema)."""
    table = CalendarFeedRow.__table__
    assert isinstance(table, Table)
    (index,) = (index for index in table.indexes if index.name == LIVE_WALKER_INDEX)
    index.dialect_options["postgresql"]["where"] = LIVE
