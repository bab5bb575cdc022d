"""Check-in answers given in advance, as a JSON file (`retrowalk go --check-in-from`): read and
checked before the walk starts, so a mistake in it never costs the walker their session."""

from __future__ import annotations

from pydantic import Field, ValidationError

from retrowalk.coach.checkin import CheckIn
from retrowalk.coach.reported import Answers
from retrowalk.domain.dose import HandSupport
from retrowalk.domain.stop_reason import StopReason
from retrowalk.services.commands import Command
from retrowalk.services.validation import first_input_error


class CheckInAnswers(Command):
    """The walker's check-in, wherever it comes from (the live page, an answers file). Pain,
    sharp pain and effort must be sent, null when the walker skipped the question (unknown,
    never 0 or "no"); form and the knee symptoms left out are unknown too. `stop_reason`: why a
    walk stopped before its end (only then)."""

    pain_during: int | None = Field(ge=0, le=10)
    sharp_pain: bool | None
    rpe: int | None = Field(ge=0, le=10)
    form_ok: bool | None = None
    swelling: bool | None = None
    locking: bool | None = None
    giving_way: bool | None = None
    hands_used: HandSupport | None = None
    stable_without_hands: bool = False
    notes: str = Field(default="", max_length=4000)
    stop_reason: StopReason | None = None


class _AnswersIn(CheckInAnswers):
    go_on: bool = False


class AnswersFile:
    """Answers given in advance, as JSON: `pain_during`, `sharp_pain` and `rpe` are required
    (null: skipped); `form_ok` and the knee symptoms default to unknown, `hands_used` to the
    planned hands, `stable_without_hands` to false. `stop_reason` answers "why did you stop?"
    after an early STOP, and `go_on` whether a stop by mistake or interruption goes on."""

    def __init__(self, text: str) -> None:
        try:
            self._answers = _AnswersIn.model_validate_json(text)
        except ValidationError as error:
            raise first_input_error(error, "check-in") from None

    def why_stopped(self) -> StopReason | None:
        return self._answers.stop_reason

    def go_on(self) -> bool:
        return self._answers.go_on

    def ask(self, planned_hands: HandSupport, stop_reason: StopReason | None = None) -> CheckIn:
        given = self._answers.model_dump(exclude={"go_on", "stop_reason"})
        return Answers(**given, stop_reason=stop_reason).check_in(planned_hands)
