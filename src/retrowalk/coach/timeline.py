"""A session's timeline: every event at its second of session time, and the sets' windows.

Session time runs from the moment the first set starts and stands still while the walker
pauses or while the coach waits for them, so the events keep their places whatever happens.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from retrowalk.domain.cues import Message
from retrowalk.domain.dose import Dose
from retrowalk.domain.units import Speed, SpeedUnit


class EventKind(StrEnum):
    CHECKLIST = "checklist"
    SET_START = "set_start"
    SPEED_STEP = "speed_step"
    FORM_CUE = "form_cue"
    HALFWAY = "halfway"
    LAST_THIRTY = "last_thirty"
    REST = "rest"
    DONE = "done"
    CHECK_IN = "check_in"


ANNOUNCEMENTS = frozenset(
    {
        EventKind.SET_START,
        EventKind.SPEED_STEP,
        EventKind.HALFWAY,
        EventKind.LAST_THIRTY,
        EventKind.REST,
        EventKind.DONE,
    }
)


@dataclass(frozen=True, slots=True)
class Event:
    """One thing the coach does at `at` seconds of session time.

    `speed` is the belt speed a set start or a speed step asks for; `details` are the items of
    the set-up checklist; `preview` is how the face names this event under "what comes next".
    """

    at: float
    kind: EventKind
    message: Message
    set_number: int | None = None
    speed: Speed | None = None
    details: tuple[Message, ...] = ()
    preview: Message | None = None


@dataclass(frozen=True, slots=True)
class SetWindow:
    number: int
    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start

    def walked_by(self, moment: float) -> float:
        """Seconds of this set walked when session time reaches `moment`."""
        return max(0.0, min(self.end, moment) - self.start)


@dataclass(frozen=True, slots=True)
class Timeline:
    dose: Dose
    unit: SpeedUnit
    events: tuple[Event, ...]
    sets: tuple[SetWindow, ...]

    @property
    def walking_seconds(self) -> float:
        return sum(window.seconds for window in self.sets)

    @property
    def end(self) -> float:
        return self.sets[-1].end if self.sets else 0.0

    def walked_seconds(self, moment: float) -> float:
        return sum(window.walked_by(moment) for window in self.sets)

    def set_at(self, moment: float) -> SetWindow | None:
        """The set being walked at `moment`, or None during a rest or outside the sets."""
        return next((w for w in self.sets if w.start <= moment < w.end), None)

    def next_set_after(self, moment: float) -> SetWindow | None:
        return next((w for w in self.sets if w.start >= moment), None)

    def coming_up(self, moment: float) -> Message | None:
        """The preview of the next milestone after `moment` (a speed step, a rest, the end)."""
        return next((e.preview for e in self.events if e.at > moment and e.preview), None)
