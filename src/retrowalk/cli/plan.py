"""`retrowalk plan`: the coming weeks for the walker of this machine, or a scenario's plan."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from retrowalk.cli.errors import EXIT_SAFETY_STOP, fail_on_user_error, read_text_file
from retrowalk.cli.output import console, print_json
from retrowalk.cli.wiring import opened, shown_units, the_walker

MOST_WEEKS = 52


class Pain(StrEnum):
    """`--pain`: kept here so that the command's help loads no service."""

    WELL = "well"
    USUAL = "usual"


def register(app: typer.Typer) -> None:
    app.command("plan")(plan)


def plan(
    scenario: Annotated[
        Path | None,
        typer.Argument(metavar="[SCENARIO.json]", help="A scenario file (see examples/)."),
    ] = None,
    weeks: Annotated[
        int, typer.Option("--weeks", min=1, max=MOST_WEEKS, help="How many weeks ahead.")
    ] = 4,
    pain: Annotated[
        Pain,
        typer.Option(
            "--pain",
            help="How the walks ahead go: free of pain (well), or at your usual pain "
            "(usual: your pain at rest, during, after and the next morning).",
        ),
    ] = Pain.WELL,
    as_json: Annotated[bool, typer.Option("--json", help="Print the plan as JSON.")] = False,
) -> None:
    """The coming weeks as a table: dose, what changes and why.

    Without a file: the sessions ahead for the walker of this machine, if every walk goes as
    prescribed, free of pain or (--pain usual) at your usual pain. With one: a scenario's
    whole plan (`retrowalk simulate`, for people).

    Exit status 3 when a red flag leaves no plan.

    Examples:
      [bold]retrowalk plan[/bold]
      [bold]retrowalk plan --weeks 8[/bold]
      [bold]retrowalk plan --pain usual[/bold]
      [bold]retrowalk plan examples/knee_oa_kmh.json[/bold]
    """
    from retrowalk.services.simulate import Simulation, simulate_text, simulation_json

    result: Simulation
    if scenario is not None:
        with fail_on_user_error():
            result = simulate_text(read_text_file(scenario, "SCENARIO.json"))
    else:
        from retrowalk.services.plan_ahead import Assume, plan_ahead

        with opened() as wiring:
            walker = the_walker(wiring)
            assume = Assume(pain.value)
            ahead = plan_ahead(walker.id, weeks, wiring.uow(), wiring.clock, assume)
            result = Simulation(ahead.preview, shown_units(wiring.settings, walker))
    if as_json:
        print_json(simulation_json(result))
    else:
        from retrowalk.cli.render import render_plan  # Rich's tables: only for people

        render_plan(simulation_json(result), console())
    if result.exit_status != 0:
        typer.echo(f"No plan: {result.red_flag_message}", err=True)
        raise typer.Exit(EXIT_SAFETY_STOP)
