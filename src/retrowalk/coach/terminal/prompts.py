"""The check-in asked at the keyboard, each question shown and spoken."""

from __future__ import annotations

from rich.console import Console
from rich.prompt import Confirm, IntPrompt, Prompt

from retrowalk.coach.checkin import CheckIn
from retrowalk.coach.speech import Voice
from retrowalk.domain.cues import Cue, say
from retrowalk.domain.dose import HandSupport

_SCALE = [str(n) for n in range(11)]


class TerminalCheckIn:
    def __init__(self, console: Console, voice: Voice) -> None:
        self._console, self._voice = console, voice

    def ask(self, planned_hands: HandSupport) -> CheckIn:
        pain = IntPrompt.ask(
            self._question(Cue.ASK_PAIN_DURING), console=self._console, choices=_SCALE
        )
        sharp = Confirm.ask(self._question(Cue.ASK_SHARP_PAIN), console=self._console)
        rpe = IntPrompt.ask(self._question(Cue.ASK_EFFORT), console=self._console, choices=_SCALE)
        hands = Prompt.ask(
            self._question(Cue.ASK_HANDS_USED),
            console=self._console,
            choices=[h.value for h in HandSupport],
            default=planned_hands.value,
        )
        stable = Confirm.ask(self._question(Cue.ASK_STABLE), console=self._console)
        notes = Prompt.ask(
            self._question(Cue.ASK_NOTES), console=self._console, default="", show_default=False
        )
        return CheckIn(pain, sharp, rpe, HandSupport(hands), stable, notes.strip())

    def _question(self, cue: Cue) -> str:
        message = say(cue)
        self._voice.say(message)
        return message.text
