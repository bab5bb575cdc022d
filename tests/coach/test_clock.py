"""The clocks: a simulated one that jumps, and real ones that wake on time or on a command."""

from __future__ import annotations

import threading
import time

import pytest

from retrowalk.coach.clock import MonotonicClock, ScaledClock, SimulatedClock
from retrowalk.coach.session_time import SessionTime


def test_the_simulated_clock_runs_scheduled_actions_in_time_order_on_its_way():
    clock, seen = SimulatedClock(), []
    clock.call_at(30, lambda: seen.append(("b", clock.now())))
    clock.call_at(10, lambda: seen.append(("a", clock.now())))

    clock.sleep_until(100)

    assert seen == [("a", 10), ("b", 30)]
    assert clock.now() == 100


def test_the_simulated_clock_stops_at_an_action_that_wakes_the_sleeper():
    clock, wake = SimulatedClock(), threading.Event()
    clock.call_at(40, wake.set)

    clock.sleep_until(100, wake)

    assert clock.now() == 40


def test_the_simulated_clock_refuses_to_wait_forever_for_nothing():
    with pytest.raises(RuntimeError, match="waits for input"):
        SimulatedClock().sleep_until(float("inf"), threading.Event())


def test_the_real_clock_wakes_early_when_a_command_arrives():
    clock, wake = MonotonicClock(), threading.Event()
    threading.Timer(0.05, wake.set).start()

    started = clock.now()
    clock.sleep_until(started + 5, wake)

    assert clock.now() - started < 1


def test_the_scaled_clock_runs_its_seconds_faster_than_real_ones():
    clock = ScaledClock(100)

    started_real, started = time.monotonic(), clock.now()
    clock.sleep_until(started + 10)  # ten scaled seconds

    assert clock.now() - started >= 10
    assert time.monotonic() - started_real < 1


def test_session_time_stands_still_while_held_and_resumes_where_it_stopped():
    clock = SimulatedClock()
    session = SessionTime(clock)

    session.release()
    clock.sleep_until(50)
    session.hold()
    clock.sleep_until(500)
    held = session.now()
    session.release()
    clock.sleep_until(510)

    assert held == 50
    assert session.now() == 60
    assert session.deadline(100) == 550


def test_a_hold_at_a_scheduled_moment_ignores_how_late_the_wake_up_came():
    clock = SimulatedClock()
    session = SessionTime(clock)
    session.release()

    clock.sleep_until(120.004)  # woke four milliseconds late
    session.hold(at=120)
    clock.sleep_until(130)
    session.release()

    assert session.deadline(180) == 190
