"""The clinician clears their patient from the desk (POST /desk/patients/{id}/clearance): the
stop or pause that waits for a clinician is lifted and the next session planned again."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import RedirectResponse, Response

from retrowalk.services.desk_clearance import clear_patient
from retrowalk.web.deps import WiringDep
from retrowalk.web.pages.desk_deps import Clinician, Patient
from retrowalk.web.pages.forms import TypedForm

router = APIRouter()
NOTES_LENGTH = 500


@router.post("/desk/patients/{walker_id}/clearance")
def clear(form: TypedForm, clinician: Clinician, walker: Patient, wired: WiringDep) -> Response:
    notes = " ".join(form.values.get("notes", "").split())[:NOTES_LENGTH] or None
    clear_patient(walker.id, notes, wired.uow(), wired.clock, clinician.name)
    return RedirectResponse(f"/desk/patients/{walker.id}#clearance", status_code=303)
