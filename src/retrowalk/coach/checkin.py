"""The end-of-session check-in: the questions (from the cue catalogue) and the answers.

A script can give the answers as a JSON file; it is read and checked before the walk starts,
so a mistake in it never costs the walker their session.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from retrowalk.domain.cues import Cue
from retrowalk.domain.dose import HandSupport
from retrowalk.services.validation import first_input_error


@dataclass(frozen=True, slots=True)
class CheckIn:
    pain_during: int
    sharp_pain: bool
    rpe: int
    hands_used: HandSupport
    stable_without_hands: bool
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Question:
    field: str
    cue: Cue


QUESTIONS = (
    Question("pain_during", Cue.ASK_PAIN_DURING),
    Question("sharp_pain", Cue.ASK_SHARP_PAIN),
    Question("rpe", Cue.ASK_EFFORT),
    Question("hands_used", Cue.ASK_HANDS_USED),
    Question("stable_without_hands", Cue.ASK_STABLE),
    Question("notes", Cue.ASK_NOTES),
)


class CheckInPort(Protocol):
    def ask(self, planned_hands: HandSupport) -> CheckIn:
        """The walker's answers; `planned_hands` is the answer when they give none."""
        ...


class _AnswersIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    pain_during: int = Field(ge=0, le=10)
    sharp_pain: bool
    rpe: int = Field(ge=0, le=10)
    hands_used: HandSupport | None = None
    stable_without_hands: bool = False
    notes: str = Field(default="", max_length=4000)


class AnswersFile:
    """Answers given in advance, as JSON: `pain_during`, `sharp_pain` and `rpe` are required;
    `hands_used` defaults to the planned hands, `stable_without_hands` to false."""

    def __init__(self, text: str) -> None:
        try:
            self._answers = _AnswersIn.model_validate_json(text)
        except ValidationError as error:
            raise first_input_error(error, "check-in") from None

    def ask(self, planned_hands: HandSupport) -> CheckIn:
        given = self._answers
        return CheckIn(
            pain_during=given.pain_during,
            sharp_pain=given.sharp_pain,
            rpe=given.rpe,
            hands_used=given.hands_used or planned_hands,
            stable_without_hands=given.stable_without_hands,
            notes=given.notes,
        )
