"""The SQL repository of calendar links, and the plan's revision read from the stored rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select

from retrowalk.services.calendar_records import CalendarFeed, PlanRevision
from retrowalk.services.ports import CalendarFeeds
from retrowalk.store.calendar_feeds import CalendarFeedRow
from retrowalk.store.database import SqlRepository
from retrowalk.store.people import EquipmentRow, WalkerRow
from retrowalk.store.profile_changes import ProfileChangeRow
from retrowalk.store.sessions import LogVersionRow, SessionLogRow


class SqlCalendarFeeds(SqlRepository, CalendarFeeds):
    def live(self, walker_id: int) -> CalendarFeed | None:
        query = select(CalendarFeedRow).where(
            CalendarFeedRow.walker_id == walker_id, CalendarFeedRow.revoked_at.is_(None)
        )
        row = self._session.scalars(query).first()
        return None if row is None else _feed(row)

    def add(self, walker_id: int, token_sha256: str, at: datetime) -> CalendarFeed:
        row = CalendarFeedRow(walker_id=walker_id, token_sha256=token_sha256, created_at=at)
        return _feed(self._inserted(row))

    def revoke(self, feed_id: int, at: datetime) -> None:
        row = self._session.get_one(CalendarFeedRow, feed_id)
        if row.revoked_at is None:
            row.revoked_at = at
            self._session.flush()

    def walker_of(self, token_sha256: str) -> int | None:
        query = select(CalendarFeedRow.walker_id).where(
            CalendarFeedRow.token_sha256 == token_sha256, CalendarFeedRow.revoked_at.is_(None)
        )
        found: int | None = self._session.scalars(query).first()
        return found

    def plan_revision(self, walker_id: int) -> PlanRevision:
        since = self._session.get_one(WalkerRow, walker_id).created_at
        logs = self._one(
            select(func.count(SessionLogRow.id), func.max(SessionLogRow.logged_at)).where(
                SessionLogRow.walker_id == walker_id
            )
        )
        versions = self._one(
            select(
                func.count(LogVersionRow.id) + func.count(LogVersionRow.undone_at),
                func.max(LogVersionRow.changed_at),
                func.max(LogVersionRow.undone_at),
            )
            .join(SessionLogRow, SessionLogRow.id == LogVersionRow.log_id)
            .where(SessionLogRow.walker_id == walker_id)
        )
        profile = self._one(
            select(func.count(ProfileChangeRow.id), func.max(ProfileChangeRow.changed_at)).where(
                ProfileChangeRow.walker_id == walker_id
            )
        )
        equipment = self._one(
            select(func.count(EquipmentRow.id), func.max(EquipmentRow.added_at)).where(
                EquipmentRow.walker_id == walker_id
            )
        )
        counted = (logs, versions, profile, equipment)
        times = [at for row in counted for at in row[1:] if at is not None]
        return PlanRevision(sum(row[0] for row in counted), max([since, *times]), since)

    def _one(self, query: Select[*tuple[Any, ...]]) -> tuple[Any, ...]:
        return tuple(self._session.execute(query).one())


def _feed(row: CalendarFeedRow) -> CalendarFeed:
    return CalendarFeed(row.id, row.walker_id, row.token_sha256, row.created_at, row.revoked_at)
