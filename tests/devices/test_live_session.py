"""End to end on the virtual treadmill: the coach's runner drives the belt through the device
layer, bleak and the byte protocol, on a simulated clock; the faults real treadmills show."""

from __future__ import annotations

import pytest

from retrowalk.coach.inbox import WalkerCommand
from retrowalk.devices.alerts import Alert
from retrowalk.devices.ftms_control import OpCode, SetTargetSpeed
from retrowalk.devices.ftms_features import SpeedRange
from retrowalk.devices.virtual.spec import Faults, VirtualSpec
from retrowalk.domain.cues import Cue
from retrowalk.domain.errors import SafetyLimitError
from tests.coach.builders import walk
from tests.devices.harness import DeviceWalk

# Exact by definition (1 mile = 1609.344 m); written out, never imported from the code under test.
KM_PER_MILE = 1.609344
METRES_PER_SECOND_IN_ONE_MPH = 0.44704

# Two 2-minute sets with a minute's rest, stepping up from 0.6 to 0.7 mph 48 s into set 1.
STEPPING_UP = walk(minutes=4, sets=(2.0, 2.0), speed=0.7, previous=0.6)
TWO_SETS = walk(minutes=4, sets=(2.0, 2.0), speed=0.7)


def _mph(speed_mps: float | None) -> float | None:
    return None if speed_mps is None else round(speed_mps / METRES_PER_SECOND_IN_ONE_MPH, 2)


def _alerts(session: DeviceWalk) -> list[Alert]:
    return [told.alert for told in session.controller.report.alerts]


def test_the_belt_follows_the_plan_at_each_step():
    session = DeviceWalk(STEPPING_UP)

    record, report = session.run()

    speeds = {s.second: _mph(s.speed_mps) for s in report.samples}
    assert record.minutes_walked == 4
    # The treadmill's grid is 0.1 mph steps written in km/h (0.16): 0.6 mph is 0.96 km/h.
    assert speeds[40] == 0.6 and speeds[100] == 0.7
    assert speeds[150] == 0.0  # the rest
    assert speeds[220] == 0.7
    assert report.mph_quirk is False and not report.partial


def test_every_speed_sent_is_on_the_treadmills_grid_and_under_the_ceiling():
    session = DeviceWalk(STEPPING_UP)

    session.run()

    grid = session.controller.envelope
    assert grid is not None
    for _, command in session.sent(OpCode.SET_TARGET_SPEED):
        assert isinstance(command, SetTargetSpeed)
        assert grid.speeds.contains(command.speed_kmh)
        assert command.speed_kmh <= 2.0 * KM_PER_MILE  # the walk's ceiling, 2.0 mph


def test_samples_come_once_a_second_and_the_distance_survives_the_consoles_reset():
    session = DeviceWalk(TWO_SETS)

    _, report = session.run()

    assert [s.second for s in report.samples] == list(range(len(report.samples)))
    distances = [s.distance_m or 0.0 for s in report.samples]
    assert distances == sorted(distances)
    # Four minutes at about 0.7 mph (0.31 m/s), though the console began again for set 2.
    assert 70 < report.distance_m < 76
    console = session.treadmill.console.motion.distance_m
    assert console == pytest.approx(report.distance_m / 2, abs=2)


def test_a_dropped_link_is_announced_at_once_then_reconnection_and_stop_are_tried():
    session = DeviceWalk(TWO_SETS)
    session.at(60, session.treadmill.drop_link)
    session.at(70, session.treadmill.restore_link)

    record, report = session.run()

    lost = report.alerts[0]
    assert (lost.alert, lost.at) == (Alert.LINK_LOST, 59.5)
    assert "safety key" in session.said()[session.said().index(lost_message(session)) :][0].text
    assert session.treadmill.refused_links >= 4  # tried every two seconds while out of reach
    stops = [at for at, _ in session.sent(OpCode.STOP_OR_PAUSE)]
    assert stops[0] == pytest.approx(70, abs=2)
    assert session.treadmill.console.motion.speed_kmh == 0
    assert report.partial and record.stopped_early
    assert Alert.RECONNECTED in _alerts(session)


