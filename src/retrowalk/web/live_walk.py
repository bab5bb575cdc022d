"""The live session on stored data: today's walk for the coach's timeline, and logging what the
browser reports when the walk ends.

The browser plays the server-built timeline; at the end it sends how far it got, the pauses and
the check-in. The walk record is rebuilt here from the same timeline with the coach's own types,
so minutes walked, the speed walked longest and the outcome follow the terminal's rules exactly.

A report names the planned session it played (`seq`); the session-log service checks it inside
its transaction, so simultaneous reports of one walk log it once (the others: ConflictError).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.belt_log import BeltLog
from retrowalk.coach.checkin import CheckIn
from retrowalk.coach.completed import CompletedSession
from retrowalk.coach.record import ChangedBy, Pause, WalkRecord, WentOn
from retrowalk.coach.schedule import build_timeline
from retrowalk.coach.timeline import EventKind, Timeline
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.dose import HandSupport
from retrowalk.domain.errors import InputError, SafetyLimitError
from retrowalk.domain.stop_reason import StopReason
from retrowalk.domain.treadmill_record import DeviceTrace
from retrowalk.domain.units import SpeedUnit
from retrowalk.services.clock import Clock
from retrowalk.services.live_walk import walk_for
from retrowalk.services.log_session import Logged, check_seq, log_command, log_session
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import StoredWalker
from retrowalk.services.today import today_session
from retrowalk.services.walker_plan import require_plan

NewUnitOfWork = Callable[[], UnitOfWork]


@dataclass(frozen=True, slots=True)
class LiveWalk:
    """Today's walk, its timeline, and the planned session it walks (`seq`)."""

    seq: int
    walk: TodaysWalk
    timeline: Timeline


@dataclass(frozen=True, slots=True)
class WalkReport:
    """What the browser saw: where session time ended, whether STOP ended it, the pauses, when
    the walker confirmed the planned speed step on the console (None if never), and the STOPs
    the walk went on from (their time stopped is among the pauses)."""

    seq: int
    ended_at: float
    stopped: bool
    pauses: tuple[Pause, ...]
    step_confirmed_at: float | None
    answers: Answers
    went_on: tuple[WentOn, ...] = ()


@dataclass(frozen=True, slots=True)
class Answers:
    """The check-in as the page gives it; None is a question skipped (unknown); no hand support
    named means today's planned hands; `stop_reason` why the walk stopped early."""

    pain_during: int | None
    sharp_pain: bool | None
    rpe: int | None
    hands_used: HandSupport | None
    stable_without_hands: bool
    notes: str
    form_ok: bool | None = None
    swelling: bool | None = None
    locking: bool | None = None
    giving_way: bool | None = None
    stop_reason: StopReason | None = None

    def check_in(self, planned: HandSupport) -> CheckIn:
        answers = CheckIn(
            self.pain_during,
            self.sharp_pain,
            self.rpe,
            self.hands_used or planned,
            self.stable_without_hands,
            self.notes,
            self.form_ok,
            self.swelling,
            self.locking,
            self.giving_way,
        )
        return answers.after_stop(self.stop_reason)


def live_walk(
    walker: StoredWalker,
    new_uow: NewUnitOfWork,
    clock: Clock,
    unit: SpeedUnit,
    seq: int | None = None,
) -> LiveWalk:
    """Today's session as a walk for the coach; an InputError when there is none to walk today.
    With `seq`, the session a page names: a ConflictError if it is logged already (said before
    "not today", which a walk just logged also is)."""
    ahead = today_session(walker.id, new_uow(), clock).session
    if ahead is None:
        raise InputError("walker_id", walker.id, "there is no plan to walk; see the today page")
    check_seq(seq, ahead.seq)
    if not ahead.is_today:
        raise InputError("date", clock.today().isoformat(), f"the next session is on {ahead.on}")
    if not ahead.decision.walk:
        raise InputError("walker_id", walker.id, " ".join(ahead.decision.reasons))
    with new_uow().reading() as uow:
        before = require_plan(uow, walker).state_before
    previous = before.dose.speed if before.walked > 0 else None
    walk = walk_for(walker, ahead, previous, unit)
    return LiveWalk(ahead.seq, walk, build_timeline(walk))


