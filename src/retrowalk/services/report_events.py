"""Flags, stops and notes for the therapist's report: the screening flags standing, walks stopped
early, sharp pain, knee symptoms, pain above the limit, stops and clearances, and the walker's
own notes (the latest ones when there are many)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from retrowalk.domain.programme import Programme
from retrowalk.domain.screening import FlagLevel
from retrowalk.services.records import (
    LoggedSession,
    ProfileChange,
    ProfileChangeKind,
    StoredPlannedSession,
    StoredWalker,
)

# The latest notes listed; older ones are counted (they are all in the history).
MOST_NOTES = 20
# The latest events listed; older ones are counted.
MOST_EVENTS = 40


@dataclass(frozen=True, slots=True)
class Event:
    on: date
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Note:
    on: date
    text: str


def notes_of(logged: Sequence[LoggedSession]) -> tuple[tuple[Note, ...], int]:
    notes = [Note(s.on, s.entry.notes.strip()) for s in logged if s.entry.notes.strip()]
    return tuple(notes[-MOST_NOTES:]), max(0, len(notes) - MOST_NOTES)


def events_of(
    p: Programme,
    walker: StoredWalker,
    logged: Sequence[LoggedSession],
    changes: Sequence[ProfileChange],
    pending: StoredPlannedSession | None,
    first: date,
    last: date,
) -> tuple[Event, ...]:
    events = [_flag(walker, flag.level, flag.message) for flag in walker.flags]
    for session in logged:
        events += _session_events(p, session)
    for change in changes:
        if first <= change.at.date() <= last:
            events += _change_events(change)
    if pending is not None and not pending.decision.walk:
        events.append(Event(pending.on, "stop", " ".join(pending.decision.reasons)))
    events.sort(key=lambda e: e.on)
    return tuple(events[-MOST_EVENTS:])


def _flag(walker: StoredWalker, level: FlagLevel, message: str) -> Event:
    kind = "red flag" if level is FlagLevel.RED else "yellow flag"
    return Event(walker.screened_on, kind, message)


def _session_events(p: Programme, session: LoggedSession) -> list[Event]:
    entry, on = session.entry, session.on
    outcome, limit = entry.outcome, p.protocol.pain.acceptable_max
    found = []
    if not session.prescribed.walk:
        found.append(Event(on, "stop", " ".join(session.prescribed.reasons)))
    if entry.stop_reason is not None:
        found.append(Event(on, "stopped early", f"Walk stopped: {entry.stop_reason.describe()}."))
    if outcome.sharp_pain:
        found.append(Event(on, "sharp pain", "Sharp pain reported during the walk."))
    symptoms = [
        name
        for name, said in (
            ("swelling", outcome.swelling),
            ("locking", outcome.locking),
            ("giving way", outcome.giving_way),
        )
        if said
    ]
    if symptoms:
        found.append(Event(on, "knee symptoms", f"Reported: {', '.join(symptoms)}."))
    over = [
        f"{pain}/10 {when}"
        for when, pain in (
            ("during", outcome.pain_during),
            ("after", outcome.pain_after),
            ("next morning", outcome.pain_next_morning),
        )
        if pain is not None and pain > limit
    ]
    if over:
        found.append(Event(on, "pain above limit", f"Pain {', '.join(over)} (limit {limit}/10)."))
    return found


def _change_events(change: ProfileChange) -> list[Event]:
    on = change.at.date()
    if change.kind is ProfileChangeKind.CLEARANCE and change.clearance is not None:
        who = change.clearance.clinician or "a clinician"
        said = f" “{change.clearance.notes}”" if change.clearance.notes else ""
        return [Event(change.clearance.on, "clearance", f"Cleared by {who}.{said}")]
    if not change.cleared_to_walk:
        reds = " ".join(f.message for f in change.flags if f.level is FlagLevel.RED)
        return [Event(on, "stop", f"Answers changed; screening stopped the plan: {reds}")]
    return []