def lost_message(session: DeviceWalk):
    return next(m for m in session.said() if "link is lost" in m.text)


def test_while_the_link_is_down_the_belt_keeps_running_as_ftms_says():
    session = DeviceWalk(TWO_SETS)
    session.at(60, session.treadmill.drop_link)

    session.run(then_seconds=20)

    assert session.treadmill.console.running
    assert session.controller.report.partial


def test_the_lost_link_warning_is_said_again_after_the_coachs_own_stop():
    session = DeviceWalk(TWO_SETS)
    session.at(60, session.treadmill.drop_link)

    session.run()

    cues_after_drop = [m.text for m in session.said()][-3:]
    assert "Stopping now" in cues_after_drop[1]
    assert "link is lost" in cues_after_drop[2]


def test_refused_control_falls_back_to_telling_the_walker_what_to_press():
    session = DeviceWalk(TWO_SETS, Faults(refuse_control=True))

    record, report = session.run()

    said = [m.cue for m in session.said()]
    assert _alerts(session) == [Alert.CONTROL_REFUSED]
    assert said.count(Cue.BELT_START) == 2
    assert "Start the belt at 0.7 mph" in next(
        m.text for m in session.said() if m.cue is Cue.BELT_START
    )
    assert [c.op_code for _, c in session.sent()] == [OpCode.REQUEST_CONTROL]
    assert record.minutes_walked == 4 and report.control == "by_hand"


def test_the_safety_key_ends_the_set_and_the_belt_is_not_started_again():
    session = DeviceWalk(TWO_SETS)
    session.at(60, session.treadmill.console.pull_safety_key)

    record, report = session.run()

    assert record.stopped_early and record.sets_walked[1] == 0
    assert record.sets_walked[0] == pytest.approx(1.0, abs=0.02)  # pulled at 59.5 s
    assert Alert.SAFETY_KEY in _alerts(session)
    assert [c.change for c in report.console_changes] == ["safety key pulled"]
    assert len(session.sent(OpCode.START_OR_RESUME)) == 1


def test_the_mph_quirk_is_found_once_and_corrected():
    session = DeviceWalk(TWO_SETS, Faults(mph_for_kmh=True))

    _, report = session.run()

    speeds = {s.second: _mph(s.speed_mps) for s in report.samples}
    assert report.mph_quirk is True
    assert _alerts(session) == [Alert.MPH_QUIRK]
    assert speeds[60] == 0.7 and speeds[220] == 0.7


def test_before_the_unit_is_known_a_first_command_stays_under_the_ceiling_read_as_mph():
    session = DeviceWalk(TWO_SETS, Faults(mph_for_kmh=True))

    session.run()

    first = session.sent(OpCode.SET_TARGET_SPEED)[0][1]
    assert isinstance(first, SetTargetSpeed)
    assert first.speed_kmh * KM_PER_MILE <= 2.0 * KM_PER_MILE  # as mph: under 2.0 mph
    assert (first.speed_kmh - 0.5) * KM_PER_MILE <= 0.5 + 1e-9  # a raise of at most 0.5 km/h


def test_a_quirk_already_in_the_equipment_profile_is_used_from_the_first_command():
    session = DeviceWalk(TWO_SETS, Faults(mph_for_kmh=True), mph_quirk=True)

    _, report = session.run()

    assert session.sent(OpCode.SET_TARGET_SPEED)[0][1] == SetTargetSpeed(0.7)
    assert Alert.MPH_QUIRK not in _alerts(session)
    assert report.mph_quirk is True


