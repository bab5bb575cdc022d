"""Today's limits for a belt setting the live page asks for."""

from __future__ import annotations

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.errors import SafetyLimitError


def within_todays_limits(walk: TodaysWalk, setting: BeltSetting) -> BeltSetting:
    """The setting, if today's walk allows it: never faster than today's ceiling (or today's
    speed, without a treadmill grid), never steeper than today's incline."""
    ceiling = walk.speed_ceiling or walk.dose.speed
    speed = setting.speed
    if speed is not None and (ceiling is None or ceiling < speed):
        limit = "no belt speed" if ceiling is None else ceiling.describe()
        raise SafetyLimitError(f"{speed.describe()} is above today's limit ({limit})")
    incline, today = setting.incline_percent, walk.dose.incline_percent
    if incline > today:
        raise SafetyLimitError(f"{incline:g} % is above today's incline ({today:g} %)")
    return setting
