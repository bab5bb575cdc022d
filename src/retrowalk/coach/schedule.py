"""Build a session's timeline from today's walk (pure: the same walk gives the same timeline).

Within each set the announcements come first (start, speed step, halfway, last thirty seconds);
form cues then fill the quiet stretches between them, one every `FORM_CUE_EVERY` seconds and
never closer than `QUIET_AROUND` seconds to an announcement. The cues rotate through a deck of
distinct cues, so the same cue never comes twice in a row.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from retrowalk.coach.timeline import Event, EventKind, SetWindow, Timeline
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.cues import (
    Cue,
    Message,
    belt_words,
    duration_words,
    form_cues,
    say,
    setup_checklist,
)
from retrowalk.domain.dose import Dose
from retrowalk.domain.errors import InputError
from retrowalk.domain.units import Speed, SpeedUnit

# A cue every 40 s keeps the walker company without talking over their concentration.
FORM_CUE_EVERY = 40.0
# Announcements need room to be heard: nothing else is said this close to one.
QUIET_AROUND = 12.0
LAST_STRETCH = 30.0
# After a speed increase the first set opens at the old speed: 40 % of the set, at most two
# minutes (PROTOCOL.md §5 asks for a plateau of a few minutes at each new speed, which the rest
# of the session gives). Sets shorter than a minute start at the new speed.
OLD_SPEED_SHARE = 0.4
OLD_SPEED_AT_MOST = 120.0
STEP_NEEDS_SET_OF = 60.0


def build_timeline(walk: TodaysWalk) -> Timeline:
    _check_sets_make_the_dose(walk)
    windows = _windows(walk.sets, walk.rest_minutes)
    deck = itertools.cycle(form_cues(walk.dose.hands, walk.dose.incline_percent > 0))
    events = [_checklist(walk)]
    for window in windows:
        announcements = _announcements(walk, window, len(windows))
        events += announcements
        events += _form_cues(window, [e.at for e in announcements], deck)
        events += _set_end(walk, window, windows)
    events.append(Event(windows[-1].end, EventKind.CHECK_IN, say(Cue.CHECK_IN)))
    ordered = tuple(sorted(events, key=lambda event: event.at))
    return Timeline(walk.dose, walk.unit, ordered, tuple(windows))


def _check_sets_make_the_dose(walk: TodaysWalk) -> None:
    if not walk.sets or any(minutes <= 0 for minutes in walk.sets):
        raise InputError("sets", list(walk.sets), "give one or more sets of positive minutes")
    if abs(sum(walk.sets) - walk.dose.minutes) > 1e-6:
        allowed = f"the sets must add up to the dose's {walk.dose.minutes} minutes"
        raise InputError("sets", list(walk.sets), allowed)
    if walk.rest_minutes < 0:
        raise InputError("rest_minutes", walk.rest_minutes, "give zero or more minutes")


def _windows(sets: tuple[float, ...], rest_minutes: float) -> list[SetWindow]:
    windows, start = [], 0.0
    for number, minutes in enumerate(sets, start=1):
        windows.append(SetWindow(number, start, start + minutes * 60))
        start += (minutes + rest_minutes) * 60
    return windows


def _checklist(walk: TodaysWalk) -> Event:
    treadmill = walk.treadmill
    slowest = None if treadmill is None else treadmill.minimum_speed.describe(walk.unit)
    items = setup_checklist(slowest)
    return Event(0.0, EventKind.CHECKLIST, say(Cue.CHECKLIST_INTRO), details=items)


@dataclass(frozen=True, slots=True)
class SpeedStep:
    """Today's higher speed taking over `offset` seconds into the first set."""

    offset: float
    old: Speed
    new: Speed


