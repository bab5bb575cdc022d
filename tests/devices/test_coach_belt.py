"""What the walker sees and hears of the device layer: alerts over the coach's own words, the
start prompt of a connected belt, and the walker's Enter reaching the treadmill first."""

from __future__ import annotations

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.inbox import Command, Inbox
from retrowalk.coach.speech import Transcript
from retrowalk.coach.view import RunnerView, RunState
from retrowalk.devices.alerts import Alert, alert
from retrowalk.devices.coach_belt import AlertDesk, DeviceVoice, StartingInbox
from retrowalk.devices.live import with_device
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
    desk = session.belt.desk
    desk.runner_said(halfway)

    desk.take(alert(Alert.CONSOLE_STOP, 10.0))
    over = with_device(view(said=halfway), session.belt).said
    later = with_device(view(said=say(Cue.LAST_THIRTY)), session.belt).said

    assert over is not None and over.text == "The belt was stopped on the console."
    assert later is not None and later.cue is Cue.LAST_THIRTY
    session.close()


def test_a_lost_link_stays_on_screen_until_the_treadmill_is_back():
    session = opened()
    desk = session.belt.desk

    desk.take(alert(Alert.LINK_LOST, 10.0))
    lost = with_device(view(said=say(Cue.HALFWAY)), session.belt).prompt
    desk.take(alert(Alert.RECONNECTED, 20.0))
    back = with_device(view(), session.belt).prompt

    assert lost is not None and "Use the safety key" in lost.text
    assert back is None
    session.close()


def test_an_alert_that_ends_the_walk_posts_stop_to_the_runner():
    desk, inbox, voice = AlertDesk(), Inbox(), Transcript()
    desk.attach(inbox, voice)

    desk.take(alert(Alert.SAFETY_KEY, 5.0))
    desk.take(alert(Alert.MPH_QUIRK, 6.0))

    assert inbox.take_all() == [Command.STOP]
    assert voice.messages[0].text.startswith("Safety key pulled")


def test_an_armed_start_is_asked_for_as_press_enter_on_screen_and_aloud():
    session, heard = opened(), Transcript()
    start = say(Cue.BELT_START, setting="0.7 mph")

    session.belt.apply(BeltSetting(Speed.mph(0.7)))
    DeviceVoice(heard, session.belt).say(start)
    shown = with_device(view(prompt=start), session.belt).prompt

    assert heard.messages[0].text == "Press Enter to start the belt at 0.7 mph."
    assert shown is not None and shown.text == heard.messages[0].text
    session.close()


def test_the_enter_that_starts_the_belt_reaches_the_treadmill_before_the_runner():
    session, runner_inbox = opened(), Inbox()
    session.belt.apply(BeltSetting(Speed.mph(0.7)))

    StartingInbox(runner_inbox, session.belt).post(Command.CONFIRM)

    assert session.controller.running
    assert runner_inbox.take_all() == [Command.CONFIRM]
    session.close()
