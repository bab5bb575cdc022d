"""What the walker sees and hears of the device layer: alerts over the coach's own words, the
start prompt of a connected belt, and the walker's Enter reaching the treadmill first."""

from __future__ import annotations

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.belt_desk import BeltDesk
from retrowalk.coach.connected import Took
from retrowalk.coach.inbox import Inbox, WalkerCommand
from retrowalk.coach.speech import Transcript
from retrowalk.coach.view import RunnerView, RunState
from retrowalk.devices.alerts import Alert, alert
from retrowalk.domain.cues import Cue, say
from retrowalk.domain.dose import HandSupport
from retrowalk.domain.units import Speed, SpeedUnit
from tests.coach.builders import walk
from tests.devices.harness import DeviceWalk


def view(said=None, prompt=None) -> RunnerView:
    return RunnerView(
        state=RunState.WALKING,
        set_number=1,
        set_count=2,
        remaining=60.0,
        walked=60.0,
        speed=Speed.mph(0.7),
        pending_speed=None,
        incline_percent=0.0,
        has_belt=True,
        hands=HandSupport.BOTH,
        unit=SpeedUnit.MPH,
        said=said,
        prompt=prompt,
        coming_up=None,
    )


def opened() -> DeviceWalk:
    return DeviceWalk(walk(minutes=4, sets=(2.0, 2.0), speed=0.7))


def test_an_alert_shows_in_place_of_what_the_coach_said_last_until_the_coach_speaks_again():
    session, halfway = opened(), say(Cue.HALFWAY)
    desk = session.desk
    desk.runner_said(halfway)

    session.belt.take(alert(Alert.CONSOLE_STOP, 10.0))
    over = desk.over(view(said=halfway)).said
    later = desk.over(view(said=say(Cue.LAST_THIRTY))).said

    assert over is not None and over.text == "The belt was stopped on the console."
    assert later is not None and later.cue is Cue.LAST_THIRTY
    session.close()


def test_a_lost_link_stays_on_screen_until_the_treadmill_is_back():
    session = opened()
    desk = session.desk

    session.belt.take(alert(Alert.LINK_LOST, 10.0))
    lost = desk.over(view(said=say(Cue.HALFWAY))).prompt
    session.belt.take(alert(Alert.RECONNECTED, 20.0))
    back = desk.over(view()).prompt

    assert lost is not None and "Use the safety key" in lost.text
    assert back is None
    session.close()


def test_an_alert_that_ends_the_walk_posts_stop_to_the_runner():
    session, inbox, voice = opened(), Inbox(), Transcript()
    desk = BeltDesk(session.belt)
    desk.attach(inbox, voice)

    session.belt.take(alert(Alert.SAFETY_KEY, 5.0))
    session.belt.take(alert(Alert.MPH_QUIRK, 6.0))

    assert inbox.take_all() == [WalkerCommand.STOP]
    assert voice.messages[0].text.startswith("Safety key pulled")
    session.close()


def test_an_armed_start_is_asked_for_as_press_enter_on_screen_and_aloud():
    session, heard = opened(), Transcript()
    start = say(Cue.BELT_START, setting="0.7 mph")

    session.desk.apply(BeltSetting(Speed.mph(0.7)))
    session.desk.speaking_for(heard).say(start)
    shown = session.desk.over(view(prompt=start)).prompt

    assert heard.messages[0].text == "Press Enter to start the belt at 0.7 mph."
    assert shown is not None and shown.text == heard.messages[0].text
    session.close()


def test_the_enter_that_starts_the_belt_reaches_the_treadmill_before_the_runner():
    session, runner_inbox = opened(), Inbox()
    session.desk.apply(BeltSetting(Speed.mph(0.7)))

    session.desk.keys_for(runner_inbox).post(WalkerCommand.CONFIRM)

    assert session.controller.running
    assert runner_inbox.take_all() == [WalkerCommand.CONFIRM]
    session.close()


def test_a_stopped_belt_under_control_is_armed_and_asks_for_the_walkers_start():
    session = opened()

    answer = session.belt.apply(BeltSetting(Speed.mph(0.7)))

    assert answer.took is Took.ARMED and not session.controller.running
    assert answer.prompt is not None
    assert answer.prompt.text == "Press Enter to start the belt at 0.7 mph."
    session.close()


def test_a_treadmill_not_under_control_answers_that_the_walker_sets_it_by_hand():
    session = DeviceWalk(walk(minutes=4, sets=(2.0, 2.0), speed=0.7), control=False)

    answer = session.belt.apply(BeltSetting(Speed.mph(0.7)))

    assert answer.took is Took.BY_HAND and not answer.applied
    assert "set the belt on the console" in answer.reason
    session.close()