def speed_step_in(walk: TodaysWalk, window: SetWindow) -> SpeedStep | None:
    old, new = walk.previous_speed, walk.dose.speed
    if window.number != 1 or old is None or new is None or not old < new:
        return None
    if window.seconds < STEP_NEEDS_SET_OF:
        return None
    return SpeedStep(min(OLD_SPEED_AT_MOST, OLD_SPEED_SHARE * window.seconds), old, new)


def _announcements(walk: TodaysWalk, window: SetWindow, count: int) -> list[Event]:
    """The set's announcements in order; halfway and last-thirty give way when crowded."""
    step = speed_step_in(walk, window)
    opening_speed = walk.dose.speed if step is None else step.old
    kept = [_set_start(walk, window, count, opening_speed)]
    if step is not None:
        kept.append(_speed_step(walk, window.start + step.offset, step))
    optional = [
        (window.start + window.seconds / 2, EventKind.HALFWAY, Cue.HALFWAY),
        (window.end - LAST_STRETCH, EventKind.LAST_THIRTY, Cue.LAST_THIRTY),
    ]
    for at, kind, cue in optional:
        if at - kept[-1].at >= QUIET_AROUND and window.end - at >= QUIET_AROUND:
            kept.append(Event(at, kind, say(cue), window.number))
    return kept


def _set_start(walk: TodaysWalk, window: SetWindow, count: int, speed: Speed | None) -> Event:
    message = set_start_message(walk.dose, walk.unit, window, count, speed)
    minutes = duration_words(window.seconds / 60)
    preview = say(Cue.NEXT_SET, number=str(window.number), count=str(count), minutes=minutes)
    return Event(window.start, EventKind.SET_START, message, window.number, speed, (), preview)


def set_start_message(
    dose: Dose, unit: SpeedUnit, window: SetWindow, count: int, speed: Speed | None
) -> Message:
    """'Set 1 of 2: 5 minutes at 0.6 mph, both hands on the rails.'"""
    minutes = duration_words(window.seconds / 60)
    blanks = {"number": str(window.number), "count": str(count), "minutes": minutes}
    if speed is None:
        return say(Cue.SET_START_OWN_PACE, hands=dose.hands.describe(), **blanks)
    shown = belt_words(speed, unit, dose.incline_percent)
    return say(Cue.SET_START, speed=shown, hands=dose.hands.describe(), **blanks)


def _speed_step(walk: TodaysWalk, at: float, step: SpeedStep) -> Event:
    words = {"old": step.old.describe(walk.unit), "new": step.new.describe(walk.unit)}
    preview = say(Cue.NEXT_SPEED_STEP, speed=words["new"])
    return Event(at, EventKind.SPEED_STEP, say(Cue.SPEED_STEP, **words), 1, step.new, (), preview)


def _form_cues(window: SetWindow, anchors: list[float], deck: Iterator[Cue]) -> list[Event]:
    """Cues every FORM_CUE_EVERY seconds after each announcement, clear of the next one."""
    events = []
    bounds = [*sorted(anchors), window.end]
    for after, before in itertools.pairwise(bounds):
        at = after + FORM_CUE_EVERY
        while at <= before - QUIET_AROUND:
            events.append(Event(at, EventKind.FORM_CUE, say(next(deck)), window.number))
            at += FORM_CUE_EVERY
    return events


def _set_end(walk: TodaysWalk, window: SetWindow, windows: list[SetWindow]) -> list[Event]:
    if window.number == len(windows):
        walked = duration_words(walk.dose.minutes)
        preview = say(Cue.NEXT_CHECK_IN)
        done = say(Cue.DONE, walked=walked)
        return [Event(window.end, EventKind.DONE, done, None, None, (), preview)]
    if walk.rest_minutes <= 0:
        return []
    rest = duration_words(walk.rest_minutes)
    then = {"number": str(window.number + 1), "count": str(len(windows))}
    preview = say(Cue.NEXT_REST, rest=rest, **then)
    message = say(Cue.REST, number=str(window.number), rest=rest)
    return [Event(window.end, EventKind.REST, message, window.number, None, (), preview)]
