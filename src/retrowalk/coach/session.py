"""A live session from start to log: the runner for today's walk, then the check-in and the
logger. Faces call `runner_for`, attach their keys and screen, play it with `walk_through`
(which asks why after an early STOP, and goes on when the stop was a mistake or an
interruption and the walker wants to), then `finish`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from retrowalk.coach.belt import Belt, SpeedDial
from retrowalk.coach.checkin import CheckInPort
from retrowalk.coach.clock import SessionClock
from retrowalk.coach.completed import CompletedSession
from retrowalk.coach.logger import SessionLogger
from retrowalk.coach.record import WalkRecord
from retrowalk.coach.runner import Fired, Runner
from retrowalk.coach.schedule import build_timeline
from retrowalk.coach.speech import Voice
from retrowalk.coach.view import RunnerView
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.cues import Cue, say
from retrowalk.domain.stop_reason import StopReason
from retrowalk.domain.treadmill_record import DeviceTrace


@dataclass(frozen=True, slots=True)
class Finished:
    completed: CompletedSession
    summary: str


def runner_for(
    walk: TodaysWalk,
    clock: SessionClock,
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


def walk_through(
    runner: Runner, check_in: CheckInPort, play: Callable[[], WalkRecord]
) -> tuple[WalkRecord, StopReason | None]:
    """Play the walk (`play` runs `runner` with the face's screen and keys). After a STOP
    before the end, ask why: a stop by mistake or for an interruption may go on with the same
    session, from where it stopped, as often as needed; nothing is logged until the walk ends.
    Returns the record and why it stopped early (None: it did not, or no reason was given)."""
    while True:
        record = play()
        if not record.stopped_early:
            return record, None
        reason = check_in.why_stopped()
        if reason is None or not reason.can_go_on or not check_in.go_on():
            return record, reason
        runner.resume(reason)


def finish(
    walk: TodaysWalk,
    record: WalkRecord,
    check_in: CheckInPort,
    logger: SessionLogger,
    voice: Voice,
    trace: DeviceTrace | None = None,
    stop_reason: StopReason | None = None,
) -> Finished:
    """Ask the check-in and log the session (with a treadmill's samples, when there was one);
    `stop_reason` is why the walk stopped early, asked already by `walk_through`."""
    answers = check_in.ask(walk.dose.hands, stop_reason)
    completed = CompletedSession(walk, record, answers, trace)
    summary = logger.log(completed)
    voice.say(say(Cue.LOGGED, summary=summary))
    return Finished(completed, summary)
