"""What the store keeps for the calendar feed, as the services see it: a walker's feed (never its
token, only the token's SHA-256) and the facts about stored data a calendar's SEQUENCE and
DTSTAMP are derived from (services/plan_calendar.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class CalendarFeed:
    """A walker's subscribable calendar link; live until `revoked_at`."""

    id: int
    walker_id: int
    token_sha256: str
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def live(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True, slots=True)
class PlanRevision:
    """How many stored changes could have changed the walker's plan, and when the latest was.

    `changes` counts rows that are only ever added or stamped, never taken away: logged
    sessions, edits and deletes of them, undos of those, changes of profile (a clinician's
    clearance included) and pieces of equipment. So it only grows, and grows with every write
    that re-plans. `last_change` is the latest of their times (and of the walker's onboarding,
    `since`). Times are UTC without tzinfo, as the store keeps them."""

    changes: int
    last_change: datetime
    since: datetime
