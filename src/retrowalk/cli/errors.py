"""User mistakes become a one-line message and an exit status, never a traceback.

Typer is imported by the functions that raise its Exit: `user_error_answer` and
`read_text_file` serve the commands that run without Typer (cli/simulate_run.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from retrowalk.domain.errors import (
    ConflictError,
    InputError,
    ProtocolError,
    SafetyLimitError,
    StorageError,
)

EXIT_BAD_INPUT = 2
EXIT_SAFETY_STOP = 3


USER_ERRORS = (InputError, ProtocolError, ConflictError, SafetyLimitError)


def user_error_answer(error: Exception) -> tuple[str, int]:
    """What a user mistake prints (one line, on standard error) and the exit status."""
    if isinstance(error, SafetyLimitError):
        return f"Stopped for safety: {error}", EXIT_SAFETY_STOP
    return f"Error: {error}", EXIT_BAD_INPUT


@contextmanager
def fail_on_user_error() -> Iterator[None]:
    import typer

    try:
        yield
    except USER_ERRORS as error:
        message, status = user_error_answer(error)
        typer.echo(message, err=True)
        raise typer.Exit(status) from None


@contextmanager
def exit_on(failure: type[Exception], status: int) -> Iterator[None]:
    """A `failure` the person can act on: its message on one line, and exit `status`."""
    import typer

    try:
        yield
    except failure as error:
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(status) from None


def refuse_without_a_terminal(instead: str) -> None:
    """Questions need a person at a terminal: with piped input, say what to give `instead`."""
    import sys

    import typer

    if not sys.stdin.isatty():
        typer.echo(f"Error: standard input is not a terminal; {instead}", err=True)
        raise typer.Exit(EXIT_BAD_INPUT)


def fail_on_storage_error() -> AbstractContextManager[None]:
    """A database that cannot be opened or used: its message, and exit status 2."""
    return exit_on(StorageError, EXIT_BAD_INPUT)


def read_text_file(path: Path, field: str) -> str:
    """The file's text, or an InputError naming the path and what went wrong."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(
            field, str(path), "no such file; give the path of an existing file"
        ) from None
    except IsADirectoryError:
        raise InputError(field, str(path), "that is a folder; give a file") from None
    except UnicodeDecodeError:
        raise InputError(field, str(path), "the file is not UTF-8 text") from None
    except OSError as error:
        raise InputError(field, str(path), f"the file cannot be read ({error.strerror})") from None
