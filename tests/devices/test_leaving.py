"""However a walk on a connected treadmill ends, the belt is told to stop before the app lets
the treadmill go."""

from __future__ import annotations

import pytest

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.clock import SimulatedClock
from retrowalk.devices.ftms_control import StartOrResume, StopAction, StopOrPause
from retrowalk.devices.opening import DeviceChoice, connected_belt
from retrowalk.devices.virtual.treadmill import VirtualTreadmill
from retrowalk.domain.units import Speed
from tests.coach.builders import walk


def test_an_error_in_the_middle_of_a_walk_still_stops_the_belt():
    clock = SimulatedClock()
    choice = DeviceChoice("virtual", control=True)

    with pytest.raises(RuntimeError), connected_belt(choice, walk(), clock) as belt:
        belt.apply(BeltSetting(Speed.mph(0.7)))
        belt.start()
        treadmill = belt.session.virtual[0]
        assert isinstance(treadmill, VirtualTreadmill) and treadmill.console.running
        raise RuntimeError("a bug in the coach")

    assert isinstance(treadmill, VirtualTreadmill)
    commands = [command for _, command in treadmill.received]
    assert StartOrResume() in commands
    assert commands[-1] == StopOrPause(StopAction.STOP)
    assert not treadmill.console.running


def test_leaving_without_ever_taking_control_sends_nothing():
    clock = SimulatedClock()

    with connected_belt(DeviceChoice("virtual", control=False), walk(), clock) as belt:
        treadmill = belt.session.virtual[0]

    assert isinstance(treadmill, VirtualTreadmill) and treadmill.received == []
