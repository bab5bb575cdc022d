"""The walk record from a report of a walk played elsewhere (the live page's own runner).

The browser plays the same timeline; at the end it sends how far it got, the pauses and the
check-in. The record is rebuilt here with the coach's own types, so minutes walked, the speed
walked longest and the outcome follow the Python runner's rules exactly (a conformance test
walks one script both ways).
"""

from __future__ import annotations

from dataclasses import dataclass

from retrowalk.coach.belt_log import BeltLog
from retrowalk.coach.checkin import CheckIn
from retrowalk.coach.record import ChangedBy, Pause, WalkRecord, WentOn
from retrowalk.coach.timeline import EventKind, Timeline
from retrowalk.domain.dose import HandSupport
from retrowalk.domain.errors import InputError
from retrowalk.domain.stop_reason import StopReason


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
    record = WalkRecord(
        timeline,
        ended,
        report.stopped,
        tuple(belt.changes),
        report.pauses,
        tuple(belt.speeds),
        report.went_on,
    )
    _check_stop_reason(record, report.answers.stop_reason)
    return record


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
