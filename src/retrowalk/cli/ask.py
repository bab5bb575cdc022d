"""Questions at the keyboard, each answer checked as it is typed: a wrong answer is refused
with the reason and the question is asked again. Readers turn the typed text into a value or
raise an InputError; `check` readers add the command's own rule for that field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from retrowalk.domain.errors import InputError
from retrowalk.services.numbers import read_decimal

if TYPE_CHECKING:
    from rich.console import Console

T = TypeVar("T")
Reader = Callable[[str], Any]
_YES, _NO = ("y", "yes"), ("n", "no")


def ask(console: Console, question: str, read: Reader, default: str | None = None) -> Any:
    """Ask until `read` accepts the answer; Enter gives `default` (when there is one)."""
    shown = f" [dim]({default})[/dim]" if default not in (None, "") else ""
    end = " " if question.endswith(("?", ".")) else ": "
    while True:
        text = console.input(f"[bold]{question}[/bold]{shown}{end}").strip()
        if not text and default is not None:
            text = default
        try:
            return read(text)
        except InputError as error:
            given = "No answer" if not text else repr(text)
            console.print(f"[red]✗ {given}: {error.allowed}.[/red] Please answer again.")


def whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise InputError("answer", text, "give a whole number") from None


def number(text: str) -> float:
    """A number as every face reads one: "1,2" is 1.2 (services/numbers.py)."""
    try:
        return read_decimal(text)
    except ValueError as error:
        raise InputError("answer", text, str(error)) from None


def optional(read: Reader) -> Reader:
    """Enter (no answer) gives None."""
    return lambda text: None if text == "" else read(text)


def yes_no(text: str) -> bool:
    if text.lower() in _YES:
        return True
    if text.lower() in _NO:
        return False
    raise InputError("answer", text, "answer yes or no (y or n)")


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError("answer", text, "give a date as YYYY-MM-DD") from None


def choice(options: Sequence[str]) -> Reader:
    """One of `options`, by name or by its number in the list shown."""

    def read(text: str) -> str:
        if text.isdigit() and 1 <= int(text) <= len(options):
            return options[int(text) - 1]
        if text in options:
            return text
        raise InputError("answer", text, f"give one of {', '.join(options)} (or its number)")

    return read


def then(read: Reader, check: Callable[[Any], T]) -> Callable[[str], T]:
    """Read the text, then hold the value to a rule (the command's own, for one field)."""
    return lambda text: check(read(text))


def required(text: str) -> str:
    if not text:
        raise InputError("answer", text, "an answer is needed")
    return text
