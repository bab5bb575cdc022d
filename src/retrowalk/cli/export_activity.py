"""`retrowalk export --format fit|tcx SESSION_ID`: one walked session as an activity file for
Strava, Garmin Connect, intervals.icu and the like (docs/interchange.md).

A FIT file is binary: it goes to the file given with -o, or to standard output when that is a
pipe or a file (`> walk.fit`), never to a terminal, where it would print as garbage.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from retrowalk.cli.errors import EXIT_BAD_INPUT
from retrowalk.cli.output import write_output
from retrowalk.cli.wiring import opened, the_walker

ON_A_TERMINAL = (
    "Error: --output: missing; a FIT file is binary and is not printed on the screen: "
    "give a file with -o (for example -o session-{id}.fit) or redirect it (> session-{id}.fit)"
)


def export_activity(file_format: str, session_id: int, output: Path | None) -> None:
    """Write session `session_id` of this machine's walker as FIT or TCX."""
    from retrowalk import __version__
    from retrowalk.domain.errors import InputError, NotFoundError
    from retrowalk.formats.fit_activity import fit_activity
    from retrowalk.formats.tcx_activity import tcx_activity
    from retrowalk.services.session_activity import session_activity

    if file_format == "fit" and output is None and sys.stdout.isatty():
        typer.echo(ON_A_TERMINAL.format(id=session_id), err=True)
        raise typer.Exit(EXIT_BAD_INPUT)
    with opened() as wiring:
        walker = the_walker(wiring)
        try:
            exported = session_activity(walker.id, session_id, wiring.uow())
        except InputError as error:  # named as this command names it
            kind = NotFoundError if isinstance(error, NotFoundError) else InputError
            raise kind("SESSION_ID", error.value, error.allowed) from None
    if file_format == "fit":
        _deliver(fit_activity(exported.activity, __version__), output)
    else:
        _deliver(tcx_activity(exported.activity, __version__).encode("utf-8"), output)
    if output is not None:
        typer.echo(f"Wrote the session of {exported.on} to {output}.")


def _deliver(data: bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_output(output, data)
