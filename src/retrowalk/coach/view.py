"""A snapshot of the running session, for a face to draw."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from retrowalk.coach.connected import Pulse as Pulse  # shown in the view; a belt port reads it
from retrowalk.coach.timeline import Timeline
from retrowalk.domain.cues import Message
from retrowalk.domain.dose import HandSupport
from retrowalk.domain.units import Speed, SpeedUnit


class RunState(StrEnum):
    SETTING_UP = "setting_up"
    WAITING = "waiting"
    WALKING = "walking"
    RESTING = "resting"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class RunnerView:
    """`remaining` is the countdown of the current set or rest, in seconds; `speed` is what the
    belt runs at, `pending_speed` a change the walker has still to make on the console."""

    state: RunState
    set_number: int | None
    set_count: int
    remaining: float
    walked: float
    speed: Speed | None
    pending_speed: Speed | None
    incline_percent: float
    has_belt: bool
    hands: HandSupport
    unit: SpeedUnit
    said: Message | None
    prompt: Message | None
    coming_up: Message | None
    checklist: tuple[Message, ...] = ()
    pulse: Pulse | None = None  # shown when a strap is worn or the treadmill relays a pulse


def countdown(timeline: Timeline, now: float, waiting: bool) -> tuple[int | None, float]:
    """The set being walked (or waited for) and the seconds left in it; during a rest, no set
    and the seconds left in the rest."""
    window = timeline.set_at(now)
    if window is not None:
        return window.number, window.end - now
    upcoming = timeline.next_set_after(now)
    if upcoming is None:
        return None, 0.0
    if waiting:
        return upcoming.number, upcoming.seconds
    return None, upcoming.start - now
