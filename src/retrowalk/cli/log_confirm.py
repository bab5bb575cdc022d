"""Values the session log asks about before they count (far from the prescription, or a second
log for one day): at the keyboard each question is asked, and a "no" asks for that value
again; with --yes nothing is asked, and the log is refused unless --confirm was given."""

from __future__ import annotations

from typing import Any

import typer
from rich.console import Console

from retrowalk.cli import ask
from retrowalk.cli.log_options import OPTION_OF
from retrowalk.domain.errors import ConfirmationNeeded, Doubt, InputError

HOW = "If it is, run the command again with --confirm (nothing was logged)."


def refused(error: ConfirmationNeeded, given: dict[str, Any]) -> InputError:
    """The refusal when nothing may be asked: every question, and how to confirm."""
    first = error.doubts[0]
    name = OPTION_OF.get(first.field, first.field) if first.field in given else first.field
    questions = " ".join(doubt.question for doubt in error.doubts)
    return InputError(name, first.value, f"{questions} {HOW}")


class Confirmations:
    """What the walker has said yes to so far, so a value confirmed once is not asked again
    when another is typed anew."""

    def __init__(self) -> None:
        self._yes: set[tuple[str, str]] = set()

    def ask(
        self, console: Console, error: ConfirmationNeeded, fields: dict[str, Any], given: set[str]
    ) -> bool:
        """True when every value asked about is confirmed. A "no" takes the value out of
        `fields`, to be asked again; a "no" to a value given as an option logs nothing."""
        doubted = [doubt for doubt in error.doubts if _key(doubt) not in self._yes]
        declined = [doubt for doubt in doubted if not _confirmed(console, doubt)]
        self._yes.update(_key(doubt) for doubt in doubted if doubt not in declined)
        if any(doubt.field in given for doubt in declined):
            console.print("Nothing logged.")
            raise typer.Exit()
        for doubt in declined:
            fields.pop(doubt.field, None)
        return not declined


def _confirmed(console: Console, doubt: Doubt) -> bool:
    answer: bool = ask.ask(console, doubt.question, ask.yes_no, "no")
    return answer


def _key(doubt: Doubt) -> tuple[str, str]:
    return doubt.field, repr(doubt.value)
