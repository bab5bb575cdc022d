"""The in-memory calendar links and plan revision, honouring the SQL repository's contract
(store/sql_calendar_feeds.py) on the tables of one memory unit of work."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from retrowalk.services.calendar_records import CalendarFeed, PlanRevision
from retrowalk.services.ports import CalendarFeeds

if TYPE_CHECKING:
    from retrowalk.store.memory import MemoryDatabase, _Tables


class MemoryCalendarFeeds(CalendarFeeds):
    def __init__(self, db: MemoryDatabase, tables: _Tables) -> None:
        self._db, self._t = db, tables

    def live(self, walker_id: int) -> CalendarFeed | None:
        return next(
            (f for f in self._t.calendar_feeds.values() if f.walker_id == walker_id and f.live),
            None,
        )

    def add(self, walker_id: int, token_sha256: str, at: datetime) -> CalendarFeed:
        if self.live(walker_id) is not None:
            raise AssertionError("a walker has at most one live calendar feed")  # as SQL's index
        feed = CalendarFeed(next(self._db.ids), walker_id, token_sha256, at)
        self._t.calendar_feeds[feed.id] = feed
        return feed

    def revoke(self, feed_id: int, at: datetime) -> None:
        feed = self._t.calendar_feeds[feed_id]
        if feed.live:
            self._t.calendar_feeds[feed_id] = replace(feed, revoked_at=at)

    def walker_of(self, token_sha256: str) -> int | None:
        feeds = self._t.calendar_feeds.values()
        return next((f.walker_id for f in feeds if f.live and f.token_sha256 == token_sha256), None)

    def plan_revision(self, walker_id: int) -> PlanRevision:
        since = self._t.walker_since[walker_id]
        logs = [log for log in self._t.logs.values() if log.walker_id == walker_id]
        mine = {log.id for log in logs}
        versions = [(v, undone) for v, undone in self._t.versions.values() if v.log_id in mine]
        profile = [c for c in self._t.profile_changes.values() if c.walker_id == walker_id]
        equipment = [at for owner, at in self._t.equipment_added.values() if owner == walker_id]
        undone = [at for _, at in versions if at is not None]
        times = [
            *(log.logged_at for log in logs),
            *(v.changed_at for v, _ in versions),
            *undone,
            *(c.at for c in profile),
            *equipment,
        ]
        changes = len(logs) + len(versions) + len(undone) + len(profile) + len(equipment)
        return PlanRevision(changes, max([since, *times]), since)
