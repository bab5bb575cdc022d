"""The report's PDF, from its printable document. WeasyPrint is imported here, inside the
function, and nowhere else: it is heavy (about 0.4 s), and only the report pays for it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from retrowalk.services.report import Report
from retrowalk.web.report.view import Paper, report_document

STATIC = Path(__file__).parents[1] / "static"


@dataclass(frozen=True, slots=True)
class Pdf:
    data: bytes
    pages: int


def report_pdf(report: Report, paper: Paper) -> Pdf:
    """The PDF, its stylesheet read from the web app's own static folder (nothing fetched)."""
    from weasyprint import HTML

    document = HTML(string=report_document(report, paper), base_url=str(STATIC)).render()
    data: bytes = document.write_pdf()
    return Pdf(data, len(document.pages))


def file_name(report: Report) -> str:
    """`retrowalk-report-YYYY-MM-DD.pdf`, dated the day it was made."""
    return f"retrowalk-report-{report.made_on.isoformat()}.pdf"
