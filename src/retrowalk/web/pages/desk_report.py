"""The report for the chart of a clinician's patient, for any period, from the desk: the same
report and PDF as the walker's own (web/pages/report.py), for the patient named in the path."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response

from retrowalk.domain.errors import InputError
from retrowalk.services.report import therapist_report
from retrowalk.web.deps import WiringDep
from retrowalk.web.pages.desk_deps import Patient
from retrowalk.web.pages.render import error_page, page
from retrowalk.web.pages.report import FIELDS, AskedFor, pdf_download
from retrowalk.web.report.asked import report_paper, report_period
from retrowalk.web.report.view import Paper, report_context

router = APIRouter()


@router.get("/desk/patients/{walker_id}/report")
def patient_report(
    request: Request, walker: Patient, wired: WiringDep, wanted: AskedFor
) -> Response:
    values = {"from": wanted.since or "", "to": wanted.until or ""}
    context: dict[str, Any] = {
        "title": f"Report for patient {walker.id}",
        "values": values,
        "papers": list(Paper),
        "action": f"/desk/patients/{walker.id}/report",
    }
    try:
        period = report_period(walker.id, wanted.since, wanted.until, FIELDS)
        chosen = report_paper(walker, wanted.paper, "paper")
        report = therapist_report(period, wired.uow(), wired.clock)
    except InputError as error:
        context |= {
            "problems": [str(error)],
            "paper": report_paper(walker, None, "paper"),
            "report": None,
        }
        return page(request, "report.html", context, status=422)
    asked = {**{k: v for k, v in values.items() if v}, "paper": chosen.value}
    context |= report_context(report, chosen)
    context["download"] = f"/desk/patients/{walker.id}/report.pdf?" + urlencode(asked)
    return page(request, "report.html", context)


@router.get("/desk/patients/{walker_id}/report.pdf")
def patient_report_pdf(
    request: Request, walker: Patient, wired: WiringDep, wanted: AskedFor
) -> Response:
    try:
        period = report_period(walker.id, wanted.since, wanted.until, FIELDS)
        chosen = report_paper(walker, wanted.paper, "paper")
        report = therapist_report(period, wired.uow(), wired.clock)
    except InputError as error:
        return error_page(request, 422, "The report cannot be made", [str(error)])
    return pdf_download(report, chosen)
