"""The check-in asked at the keyboard, each question shown and spoken.

After an early STOP it asks why first, and whether to go on when the stop was a mistake or an
interruption. No question about the knee or the effort has an answer chosen in advance: Enter
alone asks again, and `skip` leaves it unknown (None)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from rich.console import Console

from retrowalk.coach.checkin import CheckIn, Question, questions_after
from retrowalk.coach.speech import Voice
from retrowalk.domain.cues import Cue, say
from retrowalk.domain.dose import HandSupport
from retrowalk.domain.stop_reason import StopReason

_T = TypeVar("_T")
SKIP = "skip"
_REASONS = ", ".join(reason.value for reason in StopReason)


def yes_no(answer: str) -> bool:
    """'yes' or 'no' (or y, n); anything else is no answer (ValueError)."""
    if answer in ("y", "yes"):
        return True
    if answer in ("n", "no"):
        return False
    raise ValueError(answer)


def scale(answer: str) -> int:
    """A whole number from 0 to 10."""
    if not answer.isdigit() or int(answer) > 10:
        raise ValueError(answer)
    return int(answer)


def _hands(answer: str) -> HandSupport | None:
    """A hand support, or None (as planned) for Enter."""
    return HandSupport(answer) if answer else None


class TerminalCheckIn:
    def __init__(self, console: Console, voice: Voice) -> None:
        self._console, self._voice = console, voice

    def why_stopped(self) -> StopReason | None:
        return self._ask(Cue.ASK_STOP_REASON, _REASONS, StopReason)

    def go_on(self) -> bool:
        return self._ask(Cue.ASK_GO_ON, "yes, no", yes_no, may_skip=False) is True

    def ask(self, planned_hands: HandSupport, stop_reason: StopReason | None = None) -> CheckIn:
        given: dict[str, Any] = {"sharp_pain": None}  # a stop for pain answers it
        given |= {q.field: self._answer(q) for q in questions_after(stop_reason)}
        given["hands_used"] = given.get("hands_used") or planned_hands
        # Steady enough to let go: a skip counts as no (the safe reading), never as yes.
        given["stable_without_hands"] = given.get("stable_without_hands") is True
        return CheckIn(**given).after_stop(stop_reason)

    def _answer(self, question: Question) -> Any:
        cue = question.cue
        if question.field in ("pain_during", "rpe"):
            return self._ask(cue, "0-10", scale)
        if question.field == "hands_used":  # not a safety question: Enter keeps the plan's
            hands = ", ".join(h.value for h in HandSupport)
            return self._ask(cue, f"{hands}, Enter: as planned", _hands)
        if question.field == "notes":
            return self._said(cue, "")
        return self._ask(cue, "yes, no", yes_no)

    def _ask(
        self, cue: Cue, choices: str, read: Callable[[str], _T], may_skip: bool = True
    ) -> _T | None:
        """Ask until answered: `read` turns the answer into a value or refuses it."""
        options = f"{choices}, {SKIP}" if may_skip else choices
        while True:
            answer = self._said(cue, f" [{options}]").lower()
            if may_skip and answer == SKIP:
                return None
            try:
                return read(answer)
            except ValueError:
                self._console.print(f"Please answer {options}.")

    def _said(self, cue: Cue, options: str) -> str:
        message = say(cue)
        self._voice.say(message)
        return self._console.input(f"{message.text}{options} ").strip()
