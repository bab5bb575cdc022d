"""`retrowalk config`: where the data is, which database, which units; and setting them in the
config file. Every value comes from the one settings object (retrowalk/settings.py)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from retrowalk.cli.errors import fail_on_user_error
from retrowalk.cli.output import console, print_json

config_app = typer.Typer(name="config")
Key = Annotated[
    str,
    typer.Argument(metavar="KEY", help="units, data_dir, database_url or database_timeout."),
]
UNITS_DEFAULT = "each walker's own (chosen at `retrowalk init`)"


def register(app: typer.Typer) -> None:
    app.add_typer(config_app)


@config_app.callback(invoke_without_command=True)
def config(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the settings as JSON.")] = False,
) -> None:
    """Units, data directory, database: each setting and where it comes from.

    A setting comes from an environment variable (RETROWALK_UNITS...), the config file, or
    the default; `set` and `unset` change the config file.

    Examples:
      [bold]retrowalk config[/bold]
      [bold]retrowalk config set units metric[/bold]
      [bold]retrowalk config set data_dir ~/walking[/bold]
      [bold]retrowalk config unset units[/bold]
    """
    if ctx.invoked_subcommand is not None:
        return
    from retrowalk.settings import get_settings

    with fail_on_user_error():
        shown = settings_json(get_settings())
    if as_json:
        print_json(shown)
        return
    from rich.table import Table

    table = Table(title="retrowalk settings", title_justify="left")
    for column in ("setting", "value", "from"):
        table.add_column(column)
    for name, item in shown.items():
        value = item["value"]
        text = f"{value:g} seconds" if isinstance(value, float) else str(value or UNITS_DEFAULT)
        table.add_row(name, text, item["from"])
    console().print(table)


@config_app.command("set")
def set_(key: Key, value: Annotated[str, typer.Argument(metavar="VALUE")]) -> None:
    """Write a setting to the config file (checked first)."""
    _change(key, value)


@config_app.command("unset")
def unset(key: Key) -> None:
    """Remove a setting from the config file (its default applies again)."""
    _change(key, None)


def settings_json(settings: Any) -> dict[str, dict[str, Any]]:
    values = {
        "units": settings.units,
        "data_dir": str(settings.data_dir),
        "database_url": settings.shown_database_url,
        "database_timeout": settings.database_timeout,
        "config_file": str(settings.config_file),
    }
    origins = dict(settings.origins)
    if settings.database_url is None:
        origins["database_url"] = f"data_dir ({origins['data_dir']})"
    return {name: {"value": value, "from": str(origins[name])} for name, value in values.items()}


def _change(key: str, value: str | None) -> None:
    from retrowalk.settings import ENV_PREFIX, Origin, get_settings, save_config_file

    name = key.replace("-", "_")
    with fail_on_user_error():
        settings = get_settings()
        save_config_file(settings.config_file, {name: value})
    get_settings.cache_clear()  # this process reads the settings afresh from now on
    done = f"Set {name} = {value}" if value is not None else f"Removed {name}"
    typer.echo(f"{done} in {settings.config_file}.")
    if settings.origins.get(name) is Origin.ENVIRONMENT:
        variable = ENV_PREFIX + name.upper()
        typer.echo(f"Note: {variable} is set, and wins over the config file.")
