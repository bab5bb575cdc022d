"""The `retrowalk` group itself: its name, help and `--version`, shared by the whole app
(cli/app.py) and by the app of one command that `retrowalk NAME ...` builds (cli/lazy.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from retrowalk import __version__

HELP = "Coaching for backward (retro) treadmill walking, for knee health."


def new_app() -> typer.Typer:
    """A `retrowalk` group with no commands yet."""
    app = typer.Typer(
        name="retrowalk",
        help=HELP,
        no_args_is_help=True,
        add_completion=True,
        rich_markup_mode="rich",
        pretty_exceptions_show_locals=False,
    )
    app.callback()(main)
    return app


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"retrowalk {__version__}")
        raise typer.Exit()


def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Coaching for backward (retro) treadmill walking, for knee health."""
