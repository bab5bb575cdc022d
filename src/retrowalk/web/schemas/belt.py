"""The treadmill during the live session: a setting asked for, the walker's start, and what the
treadmill says (the belt as it reports it and the device's alerts)."""

from __future__ import annotations

from pydantic import Field

from retrowalk.coach.belt import BeltSetting
from retrowalk.domain.errors import InputError
from retrowalk.domain.units import Speed, SpeedUnit
from retrowalk.services.commands import Command
from retrowalk.web.belt import BeltMode, BeltNews, Told
from retrowalk.web.schemas.common import Public, SpeedPublic


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


class BeltStartPublic(Public):
    """`going`: the walker's start went through and the walk goes on; false keeps the page
    waiting (the treadmill's alerts say why). `mode`: how the belt takes part from now on."""

    going: bool
    mode: BeltMode


class AlertPublic(Public):
    number: int
    alert: str
    text: str
    ends_walk: bool

    @classmethod
    def of(cls, told: Told) -> AlertPublic:
        return cls(number=told.number, alert=told.alert, text=told.text, ends_walk=told.ends_walk)


class BeltNewsPublic(Public):
    """The treadmill now: `connected` while its link is up; `speed` as the belt reports it;
    `alerts` after the number asked for, each to show and speak, those with `ends_walk` ending
    the walk where it stands; `urgent` stays set while its danger lasts (a lost link); `pulse`
    when a strap is worn or the treadmill relays one, `heart_rate` None while it is unknown."""

    mode: BeltMode
    treadmill: str | None
    connected: bool
    running: bool
    speed: SpeedPublic | None
    speed_text: str | None
    alerts: list[AlertPublic]
    urgent: str | None
    pulse: bool
    heart_rate: int | None

    @classmethod
    def of(cls, news: BeltNews, unit: SpeedUnit) -> BeltNewsPublic:
        speed = None if news.speed_kmh is None else Speed.kmh(news.speed_kmh)
        return cls(
            mode=news.setup.mode,
            treadmill=news.setup.treadmill,
            connected=news.connected,
            running=news.running,
            speed=SpeedPublic.of(speed),
            speed_text=None if speed is None else speed.describe(unit),
            alerts=[AlertPublic.of(told) for told in news.alerts],
            urgent=news.urgent,
            pulse=news.pulse,
            heart_rate=news.heart_rate,
        )
