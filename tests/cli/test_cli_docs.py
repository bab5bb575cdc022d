"""docs/cli.md stays honest: every command, and every subcommand of the groups a walker uses,
is in it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from retrowalk.cli.app import app

GUIDE = (Path(__file__).parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
WALKERS_GROUPS = ("log", "config", "db")


def _commands() -> list[str]:
    root: Any = typer.main.get_command(app)
    names = list(root.commands)
    for group in WALKERS_GROUPS:
        names += [f"{group} {name}" for name in root.commands[group].commands]
    return names


def test_every_command_is_in_the_walk_through():
    commands = _commands()

    missing = [name for name in commands if f"retrowalk {name}" not in GUIDE]

    assert "log undo" in commands and missing == []
