"""STOP from the terminal on the virtual treadmill, timed on the real clock (issue 18).

The walk `retrowalk go --device virtual --control` plays (`walk_in_terminal`: the real key
reader in cbreak mode on a pseudo-terminal, the Rich screen drawn on that terminal, the runner,
the belt desk, the device thread and the virtual treadmill through bleak) runs in this process's
main thread, where Ctrl-C's KeyboardInterrupt lands. Another thread plays the walker: once the
belt runs it waits a moment, then presses `s` (a byte written to the terminal) or Ctrl-C (SIGINT
sent to this process, as the terminal does); the walker stops for good (tired), and the next
walk opens the treadmill afresh.

Each latency runs from the key (or the signal) to the FTMS Stop the virtual treadmill received.
Both ends read `time.monotonic` in this one process: the treadmill is on the monotonic session
clock (`MonotonicClock`), as `retrowalk go` runs it without --time-scale.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum

from rich.console import Console

from retrowalk.coach.checkin import CheckIn
from retrowalk.coach.clock import MonotonicClock
from retrowalk.coach.completed import CompletedSession
from retrowalk.coach.logger import InMemoryLogger
from retrowalk.coach.speech import SilentVoice
from retrowalk.coach.terminal.live import WalkParts, walk_in_terminal
from retrowalk.domain.dose import HandSupport
from retrowalk.domain.stop_reason import StopReason
from tests.coach.builders import walk
from tests.web.virtual import VirtualTreadmills

ANSWERS = CheckIn(1, False, 3, HandSupport.BOTH, False)
# The walker waits this long (wall seconds, drawn at random) once the belt runs, so the key
# lands anywhere between the screen's redraws and the device thread's once-a-second beat.
DWELL_SECONDS = (0.2, 1.2)
STEP_SECONDS = 0.005
GIVE_UP_SECONDS = 10.0


class Press(StrEnum):
    KEY_S = "s"
    CTRL_C = "Ctrl-C"


class TiredWalker:
    """The check-in of a walker who stopped because they were tired."""

    def why_stopped(self) -> StopReason | None:
        return StopReason.TIRED

    def go_on(self) -> bool:
        return False

    def ask(self, planned_hands: HandSupport, stop_reason: StopReason | None = None) -> CheckIn:
        return ANSWERS.after_stop(stop_reason)


@dataclass(frozen=True, slots=True)
class Timed:
    """Seconds from the press to the FTMS Stop it caused, and the walk as it was logged."""

    latency: float
    logged: CompletedSession


def stop_latencies(walks: int, press: Press) -> list[Timed]:
    """`walks` walks on the virtual treadmill in the terminal, each stopped once by `press`
    at a random moment after its belt starts."""
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("the walk must run in the main thread, where Ctrl-C lands")
    if press is Press.CTRL_C and signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        raise RuntimeError("Ctrl-C is timed with Python's handler, which raises KeyboardInterrupt")
    treadmills = VirtualTreadmills(clock=MonotonicClock())
    with _terminal() as (leader, console):
        return [_walk_and_stop(treadmills, leader, console, press) for _ in range(walks)]


def _walk_and_stop(
    treadmills: VirtualTreadmills, leader: int, console: Console, press: Press
) -> Timed:
    today = walk(minutes=30.0, sets=(15.0, 15.0), speed=0.7)
    logger = InMemoryLogger()
    parts = WalkParts(logger, treadmills.clock, SilentVoice(), console, check_in=TiredWalker())
    opened = len(treadmills.belts)
    latency: list[float] = []
    failure: list[BaseException] = []

    def walker() -> None:
        try:
            _wait(lambda: len(treadmills.belts) > opened and treadmills.running(), "the belt")
            latency.append(_stop(treadmills, leader, press))
        except BaseException as error:  # raised again by the main thread
            failure.append(error)
            os.write(leader, b"s")  # and the walk ends

    playing = threading.Thread(target=walker, name="walker", daemon=True)
    with treadmills(today) as treadmill:
        playing.start()
        walk_in_terminal(today, parts, treadmill=treadmill, presses_enter=True)
    playing.join(GIVE_UP_SECONDS)
    if failure:
        raise failure[0]
    return Timed(latency[0], logger.sessions[0])


def _stop(treadmills: VirtualTreadmills, leader: int, press: Press) -> float:
    """Press at a random moment; the seconds until the treadmill received its Stop."""
    stops = len(treadmills.stops_received())
    time.sleep(random.uniform(*DWELL_SECONDS))
    pressed = time.monotonic()
    if press is Press.KEY_S:
        os.write(leader, b"s")
    else:
        os.kill(os.getpid(), signal.SIGINT)
    _wait(lambda: len(treadmills.stops_received()) > stops, f"{press} to reach the treadmill")
    return treadmills.stops_received()[stops] - pressed


def _wait(holds: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + GIVE_UP_SECONDS
    while not holds():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {GIVE_UP_SECONDS:g} s for {what}")
        time.sleep(STEP_SECONDS)


@contextmanager
def _terminal() -> Iterator[tuple[int, Console]]:
    """A pseudo-terminal as standard input and as the screen; its output is read and dropped,
    as a terminal emulator would show it."""
    leader, follower = os.openpty()
    screen = os.fdopen(os.dup(follower), "w", encoding="utf-8")
    console = Console(file=screen, force_terminal=True, width=110, height=40)
    draining = threading.Thread(target=_drain, args=(leader,), name="terminal", daemon=True)
    draining.start()
    standard_input = sys.stdin
    sys.stdin = os.fdopen(follower, "r", closefd=False)
    try:
        yield leader, console
    finally:
        sys.stdin = standard_input
        screen.close()
        os.close(follower)
        os.close(leader)
        draining.join(1.0)


def _drain(leader: int) -> None:
    try:
        while os.read(leader, 65536):
            pass
    except OSError:  # the terminal was closed
        return
