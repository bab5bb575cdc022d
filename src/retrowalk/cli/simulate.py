"""`retrowalk simulate`: the sessions the engine would prescribe for a scenario file, as JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from retrowalk.cli.simulate_run import simulate_file

ScenarioPath = Annotated[
    Path, typer.Argument(metavar="SCENARIO.json", help="A scenario file (see examples/).")
]


def register(app: typer.Typer) -> None:
    app.command("simulate")(simulate)


def simulate(scenario: ScenarioPath) -> None:
    """Print, as JSON, the sessions the engine would prescribe for a scenario.

    Exit status: 0 a plan, 2 bad input, 3 a red flag (no plan; the reason on standard error).

    Example: [bold]retrowalk simulate examples/knee_oa_mph.json[/bold]
    """
    status = simulate_file(scenario)
    if status != 0:
        raise typer.Exit(status)
