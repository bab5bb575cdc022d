"""What happened in a session, and what the pain model makes of it (PROTOCOL.md §6, §11).

An answer the walker did not give is None: unknown, never 0 or "no". Unknown pain during, effort,
form, sharp pain or knee symptoms never count as good; an unknown next morning is never "settled".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from retrowalk.domain.dose import Dose
from retrowalk.domain.frozen import settable_twin
from retrowalk.domain.protocol import PainRules, Protocol

# A session counts as walked in full when at most this much of a minute is missing.
_FULL_SESSION_SLACK_MINUTES = 0.05


@dataclass(frozen=True, slots=True)
class SessionOutcome:
    """A session as the walker reports it. The defaults are a session done as prescribed, every
    question answered; None for an answer means it was not given."""

    done: bool = True
    minutes_done: float | None = None
    pain_during: int | None = 0
    pain_after: int | None = None
    pain_next_morning: int | None = 0
    rpe: int | None = 4
    sharp_pain: bool | None = False
    stable_without_hands: bool = False
    form_ok: bool | None = True
    swelling: bool | None = False
    locking: bool | None = False
    giving_way: bool | None = False

    @property
    def knee_symptoms(self) -> bool:
        """Swelling, locking or giving way reported (an unknown answer reports none)."""
        return True in (self.swelling, self.locking, self.giving_way)

    @property
    def session_pain(self) -> int | None:
        """The worst pain reported during or straight after the walk, None if neither was."""
        during, after = self.pain_during, self.pain_after  # `worse`, inlined: read every session
        if during is None:
            return after
        return during if after is None or during >= after else after

    @property
    def peak_pain(self) -> int | None:
        """The worst pain reported at any time, the next morning included; None if none was."""
        return worse(self.session_pain, self.pain_next_morning)

    @property
    def unanswered(self) -> tuple[str, ...]:
        """The questions a good session needs answered that were not: pain during, effort, form,
        and the safety questions a live check-in lets the walker skip (sharp pain, swelling,
        locking, giving way)."""
        answers = (
            self.pain_during,
            self.rpe,
            self.form_ok,
            self.sharp_pain,
            self.swelling,
            self.locking,
            self.giving_way,
        )
        if None not in answers:  # every one given: the usual case, asked of every session
            return ()
        return tuple(name for name, answer in zip(_ASKED, answers, strict=True) if answer is None)

    def walked_minutes(self, dose: Dose) -> float:
        if not self.done:
            return 0.0
        return dose.minutes if self.minutes_done is None else self.minutes_done


# The questions behind `unanswered`, in the order it names them.
_ASKED = ("pain during", "effort", "form", "sharp pain", "swelling", "locking", "giving way")


def worse(one: int | None, other: int | None) -> int | None:
    """The higher of two pains, either of which may be unknown (None)."""
    if one is None:
        return other
    if other is None or one >= other:
        return one
    return other


class Morning(StrEnum):
    """The next morning graded against the walker's usual pain at rest (PROTOCOL.md §11)."""

    SETTLED = "settled"
    NOT_SETTLED = "not_settled"
    STEP_DOWN = "step_down"
    UNKNOWN = "unknown"


def grade_morning(pain: PainRules, morning: int | None, rest_pain: int) -> Morning:
    """Settled: at most baseline + margin and in the safe zone; step down at once: above the
    acceptable zone or baseline + the step-down margin; in between: not settled, hold."""
    if morning is None:
        return Morning.UNKNOWN
    if morning > pain.acceptable_max or morning >= rest_pain + pain.next_morning_step_down_margin:
        return _STEP_DOWN
    if morning <= rest_pain + pain.next_morning_margin and morning <= pain.safe_max:
        return _SETTLED
    return _NOT_SETTLED


class Verdict(StrEnum):
    """The one thing that matters most about a session, worst first."""

    KNEE_SYMPTOMS = "knee_symptoms"
    SHARP_PAIN = "sharp_pain"
    OVER_LIMIT = "over_limit"
    MORNING_OVER = "morning_over"
    NOT_SETTLED = "not_settled"
    PARTIAL = "partial"
    HARD_EFFORT = "hard_effort"
    POOR_FORM = "poor_form"
    ABOVE_PROGRESS_PAIN = "above_progress_pain"
    UNANSWERED = "unanswered"
    MISSED = "missed"
    GOOD = "good"

    @property
    def over_the_limit(self) -> bool:
        return self in OVER_THE_LIMIT


# Read on every decision, so built once (a tuple of members: `in` finds them by identity); the
# engine asks `in OVER_THE_LIMIT` itself, a property read being a Python call (issue 18).
OVER_THE_LIMIT = (Verdict.OVER_LIMIT, Verdict.MORNING_OVER, Verdict.NOT_SETTLED)
# Members read on every decision, kept in module constants: in Python 3.11 reading
# `Verdict.GOOD` goes through the hook of EnumType's `__getattr__` (issue 18).
_GOOD, _STEP_DOWN, _NOT_SETTLED = Verdict.GOOD, Morning.STEP_DOWN, Morning.NOT_SETTLED
_SETTLED, _MISSED, _OVER_LIMIT = Morning.SETTLED, Verdict.MISSED, Verdict.OVER_LIMIT


