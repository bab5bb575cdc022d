"""`retrowalk import FILE.fit` and `retrowalk import FILE.csv`: a watch's activity or a
spreadsheet's sessions logged as the walker's next sessions, after a preview the walker
confirms (or `--yes`). Without a terminal and without --yes, nothing is stored."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from retrowalk.cli.errors import EXIT_BAD_INPUT
from retrowalk.cli.import_render import show_preview
from retrowalk.cli.log_options import named_by_option
from retrowalk.cli.output import console
from retrowalk.cli.wiring import opened, refuse_red_flags, shown_units, the_walker
from retrowalk.domain.errors import InputError
from retrowalk.formats.fit_decode import FIT_MOST_BYTES
from retrowalk.formats.fit_read import read_fit_activity
from retrowalk.formats.session_csv_read import CSV_MOST_BYTES, read_sessions_csv
from retrowalk.services.activity_import import import_activity, preview_activity
from retrowalk.services.file_input import read_capped
from retrowalk.services.import_log import Imported, file_key
from retrowalk.services.sessions_import import import_sessions, preview_sessions

TREADMILL = "Was this backward walking on a treadmill? Log it"


def import_activity_file(file: Path, yes: bool, answers: dict[str, Any]) -> None:
    with opened() as wiring:
        walker = the_walker(wiring)
        refuse_red_flags(walker)
        data = read_capped(file, FIT_MOST_BYTES)
        activity = read_fit_activity(data)
        key = file_key(data)
        try:
            shown = preview_activity(walker.id, activity, key, answers, wiring.uow(), wiring.clock)
        except InputError as error:
            raise named_by_option(error, answers) from None
        show_preview(shown.preview, shown_units(wiring.settings, walker), shown.warnings, console())
        if not _confirmed(yes, TREADMILL):
            return
        seq = shown.preview.first_seq
        imported = import_activity(
            walker.id, activity, key, seq, answers, wiring.uow(), wiring.clock
        )
    _said(imported, file)


def import_sessions_file(file: Path, yes: bool) -> None:
    with opened() as wiring:
        walker = the_walker(wiring)
        refuse_red_flags(walker)
        data = read_capped(file, CSV_MOST_BYTES)
        read, key = read_sessions_csv(data), file_key(data)
        preview = preview_sessions(walker.id, read, key, wiring.uow(), wiring.clock)
        show_preview(preview, shown_units(wiring.settings, walker), (), console())
        if not preview.logs:
            typer.echo("Error: FILE: no row can be logged; nothing was stored.", err=True)
            raise typer.Exit(EXIT_BAD_INPUT)
        rest = " and leave out the rows above" if preview.refused else ""
        if not _confirmed(yes, f"Log these {len(preview.logs)} sessions{rest}"):
            return
        imported = import_sessions(
            walker.id, read, key, preview.first_seq, wiring.uow(), wiring.clock, True
        )
    _said(imported, file)


def _confirmed(yes: bool, question: str) -> bool:
    if yes:
        return True
    if not sys.stdin.isatty():
        typer.echo(
            "Nothing stored: standard input is not a terminal to confirm on; "
            "add --yes to log what is shown.",
            err=True,
        )
        raise typer.Exit(EXIT_BAD_INPUT)
    if typer.confirm(f"{question}?", default=False):
        return True
    typer.echo("Nothing stored.")
    return False


def _said(imported: Imported, file: Path) -> None:
    count = len(imported.logs)
    last = imported.logs[-1].next_session
    typer.echo(
        f"Imported {count} session{'s' if count != 1 else ''} from {file.name}. "
        f"Next session: {last.on.isoformat()} ({' '.join(last.decision.reasons)})"
    )
