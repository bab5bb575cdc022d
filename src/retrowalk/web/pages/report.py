"""Report for my therapist: the date range form, the report itself as it will print, and its PDF
(`/report.pdf`, a GET that changes nothing, as a download named for the day it was made)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from retrowalk.domain.errors import InputError
from retrowalk.services.records import StoredWalker
from retrowalk.services.report import Report, therapist_report
from retrowalk.web.deps import PageWalker, WiringDep
from retrowalk.web.pages.render import error_page, page
from retrowalk.web.report.asked import report_paper, report_period
from retrowalk.web.report.view import Paper, report_context

router = APIRouter()
FIELDS = ("from", "to")


@dataclass(frozen=True, slots=True)
class Asked:
    """What the page or the download was asked for: the dates and the paper, as typed."""

    since: str | None
    until: str | None
    paper: str | None


def asked(
    since: Annotated[str | None, Query(alias="from")] = None,
    until: Annotated[str | None, Query(alias="to")] = None,
    paper: str | None = None,
) -> Asked:
    return Asked(since, until, paper)


AskedFor = Annotated[Asked, Depends(asked)]


@router.get("/report")
def report_page(
    request: Request, walker: PageWalker, wired: WiringDep, wanted: AskedFor
) -> Response:
    context = {"title": "Report for my therapist"}
    return report_response(request, walker, wired, wanted, context, "/report.pdf")


@router.get("/report.pdf")
def report_download(
    request: Request, walker: PageWalker, wired: WiringDep, wanted: AskedFor
) -> Response:
    return report_pdf_response(request, walker, wired, wanted)


def report_response(
    request: Request,
    walker: StoredWalker,
    wired: WiringDep,
    wanted: Asked,
    context: dict[str, Any],
    download: str,
) -> Response:
    """The report page (the walker's own, or a patient's on the desk): `context` names it, and
    `download` is the address of its PDF."""
    values = {"from": wanted.since or "", "to": wanted.until or ""}
    context = {**context, "values": values, "papers": list(Paper)}
    try:
        report, chosen = _report(walker, wired, wanted)
    except InputError as error:
        chosen = report_paper(walker, None, "paper")
        context |= {"problems": [str(error)], "paper": chosen, "report": None}
        return page(request, "report.html", context, status=422)
    asked = {**{k: v for k, v in values.items() if v}, "paper": chosen.value}
    context |= report_context(report, chosen)
    context["download"] = f"{download}?" + urlencode(asked)
    return page(request, "report.html", context)


def report_pdf_response(
    request: Request, walker: StoredWalker, wired: WiringDep, wanted: Asked
) -> Response:
    try:
        report, chosen = _report(walker, wired, wanted)
    except InputError as error:
        return error_page(request, 422, "The report cannot be made", [str(error)])
    return pdf_download(report, chosen)


def _report(walker: StoredWalker, wired: WiringDep, wanted: Asked) -> tuple[Report, Paper]:
    period = report_period(walker.id, wanted.since, wanted.until, FIELDS)
    chosen = report_paper(walker, wanted.paper, "paper")
    return therapist_report(period, wired.uow(), wired.clock), chosen


def pdf_download(report: Report, chosen: Paper) -> Response:
    """The report as a PDF to download (WeasyPrint is imported only when one is asked for)."""
    from retrowalk.web.report.pdf import file_name, report_pdf

    pdf = report_pdf(report, chosen)
    disposition = f"attachment; filename={file_name(report)}"
    return Response(
        pdf.data, media_type="application/pdf", headers={"content-disposition": disposition}
    )
