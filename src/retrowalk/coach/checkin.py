"""The end-of-session check-in: the questions (from the cue catalogue) and the answers.

After a STOP before the end, the check-in asks why first. A stop by mistake or for an
interruption may go on with the same session (coach/session.py); a stop for pain answers the
sharp-pain question (yes), a stop for balance the steadiness question (no). The safety
questions start unanswered: the walker answers or skips, and a skipped answer is None
(unknown, never "no" or 0).

A script can give the answers as a JSON file (services/answers_file.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from retrowalk.domain.cues import Cue
from retrowalk.domain.dose import HandSupport
from retrowalk.domain.stop_reason import StopReason


@dataclass(frozen=True, slots=True)
class CheckIn:
    """The walker's answers; None is a question skipped (unknown)."""

    pain_during: int | None
    sharp_pain: bool | None
    rpe: int | None
    hands_used: HandSupport
    stable_without_hands: bool
    notes: str = ""
    form_ok: bool | None = None
    swelling: bool | None = None
    locking: bool | None = None
    giving_way: bool | None = None
    stop_reason: StopReason | None = None

    def after_stop(self, reason: StopReason | None) -> CheckIn:
        """These answers for a walk stopped early for `reason`, with what the reason answers."""
        implied = implied_by(reason)
        sharp = implied.get("sharp_pain", self.sharp_pain)
        stable = implied.get("stable_without_hands", self.stable_without_hands)
        return replace(self, stop_reason=reason, sharp_pain=sharp, stable_without_hands=stable)


@dataclass(frozen=True, slots=True)
class Question:
    field: str
    cue: Cue


QUESTIONS = (
    Question("stop_reason", Cue.ASK_STOP_REASON),
    Question("pain_during", Cue.ASK_PAIN_DURING),
    Question("sharp_pain", Cue.ASK_SHARP_PAIN),
    Question("rpe", Cue.ASK_EFFORT),
    Question("form_ok", Cue.ASK_FORM),
    Question("swelling", Cue.ASK_SWELLING),
    Question("locking", Cue.ASK_LOCKING),
    Question("giving_way", Cue.ASK_GIVING_WAY),
    Question("hands_used", Cue.ASK_HANDS_USED),
    Question("stable_without_hands", Cue.ASK_STABLE),
    Question("notes", Cue.ASK_NOTES),
)
# The questions answered yes or no, which a walker may skip (unknown).
YES_NO = ("sharp_pain", "form_ok", "swelling", "locking", "giving_way")


def implied_by(reason: StopReason | None) -> dict[str, bool]:
    """The answers a stop reason gives: a stop for pain is sharp pain; a stop for balance says
    the walker was not steady enough to let go."""
    if reason is StopReason.PAIN:
        return {"sharp_pain": True}
    if reason is StopReason.BALANCE:
        return {"stable_without_hands": False}
    return {}


def questions_after(reason: StopReason | None) -> tuple[Question, ...]:
    """The check-in's questions once the stop reason (if any) is known: what it answers is not
    asked again."""
    answered = {"stop_reason", *implied_by(reason)}
    return tuple(q for q in QUESTIONS if q.field not in answered)


class CheckInPort(Protocol):
    def why_stopped(self) -> StopReason | None:
        """Why the walker pressed STOP before the end (None: they would not say)."""
        ...

    def go_on(self) -> bool:
        """After a stop by mistake or an interruption: go on with the session now?"""
        ...

    def ask(self, planned_hands: HandSupport, stop_reason: StopReason | None = None) -> CheckIn:
        """The walker's answers; `planned_hands` is the answer when they give none."""
        ...
