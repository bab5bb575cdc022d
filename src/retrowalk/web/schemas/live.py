"""The live session: the server-built timeline the page plays, and what the page reports."""

from __future__ import annotations

from pydantic import Field

from retrowalk.coach.checkin import QUESTIONS
from retrowalk.coach.timeline import Event, EventKind, Timeline
from retrowalk.devices.alerts import Alert, alert
from retrowalk.domain.cues import Cue, belt_words, say
from retrowalk.domain.stop_reason import StopReason
from retrowalk.domain.units import Speed
from retrowalk.services.answers_file import CheckInAnswers
from retrowalk.services.commands import Command
from retrowalk.services.live_walk import LiveWalk
from retrowalk.services.log_session import Seq
from retrowalk.web.belt import BeltMode, BeltSetup
from retrowalk.web.schemas.common import DosePublic, Public, SpeedPublic

# The same bounds as `retrowalk go --time-scale`.
TIME_SCALE_MIN, TIME_SCALE_MAX = 0.1, 1000.0
# Fixed sentences the page needs outside any one event, from the cue catalogue.
PAGE_MESSAGES = (
    Cue.PAUSED,
    Cue.RESUMED,
    Cue.STOPPED,
    Cue.CHECK_IN,
    Cue.ASK_GO_ON,
    Cue.GOING_ON,
    Cue.CLIP_ON,
    Cue.BOTH_HANDS,
    Cue.CHECKLIST_CONFIRM,
    Cue.START_WALKING,
    Cue.LEFT_PAGE,
)
# The page is played on a touch screen as often as with a keyboard: its prompts say "tap Go on"
# where the terminal's say "press Enter" (Enter still works on the page).
ON_A_PAGE = {
    Cue.CHECKLIST_CONFIRM: Cue.CHECKLIST_CONFIRM_TAP,
    Cue.BELT_START: Cue.BELT_START_TAP,
    Cue.START_WALKING: Cue.START_WALKING_TAP,
    Cue.BELT_CHANGE_CONFIRM: Cue.BELT_CHANGE_CONFIRM_TAP,
    Cue.PAUSED: Cue.PAUSED_TAP,
    Cue.ASK_NOTES: Cue.ASK_NOTES_TAP,
}


def page_says(cue: Cue, **blanks: str) -> str:
    """The catalogue's sentence for `cue` as the live page shows and speaks it."""
    return say(ON_A_PAGE.get(cue, cue), **blanks).text


class EventPublic(Public):
    """One event at `at` seconds of session time. `prompt` is what the walker must do and
    confirm (Enter or the confirm button), and `waits` whether session time waits for it: the
    set-up checklist; each set start, unless the belt follows (with a treadmill that waits for
    the walker's start, the prompt asks for that tap); a speed step asks while time runs. The
    `by_hand_` pair is the same for a walker who sets the console, for when the treadmill stops
    following mid-walk."""

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
    by_hand_prompt: str | None
    by_hand_waits: bool


class SetPublic(Public):
    number: int
    start: float
    end: float


class QuestionPublic(Public):
    field: str
    text: str


class StopReasonPublic(Public):
    """An answer to "why did you stop?": `can_go_on` when the same session may go on."""

    value: str
    text: str
    can_go_on: bool