def assess(protocol: Protocol, dose: Dose, outcome: SessionOutcome, rest_pain: int) -> Verdict:
    """Judge one session against the pain model and the readiness rule. Only answers given are
    judged; a good session may still have an unknown next morning (see `grade_morning`)."""
    return judged(protocol, dose, outcome, rest_pain, outcome.session_pain)


def judged(
    protocol: Protocol, dose: Dose, outcome: SessionOutcome, rest_pain: int, worst: int | None
) -> Verdict:
    """`assess`, given the session's pain (`outcome.session_pain`) already read: the engine
    reads it once for the verdict and the counts after it (issue 18)."""
    pain = protocol.pain
    if not outcome.done:
        return _MISSED
    if True in (outcome.swelling, outcome.locking, outcome.giving_way):  # knee symptoms
        return Verdict.KNEE_SYMPTOMS
    if outcome.sharp_pain:
        return Verdict.SHARP_PAIN
    if worst is not None and worst > pain.acceptable_max:
        return _OVER_LIMIT
    morning = outcome.pain_next_morning
    if morning is not None:
        graded = grade_morning(pain, morning, rest_pain)
        if graded is _STEP_DOWN:
            return Verdict.MORNING_OVER
        if graded is _NOT_SETTLED:
            return Verdict.NOT_SETTLED
    # Done: walked in full unless fewer minutes than prescribed are reported.
    done_minutes = outcome.minutes_done
    if done_minutes is not None and done_minutes < dose.minutes - _FULL_SESSION_SLACK_MINUTES:
        return Verdict.PARTIAL
    if outcome.rpe is not None and outcome.rpe > protocol.readiness.rpe_progress_max:
        return Verdict.HARD_EFFORT
    if outcome.form_ok is False:
        return Verdict.POOR_FORM
    if worst is not None and worst > pain.progress_max:
        return Verdict.ABOVE_PROGRESS_PAIN
    if outcome.unanswered:
        return Verdict.UNANSWERED
    return _GOOD


def week_number(on: date) -> int:
    """Weeks since 0001-01-01, a Monday: consecutive weeks have consecutive numbers."""
    return (on.toordinal() - 1) // 7


@dataclass(frozen=True, slots=True)
class PainTrend:
    """Weekly average pain, the current week open and a few closed weeks kept."""

    week: int | None = None
    total: int = 0
    count: int = 0
    closed: tuple[float, ...] = ()
    # The last closed week a rise was already acted on: a rise is acted on once per week.
    acted_through: int | None = None

    def add(self, on: date, pain: int, keep: int) -> PainTrend:
        week = (on.toordinal() - 1) // 7  # `week_number`, inlined: asked every walked session
        if week == self.week:
            total, count, closed = self.total + pain, self.count + 1, self.closed
        else:
            total, count, closed = pain, 1, self._closed_through(week)[-keep:]
        return _trend(week, total, count, closed, self.acted_through)

    def acted_on_last_week(self, on: date) -> bool:
        """True when a rise was already acted on in the week before `on`'s last closed week."""
        return self.acted_through is not None and self.acted_through >= week_number(on) - 2

    def acted_on(self, on: date) -> PainTrend:
        """Remember that the rise seen up to the week before `on` has been acted on."""
        return _trend(self.week, self.total, self.count, self.closed, week_number(on) - 1)

    def rising(self, on: date, weeks: int, min_increase: float) -> tuple[float, ...] | None:
        """The weekly averages, if each of the last `weeks` closed weeks rose by `min_increase`."""
        closed = self.closed
        if len(closed) < weeks:  # too few weeks even with the open one closed
            return None
        # `week_number` and `_closed_through`, inlined: asked before every decision.
        this_week = (on.toordinal() - 1) // 7
        if self.acted_through is not None and self.acted_through >= this_week - 1:
            return None
        if self.week is not None and self.count and this_week != self.week:
            closed = (*closed, self.total / self.count)  # the open week has closed
        if len(closed) < weeks + 1:
            return None
        if weeks and closed[-1] - closed[-2] < min_increase:
            return None  # the last week's rise, the one most often missing, asked first
        means = closed[-(weeks + 1) :]
        earlier = means[0]
        for later in means[1:]:  # a plain loop: the engine asks this before every decision
            if later - earlier < min_increase:
                return None
            earlier = later
        return means

    def falling(self, on: date) -> bool:
        """True when the last closed week's average (up to `on`) is below the week before's."""
        closed = self.closed  # `_closed_through`, without building the tuple: asked every decision
        if self.week is None or self.count == 0 or (on.toordinal() - 1) // 7 == self.week:
            return len(closed) >= 2 and closed[-1] < closed[-2]
        return len(closed) >= 1 and self.total / self.count < closed[-1]  # the open week closed

    def _closed_through(self, week: int) -> tuple[float, ...]:
        if self.week is None or week == self.week or self.count == 0:
            return self.closed
        return (*self.closed, self.total / self.count)


_SettableTrend = settable_twin(PainTrend)


def _trend(
    week: int | None,
    total: int,
    count: int,
    closed: tuple[float, ...],
    acted_through: int | None,
) -> PainTrend:
    """`PainTrend(week, total, count, closed, acted_through)`, built as its settable twin
    (frozen.py): the engine folds one into the state after most sessions (issue 18)."""
    trend: Any = _SettableTrend()
    trend.week = week
    trend.total = total
    trend.count = count
    trend.closed = closed
    trend.acted_through = acted_through
    trend.__class__ = PainTrend
    built: PainTrend = trend
    return built
