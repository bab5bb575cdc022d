"""The live page's belt, one walk's treadmill per walker (web/treadmills.py), on the virtual
treadmill; and the plain belt that serves every walk without one (web/belt.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from retrowalk.coach.belt import BeltSetting
from retrowalk.devices.ftms_control import OpCode
from retrowalk.domain.errors import DeviceError, InputError
from retrowalk.domain.units import Speed
from retrowalk.web.belt import BeltMode, PlainBelt, WalkOn, live_belt
from retrowalk.web.treadmills import TreadmillBelts
from tests.coach.builders import SelfSettingBelt, walk
from tests.web.virtual import VirtualTreadmills, eventually

TODAY = WalkOn(walker_id=1, seq=3, walk=walk(minutes=4, sets=(2.0, 2.0), speed=0.5))
HALF_MPH = BeltSetting(Speed.mph(0.5))


@pytest.fixture(name="virtual")
def virtual_fixture() -> VirtualTreadmills:
    return VirtualTreadmills()


@pytest.fixture(name="belts")
def belts_fixture(virtual: VirtualTreadmills) -> Iterator[TreadmillBelts]:
    belts = TreadmillBelts(virtual)
    yield belts
    belts.close()


def walking(belts: TreadmillBelts, virtual: VirtualTreadmills) -> None:
    belts.setup(TODAY)
    assert belts.start(TODAY, HALF_MPH)
    eventually(virtual.running, "the belt runs")


def test_a_walker_with_no_treadmill_open_hears_nothing_and_sets_the_belt_by_hand(
    belts: TreadmillBelts,
) -> None:
    news = belts.news(walker_id=7, since=0)

    assert (news.setup.mode, news.connected, news.alerts) == (BeltMode.BY_HAND, False, ())
    assert belts.trace(walker_id=7, seq=0) is None


def test_a_live_session_that_starts_again_stops_the_earlier_belt_and_opens_afresh(
    belts: TreadmillBelts, virtual: VirtualTreadmills
) -> None:
    walking(belts, virtual)
    earlier = virtual.treadmill

    setup = belts.setup(TODAY)

    assert not earlier.console.running and not earlier.connected
    assert (len(virtual.belts), setup.mode) == (2, BeltMode.WALKER_STARTS)
    assert virtual.treadmill.connected and not virtual.running()


def test_a_walk_that_ended_takes_no_more_settings_until_its_live_session_starts_again(
    belts: TreadmillBelts, virtual: VirtualTreadmills
) -> None:
    walking(belts, virtual)
    belts.end(TODAY.walker_id)

    with pytest.raises(InputError, match="this walk has ended"):
        belts.start(TODAY, HALF_MPH)
    assert len(virtual.sent(OpCode.START_OR_RESUME)) == 1
    belts.setup(TODAY)
    assert belts.start(TODAY, HALF_MPH)


def test_the_record_of_a_walk_is_kept_from_its_end_until_it_is_logged(
    belts: TreadmillBelts, virtual: VirtualTreadmills
) -> None:
    walking(belts, virtual)
    virtual.wait(session_seconds=10)
    belts.end(TODAY.walker_id)
    virtual.wait(session_seconds=10)

    kept = belts.trace(TODAY.walker_id, TODAY.seq)
    again = belts.trace(TODAY.walker_id, TODAY.seq)
    belts.logged(TODAY.walker_id)

    assert kept is not None and len(kept.samples) >= 10 and kept == again
    assert belts.trace(TODAY.walker_id, TODAY.seq + 1) is None
    assert belts.trace(TODAY.walker_id, TODAY.seq) is None


def test_with_a_stop_still_owed_the_treadmill_stays_open_past_the_end_to_stop_the_belt(
    belts: TreadmillBelts, virtual: VirtualTreadmills
) -> None:
    walking(belts, virtual)
    virtual.on_its_thread(virtual.treadmill.drop_link)

    belts.end(TODAY.walker_id)
    still_running = virtual.running()
    virtual.on_its_thread(virtual.treadmill.restore_link)

    eventually(lambda: not virtual.running(), "the belt is stopped once the link is back")

    def alerts() -> list[str]:
        return [told.alert for told in belts.news(TODAY.walker_id, since=0).alerts]

    # the reconnection is told on the device thread, which may write the Stop before it says so
    eventually(lambda: len(alerts()) >= 2, "the reconnection is told")
    trace = belts.trace(TODAY.walker_id, TODAY.seq)
    assert still_running and alerts() == ["link_lost", "reconnected"]
    assert trace is not None and trace.partial_reasons == ("the link to the treadmill dropped",)


def test_a_call_that_fails_stops_the_belt_and_lets_the_treadmill_go(
    belts: TreadmillBelts, virtual: VirtualTreadmills, monkeypatch: pytest.MonkeyPatch
) -> None:
    walking(belts, virtual)

    def no_answer(setting: BeltSetting) -> bool:
        raise TimeoutError

    monkeypatch.setattr(virtual.belt, "apply", no_answer)
    with pytest.raises(DeviceError, match="Use the safety key"):
        belts.apply(TODAY, BeltSetting(Speed.mph(0.6)))

    assert not virtual.running() and not virtual.treadmill.connected


def test_without_a_treadmill_the_walker_sets_the_console_and_nothing_is_recorded() -> None:
    belt = live_belt(None)

    assert belt.setup(TODAY).mode is BeltMode.BY_HAND
    assert belt.start(TODAY, HALF_MPH) is True  # the page goes on: the walker set the console
    assert belt.apply(TODAY, HALF_MPH) is False
    assert belt.trace(TODAY.walker_id, TODAY.seq) is None


def test_a_belt_that_sets_itself_follows_every_setting_of_every_walk() -> None:
    following = SelfSettingBelt()
    belt = live_belt(following)

    belt.start(TODAY, HALF_MPH)
    belt.end(TODAY.walker_id)

    assert isinstance(belt, PlainBelt) and belt.setup(TODAY).mode is BeltMode.FOLLOWS
    assert [s.moving for s in following.settings] == [True, False]


class _Clock:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


def test_a_running_belt_whose_live_page_went_silent_is_stopped_and_the_walk_marked_partial(
    virtual: VirtualTreadmills,
) -> None:
    clock = _Clock()
    belts = TreadmillBelts(virtual, now=clock, watch_every=None)
    try:
        walking(belts, virtual)
        clock.seconds += 5
        assert belts.stop_silent_belts() == []  # the page spoke five seconds ago: fine

        clock.seconds += 30
        silenced = belts.stop_silent_belts()

        assert silenced == [TODAY.walker_id]
        eventually(lambda: not virtual.running(), "the belt stops")
        trace = belts.trace(TODAY.walker_id, TODAY.seq)
        assert trace is not None and "went silent" in " ".join(trace.partial_reasons)
    finally:
        belts.close()


def test_a_page_that_keeps_its_heartbeat_keeps_its_belt_running(
    virtual: VirtualTreadmills,
) -> None:
    clock = _Clock()
    belts = TreadmillBelts(virtual, now=clock, watch_every=None)
    try:
        walking(belts, virtual)
        for _ in range(6):
            clock.seconds += 10
            belts.heartbeat(TODAY.walker_id)

        assert belts.stop_silent_belts() == []
        assert virtual.running()
    finally:
        belts.close()


def test_reading_the_news_alone_does_not_keep_a_belt_running(
    virtual: VirtualTreadmills,
) -> None:
    """A read changes nothing: another site's page that keeps reading (an image pointed at the
    news, say) must not keep a belt going that nobody is watching."""
    clock = _Clock()
    belts = TreadmillBelts(virtual, now=clock, watch_every=None)
    try:
        walking(belts, virtual)
        for _ in range(6):
            clock.seconds += 10
            belts.news(TODAY.walker_id, since=0)

        assert belts.stop_silent_belts() == [TODAY.walker_id]
        eventually(lambda: not virtual.running(), "the belt stops")
    finally:
        belts.close()


def test_a_stop_holds_the_treadmill_and_going_on_carries_on_with_it_and_its_record(
    belts: TreadmillBelts, virtual: VirtualTreadmills
) -> None:
    walking(belts, virtual)
    virtual.wait(session_seconds=10)
    belts.end(TODAY.walker_id)
    held = virtual.treadmill.connected and not virtual.running()

    setup = belts.setup(TODAY, going_on=True)
    assert belts.start(TODAY, HALF_MPH)
    eventually(virtual.running, "the belt runs again on the walker's start")
    virtual.wait(session_seconds=10)
    belts.end(TODAY.walker_id)

    trace = belts.trace(TODAY.walker_id, TODAY.seq)
    assert held and setup.mode is BeltMode.WALKER_STARTS and len(virtual.belts) == 1
    assert trace is not None and len(trace.samples) >= 20
    assert len(virtual.sent(OpCode.START_OR_RESUME)) == 2


@contextmanager
def stopped_and_away(virtual: VirtualTreadmills) -> Iterator[TreadmillBelts]:
    """A walk stopped, then its page silent for half a minute, as the silence watch sees it."""
    clock = _Clock()
    belts = TreadmillBelts(virtual, now=clock, watch_every=None)
    try:
        walking(belts, virtual)
        belts.end(TODAY.walker_id)
        clock.seconds += 30
        belts.stop_silent_belts()
        yield belts
    finally:
        belts.close()


def test_a_stopped_walk_whose_live_page_went_silent_lets_the_treadmill_go(
    virtual: VirtualTreadmills,
) -> None:
    with stopped_and_away(virtual) as belts:
        assert not virtual.treadmill.connected
        assert belts.trace(TODAY.walker_id, TODAY.seq) is not None  # kept for the log


def test_going_on_after_the_treadmill_was_let_go_opens_it_again_and_a_refusal_is_by_hand() -> None:
    virtual = VirtualTreadmills(refuses_control_on_open=2)  # another app took it meanwhile
    with stopped_and_away(virtual) as belts:
        setup = belts.setup(TODAY, going_on=True)

        assert (len(virtual.belts), setup.mode) == (2, BeltMode.BY_HAND)
        assert belts.start(TODAY, HALF_MPH) is True  # the page goes on: the walker sets it
        assert virtual.sent(OpCode.START_OR_RESUME) == [] and not virtual.running()
