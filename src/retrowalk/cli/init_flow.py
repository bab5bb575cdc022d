"""The working half of `retrowalk init` (loaded only when it runs): read a profile file, ask
what is missing, confirm, and onboard. A field onboarding refuses is asked again when it was a
question, or named by its option when it was given as one."""

from __future__ import annotations

import json
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from retrowalk.bootstrap import Wiring
from retrowalk.cli import ask as a
from retrowalk.cli.init_answers import (
    EQUIPMENT_KEYS,
    answer_of,
    named_by_option,
    onboard_data,
)
from retrowalk.cli.init_questions import (
    QUESTION_KEYS,
    QUESTIONS,
    answer_words,
    ask_missing,
    units_of,
)
from retrowalk.domain.errors import InputError
from retrowalk.services.onboard import Onboarded, onboard, onboard_command

PROFILE_KEYS = ("walker", "equipment", "start", "sessions_per_week")
# A whole scenario file is a profile too; what it says about outcomes is not part of one.
SCENARIO_ONLY_KEYS = ("weeks", "outcomes")


def profile_data(text: str) -> dict[str, Any]:
    """A profile file's content: a scenario's `walker` and `equipment`, maybe `start` and
    `sessions_per_week` (a whole scenario file works; its `weeks` and `outcomes` are unused)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError("--from-file", "(the text)", f"it is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise InputError("--from-file", type(data).__name__, "a profile is a JSON object")
    for key in data:
        if key not in PROFILE_KEYS + SCENARIO_ONLY_KEYS:
            raise InputError(key, data[key], f"not part of a profile; give {PROFILE_KEYS}")
    return {key: data[key] for key in PROFILE_KEYS if key in data}


def onboard_as_given(
    wiring: Wiring, answers: dict[str, Any], base: dict[str, Any] | None
) -> Onboarded:
    try:
        command = onboard_command(onboard_data(answers, base))
        return onboard(command, wiring.uow(), wiring.clock)
    except InputError as error:
        raise named_by_option(error, answers, from_options=base is None) from None


def ask_and_onboard(wiring: Wiring, answers: dict[str, Any], console: Console) -> Onboarded:
    given = frozenset(answers)
    context = {"_today": wiring.clock.today(), "_units_default": wiring.settings.units}
    answers = ask_missing(console, {**{k: v for k, v in context.items() if v}, **answers})
    _summary(console, answers)
    if not a.ask(console, "Save these answers and see your plan?", a.yes_no, "yes"):
        console.print("Nothing was saved.")
        raise typer.Exit()
    while True:
        try:
            return onboard(onboard_command(onboard_data(answers)), wiring.uow(), wiring.clock)
        except InputError as error:
            again = _asked_again(error, answers) - given
            if not again:
                raise named_by_option(error, answers) from None
            console.print(f"[red]✗ {error.value!r}: {error.allowed}.[/red] Please answer again.")
            for key in again:
                answers.pop(key, None)
            ask_missing(console, answers)


def _asked_again(error: InputError, answers: dict[str, Any]) -> frozenset[str]:
    """The questions whose answers onboarding refused: one field, or the equipment's answers
    when they disagree with each other (the slowest speed above the fastest...)."""
    key = answer_of(error.field)
    if key in QUESTION_KEYS:
        return frozenset({key})
    if error.field == "equipment":
        return frozenset(EQUIPMENT_KEYS.get(str(answers.get("equipment")), ())) - {"speed_unit"}
    return frozenset()


def _summary(console: Console, answers: dict[str, Any]) -> None:
    table = Table(title="Your answers", show_header=False, title_justify="left")
    table.add_column(style="dim")
    table.add_column()
    units = units_of(answers)
    for question in QUESTIONS:
        if question.key in answers:
            table.add_row(
                question.asked(answers), answer_words(question.key, answers[question.key], units)
            )
    console.print(table)
