"""`retrowalk NAME ...` loads the module of command NAME alone, not the whole app: Typer then
builds one command instead of every one, and none of the other commands' imports run.

A command not listed here (or no command: `retrowalk --help`) runs in the whole app
(cli/app.py). A test checks that each module listed registers its name, with the same help as
in the whole app.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

# Command name -> the module whose `register(app)` adds it (some add a few names).
COMMAND_MODULES = {
    "simulate": "retrowalk.cli.simulate",
    "devices": "retrowalk.cli.devices",
    "backup": "retrowalk.cli.data",
    "restore": "retrowalk.cli.data",
    "export": "retrowalk.cli.data",
    "import": "retrowalk.cli.data",
    "db": "retrowalk.cli.data",
    "go": "retrowalk.cli.go",
    "init": "retrowalk.cli.init",
    "equipment": "retrowalk.cli.equipment",
    "profile": "retrowalk.cli.profile",
    "clearance": "retrowalk.cli.profile",
    "today": "retrowalk.cli.today",
    "log": "retrowalk.cli.log",
    "plan": "retrowalk.cli.plan",
    "calendar": "retrowalk.cli.calendar",
    "history": "retrowalk.cli.history",
    "progress": "retrowalk.cli.progress",
    "report": "retrowalk.cli.report",
    "config": "retrowalk.cli.config",
    "serve": "retrowalk.cli.serve",
    "paired": "retrowalk.cli.paired",
    "certificate": "retrowalk.cli.certificate",
    "admin": "retrowalk.cli.admin",
}


def app_for(arguments: list[str]) -> typer.Typer:
    """The app that runs `arguments`: one command's, when the first argument names one."""
    module = COMMAND_MODULES.get(arguments[0]) if arguments else None
    if module is None:
        from retrowalk.cli.app import app

        return app
    from retrowalk.cli.root import new_app

    app = new_app()
    import_module(module).register(app)
    return app
