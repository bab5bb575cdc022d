"""The data commands: `db upgrade`, `backup`, `restore`, `export`, `import` (a .fit or .csv
file: cli/import_sessions.py).

Each parses its arguments, calls one service and prints the result. The database code loads
inside the commands, so the CLI starts quickly for everything else.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from retrowalk.cli import log_options as o
from retrowalk.cli.errors import fail_on_user_error
from retrowalk.cli.output import write_output
from retrowalk.cli.wiring import opened
from retrowalk.domain.errors import InputError

db_app = typer.Typer(name="db", help="Look after the database itself.", no_args_is_help=True)

FilePath = Annotated[Path, typer.Argument(metavar="FILE")]


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    FIT = "fit"
    TCX = "tcx"


# The formats of one session (an activity file); json and csv export everything.
ONE_SESSION = (ExportFormat.FIT, ExportFormat.TCX)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Upgrade the database to this version's schema (back it up first)."""
    with opened(check_schema=False) as wiring:
        before = wiring.database.upgrade()
        after = wiring.database.head_revision()
    if before == after:
        typer.echo(f"The database is already at the current schema ({after}).")
    else:
        typer.echo(f"Upgraded the database from {before or 'empty'} to {after}.")


def backup(file: FilePath) -> None:
    """Write a consistent copy of the database to FILE, even while retrowalk is in use.

    SQLite gives a database file; PostgreSQL a JSON snapshot. `retrowalk restore` reads both.
    """
    from retrowalk.services.interchange import backup as take_backup

    with opened() as wiring:
        take_backup(file, wiring.data)
    typer.echo(f"Backed up to {file}.")


def restore(file: FilePath) -> None:
    """Replace everything in the database with a backup or a JSON export (one transaction)."""
    from retrowalk.services.interchange import restore as put_back

    with opened() as wiring:
        put_back(file, wiring.data)
    typer.echo(f"Restored from {file}.")


def export(
    session_id: Annotated[
        int | None,
        typer.Argument(
            metavar="SESSION_ID",
            help="fit and tcx: the walked session to export (its id in `retrowalk history`).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            help="json: everything; csv: the sessions; fit or tcx: one session as an activity "
            "file for Strava, Garmin Connect or intervals.icu.",
        ),
    ] = ExportFormat.JSON,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of the screen.")
    ] = None,
) -> None:
    """Export all data as JSON, every logged session as CSV, or one session as FIT or TCX.

    With --output the file is written whole or not at all (an old file stays as it was if
    writing fails, on a full disk say). A FIT file is never printed on a terminal: give -o
    or redirect it.

    Examples:
      [bold]retrowalk export --format csv -o sessions.csv[/bold]
      [bold]retrowalk export --format fit 12 -o walk.fit[/bold]
    """
    _check_session_id(output_format, session_id)
    if session_id is not None:
        from retrowalk.cli.export_activity import export_activity

        export_activity(output_format.value, session_id, output)
        return
    from retrowalk.services.interchange import export_json
    from retrowalk.services.session_csv import export_csv

    with opened() as wiring:
        text = (
            export_json(wiring.data)
            if output_format is ExportFormat.JSON
            else export_csv(wiring.uow())
        )
    if output is None:
        typer.echo(text, nl=False)
        return
    write_output(output, text)


def _check_session_id(output_format: ExportFormat, session_id: int | None) -> None:
    """fit and tcx need the session; json and csv take none (they export everything)."""

    with fail_on_user_error():
        if output_format in ONE_SESSION and session_id is None:
            raise InputError(
                "SESSION_ID",
                None,
                f"--format {output_format} exports one walked session: give its id "
                "(the id column of `retrowalk history`)",
            )
        if output_format not in ONE_SESSION and session_id is not None:
            raise InputError(
                "SESSION_ID",
                session_id,
                f"--format {output_format} exports every session; give a session id only "
                "with --format fit or --format tcx",
            )


Yes = Annotated[
    bool,
    typer.Option(
        "--yes", "-y", help="Log what the preview shows without asking (a .csv: the rows it can)."
    ),
]


def import_(
    file: Annotated[Path, typer.Argument(metavar="FILE.json|FILE.fit|FILE.csv")],
    yes: Yes = False,
    pain_during: o.PainDuring = None,
    pain_after: o.PainAfter = None,
    rpe: o.Rpe = None,
) -> None:
    """Load a JSON export into an empty database, or log a watch's walk (.fit) or a
    spreadsheet's sessions (.csv) as your next sessions.

    A .json export is taken whole or not at all. A .fit or .csv file is shown first: the
    sessions it will log (each as the next planned session, in date order) and the rows it
    cannot; nothing is stored until you confirm ([bold]--yes[/bold] confirms, and for a .csv
    leaves out the rows shown as refused). The same .fit or .csv file is never logged twice.
    A watch knows nothing of your knee: give --pain-during, --pain-after and --rpe with a
    .fit file, or they stay unknown.
    """
    answers = {"pain_during": pain_during, "pain_after": pain_after, "rpe": rpe}
    given = {name: value for name, value in answers.items() if value is not None}
    suffix = file.suffix.lower()
    with fail_on_user_error():
        if given and suffix != ".fit":
            option = "--" + next(iter(given)).replace("_", "-")
            raise InputError(option, next(iter(given.values())), "give it only with a .fit file")
        if suffix not in (".json", ".fit", ".csv"):
            allowed = "give a .json export, a .fit activity or a .csv of sessions"
            raise InputError("FILE", file.name, allowed)
    if suffix == ".fit":
        from retrowalk.cli.import_sessions import import_activity_file

        import_activity_file(file, yes, given)
    elif suffix == ".csv":
        from retrowalk.cli.import_sessions import import_sessions_file

        import_sessions_file(file, yes)
    else:
        _import_export(file)


def _import_export(file: Path) -> None:
    from retrowalk.services.interchange import import_file

    with opened() as wiring:
        import_file(file, wiring.data)
    typer.echo(f"Imported {file}.")


def register(app: typer.Typer) -> None:
    app.add_typer(db_app)
    app.command()(backup)
    app.command()(restore)
    app.command()(export)
    app.command("import")(import_)
