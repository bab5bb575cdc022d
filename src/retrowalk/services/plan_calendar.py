"""The plan as a calendar: the walks ahead (services/plan_ahead.py, each taken to go as
prescribed and free of pain) and what a calendar needs to keep its copy of them up to date.
Reads only: fetching a calendar never writes, so what changes between fetches is derived from
stored data and the date.

- **UIDs** name the walker and the session's number in the plan (`seq`), which a session keeps
  from the day it is first planned until it is walked: a calendar that fetches the plan again
  updates its events instead of adding new ones. The walker's onboarding time is in the UID,
  so a walker onboarded afresh (a new database) never reuses an old calendar's UIDs.
- **SEQUENCE** is `changes × 1000 + days slid`: `changes` counts the stored rows that re-plan
  (services/calendar_records.PlanRevision: it only grows, and grows on every log, edit,
  delete, undo, change of profile or equipment); `days slid` is how many days the session
  still to walk has moved past its planned date because nobody walked it (the sessions ahead
  move with it). A store write makes the first part grow by at least 1000, more than the
  second part can fall, so SEQUENCE never goes down and goes up whenever the plan can have
  changed. (After 999 days slid in a row it stops growing until the next write.)
- **DTSTAMP** is the time of the latest of those stored changes, or the start of today when
  the sessions slid today.

The revision is read before the plan: if a write lands between the two reads, the calendar
gets the newer plan with the older SEQUENCE, and the next fetch a higher one. The other order
could pair an old plan with a new SEQUENCE, and a calendar would then keep the old plan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, time

from retrowalk.domain.errors import InputError
from retrowalk.domain.plan import PlannedSession
from retrowalk.domain.programme import Programme
from retrowalk.domain.units import UnitSystem
from retrowalk.services.clock import Clock
from retrowalk.services.plan_ahead import Assume, plan_ahead
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.walker_plan import programme_of, require_walker

FEWEST_WEEKS, MOST_WEEKS = 1, 26
# How far ahead the subscribed feed looks: far enough to plan around, near enough to be likely.
FEED_WEEKS = 8
SEQUENCE_PER_CHANGE = 1000


@dataclass(frozen=True, slots=True)
class CalendarPlan:
    """What formats/plan_calendar.py writes a calendar from. `programme` words the doses (in
    its walker's units) and chooses the set-up checklist."""

    programme: Programme
    sessions: tuple[PlannedSession, ...]
    uid_prefix: str
    sequence: int
    stamp: datetime


def calendar_plan(
    walker_id: int,
    weeks: int,
    new_uow: Callable[[], UnitOfWork],
    clock: Clock,
    units: UnitSystem | None = None,
) -> CalendarPlan:
    """The next `weeks` weeks (FEWEST_WEEKS to MOST_WEEKS) of the walker's plan; no sessions
    while a red flag stands. `units`: the units to word doses in (default: the walker's)."""
    check_weeks(weeks)
    today = clock.today()
    with new_uow().reading() as uow:
        walker = require_walker(uow, walker_id)
        revision = uow.calendar_feeds.plan_revision(walker.id)
        pending = uow.sessions.latest_planned(walker.id)
    ahead = plan_ahead(walker.id, weeks, new_uow(), clock, Assume.WELL)
    slid = 0 if pending is None else max(0, (today - pending.on).days)
    stamp = revision.last_change
    if slid > 0:
        stamp = max(stamp, datetime.combine(today, time()))
    programme = programme_of(walker)
    if units is not None:
        programme = replace(programme, walker=replace(programme.walker, units=units))
    return CalendarPlan(
        programme=programme,
        sessions=ahead.preview.sessions,
        uid_prefix=f"walker-{walker.id}-{revision.since:%Y%m%dT%H%M%S}",
        sequence=revision.changes * SEQUENCE_PER_CHANGE + min(slid, SEQUENCE_PER_CHANGE - 1),
        stamp=stamp,
    )


def check_weeks(weeks: int) -> None:
    if not FEWEST_WEEKS <= weeks <= MOST_WEEKS:
        raise InputError(
            "weeks", weeks, f"give a whole number of weeks from {FEWEST_WEEKS} to {MOST_WEEKS}"
        )
