"""The Typer application and its commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from retrowalk import __version__
from retrowalk.cli.admin import register as register_admin
from retrowalk.cli.calendar import register as register_calendar
from retrowalk.cli.certificate import register as register_certificate
from retrowalk.cli.config import register as register_config
from retrowalk.cli.data import register as register_data_commands
from retrowalk.cli.devices import devices_app
from retrowalk.cli.equipment import register as register_equipment
from retrowalk.cli.errors import fail_on_user_error, read_text_file
from retrowalk.cli.go import register as register_go
from retrowalk.cli.history import register as register_history
from retrowalk.cli.init import register as register_init
from retrowalk.cli.log import register as register_log
from retrowalk.cli.paired import register as register_paired
from retrowalk.cli.plan import register as register_plan
from retrowalk.cli.profile import register as register_profile
from retrowalk.cli.progress import register as register_progress
from retrowalk.cli.report import register as register_report
from retrowalk.cli.serve import register as register_serve
from retrowalk.cli.today import register as register_today

app = typer.Typer(
    name="retrowalk",
    help="Coaching for backward (retro) treadmill walking, for knee health.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
)

ScenarioPath = Annotated[
    Path, typer.Argument(metavar="SCENARIO.json", help="A scenario file (see examples/).")
]


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"retrowalk {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Coaching for backward (retro) treadmill walking, for knee health."""


@app.command()
def simulate(scenario: ScenarioPath) -> None:
    """Print, as JSON, the sessions the engine would prescribe for a scenario.

    Exit status: 0 a plan, 2 bad input, 3 a red flag (no plan; the reason on standard error).

    Example: [bold]retrowalk simulate examples/knee_oa_mph.json[/bold]
    """
    from retrowalk.services.simulate import simulate_text, simulation_json

    with fail_on_user_error():
        result = simulate_text(read_text_file(scenario, "SCENARIO.json"))
    typer.echo(json.dumps(simulation_json(result), indent=2, ensure_ascii=False))
    _exit_on_red_flag(result.exit_status, result.red_flag_message)


def _exit_on_red_flag(status: int, message: str) -> None:
    if status != 0:
        typer.echo(f"No plan: {message}", err=True)
        raise typer.Exit(status)


app.add_typer(
    devices_app,
    name="devices",
    help="Find treadmills and straps; decode device bytes; encode FTMS commands.",
)
register_data_commands(app)
register_go(app)
register_init(app)
register_equipment(app)
register_profile(app)
register_today(app)
register_log(app)
register_plan(app)
register_calendar(app)
register_history(app)
register_progress(app)
register_report(app)
register_config(app)
register_serve(app)
register_paired(app)
register_admin(app)
register_certificate(app)
