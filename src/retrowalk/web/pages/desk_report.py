"""The report for the chart of a clinician's patient, for any period, from the desk: the same
report and PDF as the walker's own (web/pages/report.py), for the patient named in the path."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from retrowalk.web.deps import WiringDep
from retrowalk.web.pages.desk_deps import Patient
from retrowalk.web.pages.report import AskedFor, report_pdf_response, report_response

router = APIRouter()


@router.get("/desk/patients/{walker_id}/report")
def patient_report(
    request: Request, walker: Patient, wired: WiringDep, wanted: AskedFor
) -> Response:
    address = f"/desk/patients/{walker.id}/report"
    context = {"title": f"Report for patient {walker.id}", "action": address}
    return report_response(request, walker, wired, wanted, context, f"{address}.pdf")


@router.get("/desk/patients/{walker_id}/report.pdf")
def patient_report_pdf(
    request: Request, walker: Patient, wired: WiringDep, wanted: AskedFor
) -> Response:
    return report_pdf_response(request, walker, wired, wanted)
