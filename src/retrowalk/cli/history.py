"""`retrowalk history`: the sessions logged, each beside the dose prescribed."""

from __future__ import annotations

from typing import Annotated

import typer

from retrowalk.cli.dates import Since, Until, period
from retrowalk.cli.output import console, print_json
from retrowalk.cli.wiring import opened, shown_units, the_walker

EMPTY = (
    "No sessions logged{when} yet. Walk one with `retrowalk go`, or record it with `retrowalk log`."
)


def register(app: typer.Typer) -> None:
    app.command("history")(history)


def history(
    since: Since = None,
    until: Until = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the sessions as JSON.")] = False,
) -> None:
    """The sessions logged, oldest first: what was prescribed, what was done, pain and effort.

    Examples:
      [bold]retrowalk history[/bold]
      [bold]retrowalk history --since 2026-11-01 --json[/bold]
    """
    from retrowalk.cli.views import history_json
    from retrowalk.services.history import history as logged_sessions

    with opened() as wiring:
        walker = the_walker(wiring)
        logged = logged_sessions(period(walker.id, since, until), wiring.uow())
        units = shown_units(wiring.settings, walker)
    sessions = [history_json(session) for session in logged]
    if as_json:
        print_json(sessions)
    elif not sessions:
        when = " in these dates" if since or until else ""
        console().print(EMPTY.format(when=when))
    else:
        from retrowalk.cli.history_table import history_table

        console().print(history_table(sessions, units))
