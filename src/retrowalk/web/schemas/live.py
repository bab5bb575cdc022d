"""The live session: the server-built timeline the page plays, and what the page reports."""

from __future__ import annotations

from pydantic import Field

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.checkin import QUESTIONS
from retrowalk.coach.timeline import Event, EventKind, Timeline
from retrowalk.domain.cues import Cue, belt_words, say
from retrowalk.domain.dose import HandSupport
from retrowalk.domain.errors import InputError
from retrowalk.domain.units import Speed
from retrowalk.services.commands import Command
from retrowalk.services.scenario import Pain
from retrowalk.web.live_walk import LiveWalk
from retrowalk.web.schemas.common import DosePublic, Public, SpeedPublic

# The same bounds as `retrowalk go --time-scale`.
TIME_SCALE_MIN, TIME_SCALE_MAX = 0.1, 1000.0
# Fixed sentences the page needs outside any one event, from the cue catalogue.
PAGE_MESSAGES = (Cue.PAUSED, Cue.RESUMED, Cue.STOPPED, Cue.CHECK_IN)


class EventPublic(Public):
    """One event at `at` seconds of session time. `prompt` is what the walker must do and
    confirm (Enter or the confirm button) before session time goes on: the set-up checklist
    and, without a connected treadmill, each set start; a speed step asks while time runs."""

    at: float
    kind: str
    cue: str
    text: str
    set_number: int | None
    speed: SpeedPublic | None
    speed_text: str | None
    details: list[str]
    preview: str | None
    prompt: str | None
    waits: bool


class SetPublic(Public):
    number: int
    start: float
    end: float


class QuestionPublic(Public):
    field: str
    text: str


class TimelinePublic(Public):
    walker_id: int
    seq: int
    label: str
    unit: str
    dose: DosePublic
    hands: str
    sets: list[SetPublic]
    events: list[EventPublic]
    walking_seconds: float
    end: float
    time_scale: float
    belt_follows: bool
    messages: dict[str, str]
    questions: list[QuestionPublic]

    @classmethod
    def of(
        cls, walker_id: int, live: LiveWalk, time_scale: float, belt_follows: bool
    ) -> TimelinePublic:
        timeline = live.timeline
        return cls(
            walker_id=walker_id,
            seq=live.seq,
            label=live.walk.label,
            unit=timeline.unit.label,
            dose=DosePublic.of(timeline.dose),
            hands=timeline.dose.hands.describe(),
            sets=[SetPublic(number=w.number, start=w.start, end=w.end) for w in timeline.sets],
            events=[_event(timeline, e, belt_follows) for e in timeline.events],
            walking_seconds=timeline.walking_seconds,
            end=timeline.end,
            time_scale=time_scale,
            belt_follows=belt_follows,
            messages={cue.value: say(cue).text for cue in PAGE_MESSAGES},
            questions=[QuestionPublic(field=q.field, text=say(q.cue).text) for q in QUESTIONS],
        )


def _event(timeline: Timeline, event: Event, belt_follows: bool) -> EventPublic:
    words = None if event.speed is None else _words(timeline, event.speed)
    prompt, waits = _prompt(event, words, belt_follows)
    return EventPublic(
        at=event.at,
        kind=event.kind.value,
        cue=event.message.cue.value,
        text=event.message.text,
        set_number=event.set_number,
        speed=SpeedPublic.of(event.speed),
        speed_text=words,
        details=[item.text for item in event.details],
        preview=None if event.preview is None else event.preview.text,
        prompt=prompt,
        waits=waits,
    )


def _words(timeline: Timeline, speed: Speed) -> str:
    return belt_words(speed, timeline.unit, timeline.dose.incline_percent)


def _prompt(event: Event, words: str | None, belt_follows: bool) -> tuple[str | None, bool]:
    """The runner's prompts (coach/runner.py): what to confirm, and whether time waits."""
    if event.kind is EventKind.CHECKLIST:
        return say(Cue.CHECKLIST_CONFIRM).text, True
    if event.kind is EventKind.SET_START and not belt_follows:
        if words is None:
            return say(Cue.START_WALKING).text, True
        return say(Cue.BELT_START, setting=words).text, True
    if event.kind is EventKind.SPEED_STEP and words is not None and not belt_follows:
        return say(Cue.BELT_CHANGE_CONFIRM, setting=words).text, False
    return None, False


class PauseIn(Command):
    at_seconds: float = Field(ge=0, le=86400)
    seconds: float = Field(ge=0, le=86400)


class CheckInCreate(Command):
    pain_during: Pain
    sharp_pain: bool
    rpe: int = Field(ge=0, le=10)
    hands_used: HandSupport | None = None
    stable_without_hands: bool = False
    notes: str = Field(default="", max_length=4000)


class LiveSessionCreate(Command):
    """What the live page saw: the planned session it played (`seq`), where session time ended,
    whether STOP ended it, the pauses, when the planned speed step was confirmed on the console,
    and the walker's check-in."""

    seq: int = Field(ge=0, le=2**31 - 1)
    ended_at_seconds: float = Field(ge=0, le=86400)
    stopped: bool
    pauses: tuple[PauseIn, ...] = Field(default=(), max_length=1000)
    step_confirmed_at_seconds: float | None = Field(default=None, ge=0, le=86400)
    check_in: CheckInCreate


class BeltUpdate(Command):
    """A belt setting: moving at a speed (mph or km/h) and incline, or stopped."""

    moving: bool
    speed_mph: float | None = Field(default=None, gt=0, le=25)
    speed_kmh: float | None = Field(default=None, gt=0, le=40)
    incline_percent: float = Field(default=0.0, ge=0, le=40)

    def setting(self) -> BeltSetting:
        if not self.moving:
            return BeltSetting(None, moving=False)
        if self.speed_mph is not None and self.speed_kmh is not None:
            raise InputError("speed_kmh", self.speed_kmh, "give speed_mph or speed_kmh, not both")
        speed = None
        if self.speed_mph is not None:
            speed = Speed.mph(self.speed_mph)
        elif self.speed_kmh is not None:
            speed = Speed.kmh(self.speed_kmh)
        return BeltSetting(speed, self.incline_percent)


class BeltPublic(Public):
    applied: bool
    follows: bool
