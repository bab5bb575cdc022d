"""`retrowalk report`: the report for the therapist's chart, as a PDF (the same templates as the
web page's). WeasyPrint and the web templates load inside the command, never at start-up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from retrowalk.cli.errors import fail_on_user_error
from retrowalk.cli.wiring import opened, the_walker

if TYPE_CHECKING:
    from retrowalk.web.report.pdf import Pdf

From = Annotated[
    str | None,
    typer.Option("--from", metavar="YYYY-MM-DD", help="From this day on (default: the start)."),
]
To = Annotated[
    str | None, typer.Option("--to", metavar="YYYY-MM-DD", help="Up to this day (default: today).")
]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="The PDF to write (default: retrowalk-report-YYYY-MM-DD.pdf)."
    ),
]
PaperOption = Annotated[
    str | None,
    typer.Option(
        "--paper", metavar="a4|letter", help="Paper size (default: letter for mph, a4 for km/h)."
    ),
]


def register(app: typer.Typer) -> None:
    app.command("report")(report)


def report(
    since: From = None, until: To = None, output: Output = None, paper: PaperOption = None
) -> None:
    """Write the report for your physical therapist as a PDF.

    Your answers, the protocol and limits in force, charts of the dose and of pain, adherence,
    every decision with its reason, flags and stops, and your notes: one to three pages. The
    file is written whole or not at all.

    Examples:
      [bold]retrowalk report --output report.pdf[/bold]
      [bold]retrowalk report --from 2027-01-01 --to 2027-03-31 --paper a4 -o q1.pdf[/bold]
    """
    from retrowalk.services.answer_words import day_words
    from retrowalk.services.report import therapist_report
    from retrowalk.web.report.asked import report_paper, report_period
    from retrowalk.web.report.pdf import file_name, report_pdf

    with opened() as wiring:
        walker = the_walker(wiring)
        period = report_period(walker.id, since, until, ("--from", "--to"))
        chosen = report_paper(walker, paper, "--paper")
        found = therapist_report(period, wiring.uow(), wiring.clock)
    target = output or Path(file_name(found))
    with fail_on_user_error():
        pages = _write(target, lambda: report_pdf(found, chosen))
    sessions = "session" if found.sessions_done == 1 else "sessions"
    typer.echo(
        f"Wrote {target}: {pages} {'page' if pages == 1 else 'pages'}, "
        f"{found.sessions_done} {sessions} from {day_words(found.first)} to {day_words(found.last)}"
    )


def _write(target: Path, render: Callable[[], Pdf]) -> int:
    """Render into a temporary file beside `target` and rename it there: a failure (no such
    folder, no permission, a full disk) leaves no file, and an old one as it was."""
    from retrowalk.domain.errors import InputError
    from retrowalk.files import atomic_write

    try:
        with atomic_write(target) as temporary:
            pdf = render()
            temporary.write_bytes(pdf.data)
    except OSError as error:
        reason = error.strerror or str(error)
        allowed = f"it cannot be written ({reason}); give a file in a folder you can write to"
        raise InputError("--output", str(target), allowed) from None
    return pdf.pages
