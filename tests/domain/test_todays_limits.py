"""Today's limits refuse a belt setting above today's ceiling or incline before it is sent."""

from __future__ import annotations

import pytest

from retrowalk.domain.errors import SafetyLimitError
from retrowalk.domain.todays_limits import TodaysLimits
from retrowalk.domain.units import Speed

TODAY = TodaysLimits(Speed.mph(0.8), 2.0)


def test_a_setting_at_todays_ceiling_and_incline_is_allowed() -> None:
    TODAY.check(Speed.mph(0.8), 2.0)
    TODAY.check(None, 0.0)


def test_a_speed_just_above_the_ceiling_is_refused_naming_the_limit() -> None:
    with pytest.raises(SafetyLimitError, match=r"above today's limit \(0.8 mph\)"):
        TODAY.check(Speed.mph(0.9), 0.0)


def test_an_incline_just_above_todays_is_refused() -> None:
    with pytest.raises(SafetyLimitError, match=r"2.5 % is above today's incline \(2 %\)"):
        TODAY.check(Speed.mph(0.5), 2.5)


def test_without_a_belt_speed_today_no_moving_speed_is_allowed() -> None:
    with pytest.raises(SafetyLimitError, match="no belt speed"):
        TodaysLimits(None, 0.0).check(Speed.mph(0.1), 0.0)
