"""Planned sessions as an iCalendar document (RFC 5545), written with the icalendar library.

One all-day event per planned walk (`DTSTART;VALUE=DATE`, `DTEND` the next day, exclusive): the
plan gives a day, never an hour, and the walker chooses when. No event for a day without a walk
(rest days are not sessions at all; a session the engine pauses has no walk). Each event is
`TRANSP:TRANSPARENT`, so it never shows the walker as busy.

What an event says is the plan and nothing else: the dose in the walker's units (the engine's
own words, domain/reasons.describe_dose), the sets and rests, and on a treadmill the set-up the
live coach reads before a walk (domain/cues.setup_checklist). Never a pain score, a condition, a
protocol's name, the reasons for a decision (they quote pain) nor the walker's name.

UIDs, SEQUENCE and DTSTAMP come from the caller (services/plan_calendar.py says how they are
derived); the same input gives the same bytes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol

from icalendar import TRANSP, Calendar, Event, vDuration

from retrowalk.domain.cues import Cue, say, sets_words, setup_checklist
from retrowalk.domain.equipment import Deadmill, ManualTreadmill, MotorizedTreadmill
from retrowalk.domain.plan import PlannedSession
from retrowalk.domain.programme import Programme
from retrowalk.domain.reasons import describe_dose, sentence

PRODID = "-//retrowalk//Backward walking plan//EN"
CALENDAR_NAME = "Backward walking (retrowalk)"
CALENDAR_DESCRIPTION = (
    "The walks ahead in your retrowalk plan. Each day's dose is decided from how the walks "
    "before it went, so these events change as you log your walks."
)
UID_DOMAIN = "retrowalk"
SUMMARY_START = "Backward walk"
# How often a subscribed calendar should fetch the feed again (RFC 7986 REFRESH-INTERVAL, and
# X-PUBLISHED-TTL, which Apple's and Microsoft's calendars read).
REFRESH = timedelta(hours=6)
ONE_DAY = timedelta(days=1)
MEDIA_TYPE = "text/calendar; charset=utf-8"


class CalendarSource(Protocol):
    """What a calendar is written from (services/plan_calendar.CalendarPlan has this shape)."""

    @property
    def programme(self) -> Programme: ...

    @property
    def sessions(self) -> tuple[PlannedSession, ...]: ...

    @property
    def uid_prefix(self) -> str: ...

    @property
    def sequence(self) -> int: ...

    @property
    def stamp(self) -> datetime:
        """UTC, without tzinfo (as the store keeps times)."""
        ...


def plan_calendar(plan: CalendarSource) -> bytes:
    """The iCalendar document, as bytes (UTF-8, CRLF line ends, folded at 75 octets)."""
    calendar = Calendar.new(
        prodid=PRODID,
        uid=f"{plan.uid_prefix}-plan@{UID_DOMAIN}",
        name=CALENDAR_NAME,
        description=CALENDAR_DESCRIPTION,
    )
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    for session in plan.sessions:
        if session.decision.walk:
            calendar.add_component(_event(plan, session))
    document: bytes = calendar.to_ical()
    return document


def session_uid(uid_prefix: str, seq: int) -> str:
    return f"{uid_prefix}-session-{seq}@{UID_DOMAIN}"


def _event(plan: CalendarSource, session: PlannedSession) -> Event:
    dose = describe_dose(plan.programme, session.decision.dose)
    return Event.new(
        uid=session_uid(plan.uid_prefix, session.index),
        start=session.on,
        end=session.on + ONE_DAY,
        stamp=plan.stamp.replace(tzinfo=UTC),
        sequence=plan.sequence,
        summary=f"{SUMMARY_START}: {dose}",
        description=_description(plan.programme, session),
        transparency=TRANSP.TRANSPARENT,
    )


def _description(p: Programme, session: PlannedSession) -> str:
    parts = [sentence(describe_dose(p, session.decision.dose)), sentence(_sets(session))]
    checklist = _checklist(p)
    if checklist:
        parts.append("\n".join(checklist))
    number = session.index + 1
    parts.append(f"Session {number} of your plan (week {session.week}).")
    return "\n\n".join(parts)


def _sets(session: PlannedSession) -> str:
    return sets_words(session.sets, session.rest_minutes)


def _checklist(p: Programme) -> list[str]:
    """The live coach's set-up for this equipment: a treadmill's, none for a sled or a road."""
    kit = p.equipment
    if isinstance(kit, MotorizedTreadmill):
        slowest: str | None = kit.minimum_speed.describe(p.walker.units.speed_unit)
    elif isinstance(kit, Deadmill | ManualTreadmill):
        slowest = None
    else:
        return []
    items = [f"- {message.text}" for message in setup_checklist(slowest)]
    return [say(Cue.CHECKLIST_INTRO).text, *items]