def test_a_treadmill_that_ignores_commands_hands_the_belt_back_to_the_walker():
    session = DeviceWalk(TWO_SETS, Faults(ignore_speed_commands=True))

    record, report = session.run()

    assert _alerts(session) == [Alert.NOT_FOLLOWING]
    assert "console to 0.7 mph" in report.alerts[0].text
    hand_set = [m.text for m in session.said() if m.cue is Cue.BELT_START][-1]
    assert hand_set.startswith("Start the belt at 0.7 mph")
    assert record.minutes_walked == 4


def test_a_treadmill_that_starts_only_from_its_console_asks_for_that_then_follows():
    session = DeviceWalk(TWO_SETS, Faults(start_from_console_only=True))
    for set_start in (0, 192):  # set 2 begins after set 1's 120 s and the 60 s rest
        session.at(set_start + 10, session.treadmill.console.press_start)
        session.press(set_start + 12, WalkerCommand.CONFIRM)

    record, report = session.run()

    assert _alerts(session) == [Alert.START_AT_CONSOLE] * 2
    assert [c.change for c in report.console_changes] == ["belt started"] * 2
    assert {s.second: _mph(s.speed_mps) for s in report.samples}[60] == 0.7
    assert record.walked_seconds == 240


def test_the_belt_starts_only_on_the_walkers_enter_never_on_a_timer():
    session = DeviceWalk(TWO_SETS, walker_presses_enter=False)
    session.press(1, WalkerCommand.CONFIRM)  # the checklist
    session.press(5, WalkerCommand.CONFIRM)  # set 1: start the belt
    session.press(400, WalkerCommand.CONFIRM)  # set 2, long after its rest ended at 185

    session.run()

    starts = [at for at, _ in session.sent(OpCode.START_OR_RESUME)]
    assert starts == [5, 400]


def test_the_walkers_enter_is_asked_for_in_words_that_fit_a_connected_belt():
    session = DeviceWalk(TWO_SETS)

    session.run()

    asked = [m.text for m in session.said() if m.cue is Cue.BELT_START]
    assert asked == ["Press Enter to start the belt at 0.7 mph."] * 2


def test_stop_sends_stop_at_once():
    session = DeviceWalk(TWO_SETS)
    session.press(30, WalkerCommand.STOP)

    session.run()

    assert next(at for at, _ in session.sent(OpCode.STOP_OR_PAUSE)) == 30
    assert session.treadmill.console.motion.target_kmh == 0


def test_a_pause_stops_the_belt_and_going_on_starts_it_again_at_the_set_speed():
    session = DeviceWalk(TWO_SETS)
    session.press(30, WalkerCommand.TOGGLE_PAUSE)
    session.press(50, WalkerCommand.TOGGLE_PAUSE)

    _, report = session.run()

    assert [at for at, _ in session.sent(OpCode.START_OR_RESUME)][:2] == [0, 50]
    speeds = {s.second: _mph(s.speed_mps) for s in report.samples}
    assert speeds[45] == 0.0 and speeds[80] == 0.7


def test_a_speed_changed_at_the_console_is_recorded_as_a_console_change():
    session = DeviceWalk(TWO_SETS)
    session.at(60, lambda: session.treadmill.console.press_speed(1.28))

    _, report = session.run()

    assert [(c.change, c.value) for c in report.console_changes] == [("speed", 1.28)]


def test_read_only_until_the_walker_turns_control_on():
    session = DeviceWalk(TWO_SETS, control=False)

    _, report = session.run()

    assert session.sent() == []
    assert next(m.text for m in session.said() if m.cue is Cue.BELT_START).startswith("Start")
    assert report.control == "off" and len(report.samples) > 240


def test_a_dose_below_the_treadmills_slowest_speed_is_named_with_the_nearest_allowed_dose():
    slow_start = VirtualSpec(speeds=SpeedRange(1.0, 12.0, 0.1))

    with pytest.raises(SafetyLimitError) as refused:
        DeviceWalk(walk(speed=0.5), spec=slow_start)

    assert "slowest speed is 0.62 mph, above today's 0.5 mph" in str(refused.value)
    assert "nearest dose it allows is 0.62 mph" in str(refused.value)
