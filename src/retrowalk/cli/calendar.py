"""`retrowalk calendar`: the walks ahead as an iCalendar file, to import into a calendar app."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from retrowalk.cli.errors import fail_on_user_error
from retrowalk.cli.output import write_output
from retrowalk.cli.wiring import opened, refuse_red_flags, shown_units, the_walker

# Kept here so that the command's help loads no service (services/plan_calendar.py checks the
# same bounds).
FEWEST_WEEKS, MOST_WEEKS = 1, 26


def register(app: typer.Typer) -> None:
    app.command("calendar")(calendar)


def calendar(
    weeks: Annotated[
        int,
        typer.Option("--weeks", help=f"How many weeks ahead ({FEWEST_WEEKS} to {MOST_WEEKS})."),
    ] = 4,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of the screen.")
    ] = None,
) -> None:
    """The walks ahead as an iCalendar (.ics) file: one all-day event per walk, with its dose,
    sets and set-up checklist.

    Importing the file again updates the same events (each walk keeps its UID). To have your
    calendar follow the plan by itself, subscribe to the calendar link on the web app's
    settings page instead. With --output the file is written whole or not at all.

    Exit status 3 when a red flag leaves no plan.

    Examples:
      [bold]retrowalk calendar > plan.ics[/bold]
      [bold]retrowalk calendar --weeks 8 -o plan.ics[/bold]
    """
    from retrowalk.formats.plan_calendar import plan_calendar
    from retrowalk.services.plan_calendar import calendar_plan

    _check_weeks(weeks)
    with opened() as wiring:
        walker = the_walker(wiring)
        refuse_red_flags(walker)
        units = shown_units(wiring.settings, walker)
        plan = calendar_plan(walker.id, weeks, wiring.uow, wiring.clock, units)
    document = plan_calendar(plan)
    if output is None:
        typer.echo(document, nl=False)
        return
    write_output(output, document)
    walks = sum(1 for session in plan.sessions if session.decision.walk)
    typer.echo(f"Wrote {_count(walks, 'walk')} over {_count(weeks, 'week')} to {output}.")


def _check_weeks(weeks: int) -> None:
    from retrowalk.domain.errors import InputError

    if not FEWEST_WEEKS <= weeks <= MOST_WEEKS:
        with fail_on_user_error():
            allowed = f"give a whole number of weeks from {FEWEST_WEEKS} to {MOST_WEEKS}"
            raise InputError("--weeks", weeks, allowed)


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"
