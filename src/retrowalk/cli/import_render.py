"""An import's preview as tables: the sessions that will be logged (with the questions a hand
log would be asked) and the rows that will not."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from retrowalk.domain.session_rows import RefusedRow
from retrowalk.domain.units import UnitSystem, format_number
from retrowalk.services.import_log import ImportPreview, ProposedLog


def show_preview(
    preview: ImportPreview, units: UnitSystem, warnings: tuple[str, ...], out: Console
) -> None:
    if preview.logs:
        out.print(_logs_table(preview, units))
    for proposed in preview.logs:
        for question in proposed.questions:
            out.print(f"[yellow]? session {proposed.seq + 1}:[/yellow] {question}")
    if preview.refused:
        out.print(_refused_table(preview.refused))
    for warning in warnings:
        out.print(f"[yellow]! {warning}[/yellow]")


def _logs_table(preview: ImportPreview, units: UnitSystem) -> Table:
    table = Table(
        title="Sessions to log",
        title_justify="left",
        caption="Pain: while walking / just after, 0-10; – not given (unknown).",
        caption_justify="left",
    )
    csv = preview.kind.value == "csv"
    table.add_column("Session", justify="right")
    if csv:
        table.add_column("Line", justify="right")
    table.add_column("Date", no_wrap=True)
    table.add_column("Prescribed", no_wrap=True)
    table.add_column("Done")
    table.add_column("Pain", justify="center", no_wrap=True)
    table.add_column("Effort", justify="right", no_wrap=True)
    table.add_column("Samples", justify="right")
    for proposed in preview.logs:
        cells = [str(proposed.seq + 1), str(proposed.line)] if csv else [str(proposed.seq + 1)]
        outcome = proposed.entry.outcome
        table.add_row(
            *cells,
            proposed.on.isoformat(),
            f"{format_number(proposed.prescribed.minutes, 2)} min",
            done_words(proposed, units),
            f"{_known(outcome.pain_during)} / {_known(outcome.pain_after)}",
            "–" if outcome.rpe is None else f"{outcome.rpe}/10",
            str(proposed.samples) if proposed.samples else "",
        )
    return table


def done_words(proposed: ProposedLog, units: UnitSystem) -> str:
    """'10 min at 1.45 mph, 1.5 %' or 'missed': what the log will say was done."""
    outcome, performed = proposed.entry.outcome, proposed.entry.performed
    if not outcome.done:
        return "missed"
    minutes = outcome.minutes_done
    parts = ["as prescribed" if minutes is None else f"{format_number(minutes, 2)} min"]
    if performed.speed is not None:
        parts.append(performed.speed.describe(units.speed_unit))
    if performed.incline_percent is not None:
        parts.append(f"{format_number(performed.incline_percent)} %")
    return ", ".join(parts)


def _refused_table(refused: tuple[RefusedRow, ...]) -> Table:
    table = Table(title="Rows that will not be logged", title_justify="left")
    table.add_column("Line", justify="right")
    table.add_column("Column")
    table.add_column("Value")
    table.add_column("What it takes")
    for row in refused:
        table.add_row(str(row.line), row.column, row.value[:40], row.allowed)
    return table


def _known(value: int | None) -> str:
    return "–" if value is None else str(value)
