"""What a status notification claiming a new target, or taking control back, does."""

from __future__ import annotations

import asyncio
import math

from retrowalk.devices.alerts import Alert
from retrowalk.devices.ftms_control import ControlCommand, SetTargetInclination
from retrowalk.devices.ftms_status import (
    ControlPermissionLost,
    TargetInclinationChanged,
    TargetSpeedChanged,
)
from retrowalk.devices.safety import Sent
from tests.devices.rig import Rig


async def walking(rig: Rig) -> Rig:
    await rig.open()
    await rig.start(1.0)
    await rig.seconds(8)  # at 1.0 km/h, nothing left to send
    return rig


def test_a_claimed_speed_a_tenth_from_ours_is_recorded_as_a_console_change():
    async def work() -> Rig:
        rig = await walking(Rig())
        await rig.status(TargetSpeedChanged(1.1))
        return rig

    rig = asyncio.run(work())

    assert [(c.change, c.value) for c in rig.controller.report.console_changes] == [("speed", 1.1)]


def test_a_claimed_speed_that_is_not_a_number_is_a_problem_not_a_change():
    async def work() -> Rig:
        rig = await walking(Rig())
        rig.controller.news.on_status(TargetSpeedChanged(math.nan))  # no bytes carry it
        return rig

    rig = asyncio.run(work())

    assert rig.controller.report.console_changes == []
    assert any("not a number" in problem for problem in rig.controller.report.problems)


def test_control_taken_back_hands_the_belt_to_the_walker():
    async def work() -> Rig:
        rig = await walking(Rig())
        await rig.status(ControlPermissionLost())
        return rig

    rig = asyncio.run(work())

    assert rig.controller.report.control == "by_hand"
    assert Alert.CONTROL_LOST in [told.alert for told in rig.alerts]


def test_control_taken_back_from_a_read_only_walk_says_nothing():
    async def work() -> Rig:
        rig = Rig()
        await rig.controller.open()  # control never asked for
        await rig.status(ControlPermissionLost())
        return rig

    rig = asyncio.run(work())

    assert rig.controller.report.control == "off"
    assert rig.alerts == []


def test_a_claimed_incline_is_recorded_and_lowers_the_base_of_the_next_raise():
    """A status saying the incline target became 0 % (somebody lowered it) is kept as a claim:
    the next incline raise goes 1 % above the claim, not above our own last 3 %."""

    async def work() -> Rig:
        rig = Rig()
        await rig.open()
        await rig.start(1.0, incline=3.0)
        await rig.seconds(20)  # up to 3 % a step at a time, then nothing left to send
        await rig.status(TargetInclinationChanged(0.0))
        claimed.append(rig.controller.state.sent)
        before = len(rig.received())
        await rig.seconds(4)
        after.extend(rig.received()[before:])
        return rig

    claimed: list[Sent] = []
    after: list[ControlCommand] = []
    rig = asyncio.run(work())

    assert [(c.change, c.value) for c in rig.controller.report.console_changes] == [
        ("incline", 0.0)
    ]
    assert claimed[0].incline == 3.0 and claimed[0].target_incline == 0.0
    inclines = [c for c in after if isinstance(c, SetTargetInclination)]
    assert inclines[0] == SetTargetInclination(1.0)  # 1 % above the claim
