"""Small builders and in-memory ports for the coach's tests: a walk, a walker who does what the
coach asks, a walker's scripted check-in, a treadmill that sets itself, and a connected
treadmill that starts only on the walker's own start."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.checkin import CheckIn
from retrowalk.coach.clock import SimulatedClock
from retrowalk.coach.connected import BeltAlert, BeltAnswer, Pulse, Took
from retrowalk.coach.inbox import Inbox, WalkerCommand
from retrowalk.coach.speech import Transcript
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.cues import Cue, Message, MessageKind, belt_words
from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.stop_reason import StopReason
from retrowalk.domain.treadmill_record import DeviceTrace
from retrowalk.domain.units import Speed, SpeedUnit
from tests.factories import treadmill


def walk(
    minutes: float = 10.0,
    sets: tuple[float, ...] = (5.0, 5.0),
    speed: float | None = 0.7,
    previous: float | None = None,
    rest: float = 1.0,
    hands: HandSupport = HandSupport.BOTH,
    incline: float = 0.0,
    ceiling: float = 2.0,
) -> TodaysWalk:
    return TodaysWalk(
        dose=Dose(minutes, hands, None if speed is None else Speed.mph(speed), incline),
        sets=sets,
        rest_minutes=rest,
        unit=SpeedUnit.MPH,
        previous_speed=None if previous is None else Speed.mph(previous),
        treadmill=None if speed is None else treadmill(),
        speed_ceiling=None if speed is None else Speed.mph(ceiling),
    )


class ObedientWalker(Transcript):
    """A voice with a walker behind it: hears every message and presses Enter at each prompt."""

    def __init__(self) -> None:
        super().__init__()
        self.inbox: Inbox | None = None

    def say(self, message: Message) -> None:
        super().say(message)
        if message.kind is MessageKind.PROMPT and self.inbox is not None:
            self.inbox.post(WalkerCommand.CONFIRM)


@dataclass
class SelfSettingBelt:
    """A connected treadmill: it takes every setting itself and keeps a list of them."""

    settings: list[BeltSetting] = field(default_factory=list)
    walker_confirms: bool = False

    def apply(self, setting: BeltSetting) -> bool:
        self.settings.append(setting)
        return True


@dataclass
class ArmingTreadmill:
    """A connected treadmill in memory (coach/connected.py's port) that the app controls: a
    moving setting for a stopped belt is only armed, and the walker's `start` starts it. It notes
    the clock time of each start and of each setting it was handed."""

    clock: SimulatedClock
    running: bool = False
    armed: BeltSetting | None = None
    starts: list[float] = field(default_factory=list)
    settings: list[tuple[float, BeltSetting]] = field(default_factory=list)

    def apply(self, setting: BeltSetting) -> BeltAnswer:
        self.settings.append((self.clock.now(), setting))
        if not setting.moving:
            self.running, self.armed = False, None
            return BeltAnswer(Took.APPLIED)
        if self.running:
            return BeltAnswer(Took.APPLIED)
        self.armed = setting
        assert setting.speed is not None
        words = belt_words(setting.speed, SpeedUnit.MPH, setting.incline_percent)
        return BeltAnswer(Took.ARMED, Message(Cue.BELT_START, f"Enter starts the belt at {words}."))

    def start(self) -> bool:
        if self.armed is not None:
            self.running, self.armed = True, None
            self.starts.append(self.clock.now())
        return True

    def listen(self, on_alert: Callable[[BeltAlert], None]) -> None:
        return None

    def urgent(self) -> Message | None:
        return None

    def pulse(self) -> Pulse | None:
        return None

    def begin(self) -> None:
        return None

    def trace(self) -> DeviceTrace:
        return DeviceTrace()


ANSWERED = CheckIn(1, False, 4, HandSupport.BOTH, False, "", True, False, False, False)


@dataclass
class ScriptedCheckIn:
    """A walker's answers, in order, and the questions they were asked. Going on takes them
    `away` seconds on the session's clock (an interruption)."""

    clock: SimulatedClock
    reasons: list[StopReason | None] = field(default_factory=list)
    going_on: list[bool] = field(default_factory=list)
    answers: CheckIn = ANSWERED
    away: float = 0.0
    asked: list[str] = field(default_factory=list)

    def why_stopped(self) -> StopReason | None:
        self.asked.append("why")
        return self.reasons.pop(0)

    def go_on(self) -> bool:
        self.asked.append("go on")
        self.clock.sleep_until(self.clock.now() + self.away)
        return self.going_on.pop(0)

    def ask(self, planned_hands: HandSupport, stop_reason: StopReason | None = None) -> CheckIn:
        self.asked.append("check-in")
        return self.answers.after_stop(stop_reason)
