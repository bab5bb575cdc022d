"""A live session from start to log: the runner for today's walk, then the check-in and the
logger. Faces call `runner_for`, attach their keys and screen, run it, then `finish`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from retrowalk.coach.belt import Belt, SpeedDial
from retrowalk.coach.checkin import CheckInPort
from retrowalk.coach.clock import Clock
from retrowalk.coach.completed import CompletedSession, DeviceTrace
from retrowalk.coach.logger import SessionLogger
from retrowalk.coach.record import WalkRecord
from retrowalk.coach.runner import Fired, Runner
from retrowalk.coach.schedule import build_timeline
from retrowalk.coach.speech import Voice
from retrowalk.coach.view import RunnerView
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.cues import Cue, say


@dataclass(frozen=True, slots=True)
class Finished:
    completed: CompletedSession
    summary: str


def runner_for(
    walk: TodaysWalk,
    clock: Clock,
    voice: Voice,
    belt: Belt,
    show: Callable[[RunnerView], None] | None = None,
    tick_seconds: float = 1.0,
    on_fired: Fired | None = None,
    confirm_set_up: bool = True,
) -> Runner:
    """The runner for today's walk. The set-up checklist waits for the walker's Enter (the
    belt must never start before the clip is on) unless `confirm_set_up` is False (scripts)."""
    dial = None
    if walk.treadmill is not None and walk.speed_ceiling is not None:
        dial = SpeedDial(walk.treadmill, walk.speed_ceiling)
    timeline = build_timeline(walk)
    return Runner(timeline, clock, voice, belt, dial, show, tick_seconds, on_fired, confirm_set_up)


def finish(
    walk: TodaysWalk,
    record: WalkRecord,
    check_in: CheckInPort,
    logger: SessionLogger,
    voice: Voice,
    trace: DeviceTrace | None = None,
) -> Finished:
    """Ask the check-in and log the session (with a treadmill's samples, when there was one)."""
    completed = CompletedSession(walk, record, check_in.ask(walk.dose.hands), trace)
    summary = logger.log(completed)
    voice.say(say(Cue.LOGGED, summary=summary))
    return Finished(completed, summary)