class TimelinePublic(Public):
    """Today's walk as the live page plays it. `belt_start` and `tap_to_start` are the prompts
    for starting the belt again after going on from a STOP, `{setting}` left to fill;
    `stop_reasons` the answers to "why did you stop?", asked first after an early STOP."""

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
    belt_waits_for_start: bool
    treadmill: str | None
    messages: dict[str, str]
    belt_start: str
    tap_to_start: str
    questions: list[QuestionPublic]
    stop_reasons: list[StopReasonPublic]

    @classmethod
    def of(
        cls, walker_id: int, live: LiveWalk, time_scale: float, setup: BeltSetup
    ) -> TimelinePublic:
        """`setup.mode`: whether the page sends the belt its settings, and asks the walker's tap
        to start it; `setup.treadmill`: the connected treadmill's name, whose alerts it polls."""
        timeline, mode = live.timeline, setup.mode
        return cls(
            walker_id=walker_id,
            seq=live.seq,
            label=live.walk.label,
            unit=timeline.unit.label,
            dose=DosePublic.of(timeline.dose),
            hands=timeline.dose.hands.describe(),
            sets=[SetPublic(number=w.number, start=w.start, end=w.end) for w in timeline.sets],
            events=[_event(timeline, e, mode) for e in timeline.events],
            walking_seconds=timeline.walking_seconds,
            end=timeline.end,
            time_scale=time_scale,
            belt_follows=mode is not BeltMode.BY_HAND,
            belt_waits_for_start=mode is BeltMode.WALKER_STARTS,
            treadmill=setup.treadmill,
            messages={cue.value: page_says(cue) for cue in PAGE_MESSAGES},
            belt_start=page_says(Cue.BELT_START, setting="{setting}"),
            tap_to_start=alert(Alert.TAP_TO_START, 0, setting="{setting}").text,
            questions=[QuestionPublic(field=q.field, text=page_says(q.cue)) for q in QUESTIONS],
            stop_reasons=[
                StopReasonPublic(value=r.value, text=r.describe(), can_go_on=r.can_go_on)
                for r in StopReason
            ],
        )


def _event(timeline: Timeline, event: Event, mode: BeltMode) -> EventPublic:
    words = None if event.speed is None else _words(timeline, event.speed)
    prompt, waits = _prompt(event, words, mode)
    by_hand_prompt, by_hand_waits = _prompt(event, words, BeltMode.BY_HAND)
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
        by_hand_prompt=by_hand_prompt,
        by_hand_waits=by_hand_waits,
    )


def _words(timeline: Timeline, speed: Speed) -> str:
    return belt_words(speed, timeline.unit, timeline.dose.incline_percent)


def _prompt(event: Event, words: str | None, mode: BeltMode) -> tuple[str | None, bool]:
    """The runner's prompts (coach/runner.py): what to confirm, and whether time waits."""
    if event.kind is EventKind.CHECKLIST:
        return page_says(Cue.CHECKLIST_CONFIRM), True
    if event.kind is EventKind.SET_START and mode is not BeltMode.FOLLOWS:
        if words is None:
            return page_says(Cue.START_WALKING), True
        if mode is BeltMode.WALKER_STARTS:
            return alert(Alert.TAP_TO_START, event.at, setting=words).text, True
        return page_says(Cue.BELT_START, setting=words), True
    if event.kind is EventKind.SPEED_STEP and words is not None and mode is BeltMode.BY_HAND:
        return page_says(Cue.BELT_CHANGE_CONFIRM, setting=words), False
    return None, False


class PauseIn(Command):
    at_seconds: float = Field(ge=0, le=86400)
    seconds: float = Field(ge=0, le=86400)


class CheckInCreate(CheckInAnswers):
    """The walker's answers, as the live page sends them (services/answers_file.py)."""


class WentOnIn(Command):
    """A STOP the walk went on from: at which second of session time, and why it stopped."""

    at_seconds: float = Field(ge=0, le=86400)
    reason: StopReason


class LiveStart(Command):
    """The live session the walker starts: the planned session the page plays; `going_on`
    when it goes on after a STOP (the treadmill held since, and its record, carry on)."""

    seq: Seq
    going_on: bool = False


class LiveSessionCreate(Command):
    """What the live page saw: the planned session it played (`seq`; a report of a session
    logged already is a 409), where session time ended, whether STOP ended it, the pauses, when
    the planned speed step was confirmed on the console, the STOPs the walk went on from (by
    mistake or after an interruption; their time stopped is among the pauses), and the
    walker's check-in."""

    seq: Seq
    ended_at_seconds: float = Field(ge=0, le=86400)
    stopped: bool
    pauses: tuple[PauseIn, ...] = Field(default=(), max_length=1000)
    step_confirmed_at_seconds: float | None = Field(default=None, ge=0, le=86400)
    went_on: tuple[WentOnIn, ...] = Field(default=(), max_length=100)
    check_in: CheckInCreate
