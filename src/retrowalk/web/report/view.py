"""The report's charts and template context, and the printable document the PDF is made from.
The web page and the PDF render the same `_report.html` from the same context."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from retrowalk.domain.units import UnitSystem
from retrowalk.services.answer_words import day_words
from retrowalk.services.report import Report
from retrowalk.web.charts.line import LineChart, Series, line_chart
from retrowalk.web.charts.reference import Reference, reference

if TYPE_CHECKING:
    from jinja2 import Environment

PAIN_TOP = 10.0
TEMPLATES = Path(__file__).parents[1] / "templates"


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def page_size(self) -> str:
        """The CSS `@page` size."""
        return "A4" if self is Paper.A4 else "Letter"

    @property
    def label(self) -> str:
        return "A4" if self is Paper.A4 else "US Letter"


def default_paper(units: UnitSystem) -> Paper:
    """Letter for a walker in miles per hour, A4 for one in km/h."""
    return Paper.LETTER if units is UnitSystem.IMPERIAL else Paper.A4


@dataclass(frozen=True, slots=True)
class ReportCharts:
    dose: tuple[LineChart, ...]
    pain: LineChart | None
    references: tuple[Reference, ...]


def report_charts(report: Report) -> ReportCharts:
    points = report.points
    if not points:
        return ReportCharts((), None, ())
    dates = [p.on for p in points]
    unit = report.units.speed_unit.label
    minutes = Series("minutes", "solid", [p.minutes for p in points])
    dose = [line_chart("minutes", "Minutes walked", "min", dates, [minutes])]
    if report.has_speed:
        speeds = Series("speed", "solid", [p.speed for p in points])
        dose.append(line_chart("speed", f"Speed ({unit})", unit, dates, [speeds]))
    if report.has_incline:
        inclines = Series("incline", "solid", [p.incline_percent for p in points])
        dose.append(line_chart("incline", "Incline (%)", "%", dates, [inclines]))
    pain = line_chart("pain", "Pain (0 to 10)", "", dates, _pain_series(report), top=PAIN_TOP)
    references = (
        reference(report.pain_limit, PAIN_TOP, f"limit {report.pain_limit}/10", "limit"),
        reference(report.baseline_pain, PAIN_TOP, f"usual {report.baseline_pain}/10", "baseline"),
    )
    return ReportCharts(tuple(dose), pain, references)


def _pain_series(report: Report) -> list[Series]:
    """Next-morning pain is the main line; during and after are dashed and dotted, and left
    out when never given."""
    points = report.points
    series = [Series("next morning", "solid", [p.pain_next_morning for p in points])]
    for name, style, values in (
        ("during", "dashed", [p.pain_during for p in points]),
        ("after", "dotted", [p.pain_after for p in points]),
    ):
        if any(v is not None for v in values):
            series.append(Series(name, style, values))
    return series


def report_context(report: Report, paper: Paper) -> dict[str, Any]:
    return {
        "report": report,
        "charts": report_charts(report),
        "paper": paper,
        "day": day_words,
    }


def report_document(report: Report, paper: Paper) -> str:
    """The report as a standalone HTML document to print (WeasyPrint), A4 or Letter."""
    template = _print_templates().get_template("report_print.html")
    return template.render(report_context(report, paper))


@cache
def _print_templates() -> Environment:
    """The printable document's own Jinja2 environment, on the web app's templates folder:
    `retrowalk report` makes the PDF without importing FastAPI and every page module (about
    0.3 s of its start-up). `_report.html` needs only `chart_box` besides its context."""
    from jinja2 import Environment, FileSystemLoader

    from retrowalk.web.charts.scale import GEOMETRY

    templates = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, auto_reload=False)
    templates.globals["chart_box"] = GEOMETRY
    return templates
