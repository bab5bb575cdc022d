"""Settings: the units this browser shows, the equipment, and the voice.

The voice lives in the browser (each phone has its own voices), saved in its local storage by
static/settings.js; the units choice is a cookie, so the server renders speeds in them. A change
of equipment is screened again and re-plans the session still to walk (services/equipment_change).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Form as FormValue
from fastapi.responses import RedirectResponse, Response

from retrowalk.domain.cues import Cue, say
from retrowalk.domain.errors import InputError
from retrowalk.domain.units import UnitSystem
from retrowalk.services.equipment_change import (
    EquipmentChanged,
    EquipmentChangeIn,
    change_equipment,
)
from retrowalk.services.records import StoredWalker
from retrowalk.web.deps import UNITS_COOKIE, PageWalker, Units, WiringDep
from retrowalk.web.pages.calendar_link import CalendarSection, calendar_section
from retrowalk.web.pages.forms import Form, TypedForm, command_from
from retrowalk.web.pages.onboarding_form import equipment_data, equipment_values, form_field
from retrowalk.web.pages.render import page

router = APIRouter()
ONE_YEAR = 365 * 24 * 3600


@router.get("/settings")
def settings_page(request: Request, walker: PageWalker, units: Units) -> Response:
    saved = request.query_params.get("saved") == "units"
    return _settings(request, walker, units, Form(equipment_values(walker.equipment)), saved=saved)


@router.post("/settings/equipment")
def change_walker_equipment(
    form: TypedForm, request: Request, walker: PageWalker, units: Units, wired: WiringDep
) -> Response:
    command = command_from(EquipmentChangeIn, {"equipment": equipment_data(form.values)}, form)
    if command is not None:
        try:
            changed = change_equipment(walker.id, command, wired.uow(), wired.clock)
        except InputError as error:
            form.add(error)
    if not form.ok:
        form.errors = {form_field(name, form.values): text for name, text in form.errors.items()}
        return _settings(request, walker, units, form, status=422)
    fresh = Form(equipment_values(changed.walker.equipment))
    return _settings(request, changed.walker, units, fresh, changed=changed)


def settings_response(
    request: Request,
    walker: StoredWalker,
    units: UnitSystem,
    calendar: CalendarSection,
    status: int = 200,
) -> Response:
    """The settings page with the calendar section as a calendar form left it."""
    form = Form(equipment_values(walker.equipment))
    return _settings(request, walker, units, form, status, calendar=calendar)


def _settings(
    request: Request,
    walker: StoredWalker,
    units: UnitSystem,
    form: Form,
    status: int = 200,
    saved: bool = False,
    changed: EquipmentChanged | None = None,
    calendar: CalendarSection | None = None,
) -> Response:
    if calendar is None:
        revoked = request.query_params.get("calendar") == "revoked"
        notice = "Stopped: the calendar link no longer works." if revoked else None
        calendar = calendar_section(request, walker, notice=notice)
    context = {
        "title": "Settings",
        "walker": walker,
        "units": units,
        "saved": saved,
        "sample": say(Cue.REACH_BACK).text,
        "form": form,
        "changed": changed,
        # A red flag from the walker's own answers may still stand: no plan, and why.
        "still_stopped": () if changed is None or changed.pending else changed.screening.red,
        "equipment_legend": "Kind of equipment",
        "calendar": calendar,
        **_paired_devices(request),
    }
    return page(request, "settings.html", context, status)


def _paired_devices(request: Request) -> dict[str, object]:
    """The phones and tablets paired with this computer (revoked ones last), for the list."""
    pairing = getattr(request.app.state, "pairing", None)
    if pairing is None:
        return {"paired": None}
    devices = sorted(pairing.devices.all(), key=lambda device: (not device.active, device.id))
    this_one = getattr(request.state, "device", None)
    revoked = request.query_params.get("revoked")
    return {"paired": devices, "this_device": this_one, "revoked": revoked}


@router.post("/settings/units")
def choose_units(walker: PageWalker, units: Annotated[UnitSystem, FormValue()]) -> Response:
    response = RedirectResponse("/settings?saved=units", status_code=303)
    response.set_cookie(
        UNITS_COOKIE, units.value, max_age=ONE_YEAR, samesite="strict", httponly=True
    )
    return response