def log_live_walk(
    walker: StoredWalker,
    report: WalkReport,
    new_uow: NewUnitOfWork,
    clock: Clock,
    trace: DeviceTrace | None = None,
) -> tuple[CompletedSession, Logged]:
    """Log the walk the browser reports, through the session-log service; with a treadmill's
    `trace`, its samples and partial reasons go with it (source `device`), as in the terminal.
    The log is of session `report.seq` or nothing: the service checks it under the walker's
    lock, so of simultaneous reports of one walk one logs it and the rest get a ConflictError."""
    live = live_walk(walker, new_uow, clock, walker.profile.units.speed_unit, report.seq)
    record = walk_record(live.timeline, report)
    _check_stop_reason(record, report.answers.stop_reason)
    check_in = report.answers.check_in(live.walk.dose.hands)
    completed = CompletedSession(live.walk, record, check_in, trace)
    command = log_command(walker_id=walker.id, seq=report.seq, **completed.log_entry())
    return completed, log_session(command, new_uow(), clock)


def walk_record(timeline: Timeline, report: WalkReport) -> WalkRecord:
    """The record the coach's runner would have kept for the same walk."""
    ended = report.ended_at
    if not 0 <= ended <= timeline.end:
        raise InputError("ended_at_seconds", ended, f"give 0 to {timeline.end:g} seconds")
    if not report.stopped and ended < timeline.end:
        raise InputError("stopped", False, "a walk that ends before its last set was stopped")
    _check_step(timeline, report.step_confirmed_at, ended)
    belt = BeltLog()
    for event in timeline.events:
        if event.at > ended or event.speed is None:
            continue
        if event.kind is EventKind.SET_START:
            belt.runs_at(event.at, event.speed, ChangedBy.PLAN)
        elif event.kind is EventKind.SPEED_STEP and report.step_confirmed_at is not None:
            belt.runs_at(report.step_confirmed_at, event.speed, ChangedBy.PLAN)
    _check_went_on(report.went_on, ended)
    return WalkRecord(
        timeline,
        ended,
        report.stopped,
        tuple(belt.changes),
        report.pauses,
        tuple(belt.speeds),
        report.went_on,
    )


def _check_stop_reason(record: WalkRecord, reason: StopReason | None) -> None:
    """A stop reason says why a walk stopped before its end; a walk that did not has none."""
    if reason is not None and not record.stopped_early:
        allowed = "give it only for a walk stopped before its end (null otherwise)"
        raise InputError("check_in.stop_reason", reason.value, allowed)


def _check_went_on(went_on: tuple[WentOn, ...], ended: float) -> None:
    """The walk went on only from a stop by mistake or for an interruption, before it ended."""
    for number, stop in enumerate(went_on):
        if not stop.reason.can_go_on:
            allowed = "a walk goes on only after a stop by mistake or for an interruption"
            raise InputError(f"went_on.{number}.reason", stop.reason.value, allowed)
        if not 0 <= stop.at <= ended:
            allowed = f"give a second from 0 to {ended:g}, before the walk ended"
            raise InputError(f"went_on.{number}.at_seconds", stop.at, allowed)


def _check_step(timeline: Timeline, step_at: float | None, ended: float) -> None:
    """A confirmed step lies between the step and the next set's start (or the walk's end)."""
    if step_at is None:
        return
    step = next((e for e in timeline.events if e.kind is EventKind.SPEED_STEP), None)
    if step is None or step.at > ended:
        raise InputError("step_confirmed_at_seconds", step_at, "no speed step was reached")
    following = timeline.next_set_after(step.at)
    latest = min(ended, following.start if following else ended)
    if not step.at <= step_at <= latest:
        allowed = f"give a second from {step.at:g} (the step) to {latest:g}"
        raise InputError("step_confirmed_at_seconds", step_at, allowed)


def within_todays_limits(walk: TodaysWalk, setting: BeltSetting) -> BeltSetting:
    """The setting, if today's walk allows it: never faster than today's ceiling (or today's
    speed, without a treadmill grid), never steeper than today's incline."""
    ceiling = walk.speed_ceiling or walk.dose.speed
    speed = setting.speed
    if speed is not None and (ceiling is None or ceiling < speed):
        limit = "no belt speed" if ceiling is None else ceiling.describe()
        raise SafetyLimitError(f"{speed.describe()} is above today's limit ({limit})")
    incline, today = setting.incline_percent, walk.dose.incline_percent
    if incline > today:
        raise SafetyLimitError(f"{incline:g} % is above today's incline ({today:g} %)")
    return setting
