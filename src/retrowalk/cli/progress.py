"""`retrowalk progress`: minutes, speed, incline and pain over the weeks, weekly volume,
adherence, the streak and the energy, as terminal charts or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from retrowalk.cli.dates import Since, Until, period
from retrowalk.cli.output import console, print_json
from retrowalk.cli.wiring import opened, shown_units, the_walker

if TYPE_CHECKING:
    from retrowalk.services.progress import Progress

EMPTY = "Nothing walked{when} yet: progress starts with your first session (`retrowalk go`)."


def register(app: typer.Typer) -> None:
    app.command("progress")(progress)


def progress(
    since: Since = None,
    until: Until = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Charts of minutes, speed, incline and pain over the weeks.

    Also the weekly volume against the plan, adherence, the streak of weeks walked as
    planned, and the estimated energy.

    Examples:
      [bold]retrowalk progress[/bold]
      [bold]retrowalk progress --since 2026-10-01 --json[/bold]
    """
    from retrowalk.services.progress import progress as progress_of

    with opened() as wiring:
        walker = the_walker(wiring)
        figures = progress_of(period(walker.id, since, until), wiring.uow(), wiring.clock)
        units = shown_units(wiring.settings, walker)
    if as_json:
        print_json(progress_json(figures))
    elif not figures.points:
        console().print(EMPTY.format(when=" in these dates" if since or until else ""))
    else:
        from retrowalk.cli.progress_render import show_progress

        show_progress(progress_json(figures), units, console())


def progress_json(figures: Progress) -> dict[str, Any]:
    from retrowalk.services.public_progress import ProgressPublic

    return ProgressPublic.of(figures).model_dump(mode="json")
