"""The clinician's desk: the patient list (/desk), a patient's page with their status, flags,
limits, note, outcome measures, charts and audit log (/desk/patients/{id}), its forms, and the
report for the chart for any period (HTML and PDF). Only clinicians reach these pages, and only
for their own patients: anyone else gets "not found"."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from retrowalk.domain.errors import InputError
from retrowalk.domain.outcome_measures import SUBSCALES, Instrument
from retrowalk.protocols import protocol_names
from retrowalk.services.clinician_limits import LimitsChangeIn, set_limits
from retrowalk.services.desk import BILLABLE_DAYS, desk
from retrowalk.services.desk_records import (
    MeasureIn,
    NoteIn,
    acknowledge_flag,
    patient_page,
    save_measure,
    save_note,
)
from retrowalk.services.records import StoredWalker
from retrowalk.web.deps import WiringDep
from retrowalk.web.pages.desk_charts import patient_charts
from retrowalk.web.pages.desk_deps import Clinician, Patient, PatientId
from retrowalk.web.pages.forms import Form, TypedForm, command_from, given, ticked
from retrowalk.web.pages.render import page
from retrowalk.web.schemas.common import MAX_ID

router = APIRouter()
LIMIT_FIELDS = (
    "max_speed",
    "max_incline_percent",
    "target_minutes",
    "sessions_per_week",
    "protocol",
)
FlagId = Annotated[int, Path(ge=1, le=MAX_ID, description="The flag's id.")]


@router.get("/desk")
def desk_page(
    request: Request,
    clinician: Clinician,
    wired: WiringDep,
    page_number: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1,
) -> Response:
    found = desk(clinician.name, wired.uow(), wired.clock, page_number)
    context = {"title": "Clinician's desk", "desk": found, "billable": BILLABLE_DAYS}
    return page(request, "desk.html", context)


@router.get("/desk/patients/{walker_id}")
def patient_view(
    request: Request, clinician: Clinician, walker_id: PatientId, wired: WiringDep
) -> Response:
    # No Patient dependency here: the page's own read checks the patient is theirs, in one
    # transaction with the rest, where the dependency would read the walker a second time.
    return _patient(request, clinician.name, walker_id, wired, {})


@router.post("/desk/patients/{walker_id}/limits")
def change_limits(
    form: TypedForm, request: Request, clinician: Clinician, walker: Patient, wired: WiringDep
) -> Response:
    data: dict[str, Any] = given(form.values, LIMIT_FIELDS) | ticked(
        form.values, ("hands_free_allowed",)
    )
    command = command_from(LimitsChangeIn, data, form)
    if command is not None:
        try:
            set_limits(walker.id, command, wired.uow(), wired.clock, clinician.name)
        except InputError as error:
            form.add(error)
    return _after(request, clinician.name, walker, wired, form, "limits")


@router.post("/desk/patients/{walker_id}/flags/{flag_id}/acknowledge")
def acknowledge(
    flag_id: FlagId, request: Request, clinician: Clinician, walker: Patient, wired: WiringDep
) -> Response:
    acknowledge_flag(walker.id, flag_id, wired.uow(), wired.clock, clinician.name)
    return RedirectResponse(f"/desk/patients/{walker.id}#flags", status_code=303)


@router.post("/desk/patients/{walker_id}/note")
def change_note(
    form: TypedForm, request: Request, clinician: Clinician, walker: Patient, wired: WiringDep
) -> Response:
    command = command_from(NoteIn, {"text": form.values.get("text", "")}, form)
    if command is not None:
        save_note(walker.id, command, wired.uow(), wired.clock, clinician.name)
    return _after(request, clinician.name, walker, wired, form, "note")


@router.post("/desk/patients/{walker_id}/measures")
def add_measure(
    form: TypedForm, request: Request, clinician: Clinician, walker: Patient, wired: WiringDep
) -> Response:
    instrument = form.values.get("instrument", "")
    names = tuple(s.name for scales in SUBSCALES.values() for s in scales)
    prefix = f"{instrument}_" if instrument in tuple(Instrument) else ""
    scores = given(form.values, names, prefix) if prefix else {}
    data = {"instrument": instrument, "scores": scores} | given(form.values, ("on",))
    command = command_from(MeasureIn, data, form)
    if command is not None:
        try:
            save_measure(walker.id, command, wired.uow(), wired.clock, clinician.name)
        except InputError as error:
            form.add(error)
    return _after(request, clinician.name, walker, wired, form, "measures")


def _after(
    request: Request, account: str, walker: StoredWalker, wired: WiringDep, form: Form, part: str
) -> Response:
    """Saved: back to the page (a reload sends nothing again); refused: the form with its errors."""
    if form.ok:
        return RedirectResponse(f"/desk/patients/{walker.id}#{part}", status_code=303)
    return _patient(request, account, walker.id, wired, {part: form}, status=422)


def _patient(
    request: Request,
    account: str,
    walker_id: int,
    wired: WiringDep,
    forms: dict[str, Form],
    status: int = 200,
) -> Response:
    found = patient_page(walker_id, wired.uow(), wired.clock, account)
    walker = found.walker
    limits = walker.profile.limits
    speed = limits.max_speed
    values = {
        "max_speed": "" if speed is None else f"{speed.in_unit(walker.profile.units.speed_unit):g}",
        "max_incline_percent": ""
        if limits.max_incline_percent is None
        else f"{limits.max_incline_percent:g}",
        "target_minutes": "" if limits.target_minutes is None else str(limits.target_minutes),
        "sessions_per_week": str(walker.prescription.sessions_per_week),
        "protocol": walker.prescription.protocol,
    }
    if limits.hands_free_allowed:
        values["hands_free_allowed"] = "on"
    context = {
        "title": f"Patient {walker.id}",
        "patient": found,
        "charts": patient_charts(found),
        "limits_form": forms.get("limits", Form(values)),
        "note_form": forms.get("note", Form({"text": found.note.text if found.note else ""})),
        "measure_form": forms.get("measures", Form()),
        "protocols": [(name, name.replace("_", " ")) for name in protocol_names()],
        "subscales": SUBSCALES,
        "speed_unit": walker.profile.units.speed_unit.label,
        "today": wired.clock.today(),
    }
    return page(request, "desk_patient.html", context, status=status)
