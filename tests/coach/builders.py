"""Small builders and in-memory ports for the coach's tests: a walk, a walker who does what the
coach asks, and a treadmill that sets itself."""

from __future__ import annotations

from dataclasses import dataclass, field

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.inbox import Inbox, WalkerCommand
from retrowalk.coach.speech import Transcript
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.cues import Message, MessageKind
from retrowalk.domain.dose import Dose, HandSupport
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
