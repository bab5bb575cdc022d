"""The today page: the dose, the set-up checklist, the form cues and why. The day after a walk
whose next-morning pain is unknown, a small form asks for it first (services/morning.py); the
answer is kept once and the page shows today's session decided again with it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from retrowalk.bootstrap import Wiring
from retrowalk.coach.schedule import build_timeline
from retrowalk.domain.cues import form_cues, say
from retrowalk.domain.errors import ConflictError, InputError
from retrowalk.domain.screening import FlagLevel
from retrowalk.domain.units import UnitSystem
from retrowalk.services.live_walk import walk_for
from retrowalk.services.log_edit import NextMorningIn, add_next_morning_pain
from retrowalk.services.morning import morning_question
from retrowalk.services.records import StoredWalker
from retrowalk.services.today import today_session
from retrowalk.web.deps import PageWalker, Units, WiringDep
from retrowalk.web.pages.forms import Form, TypedForm, command_from, given
from retrowalk.web.pages.render import page
from retrowalk.web.words import dose_rows

router = APIRouter()

NOTICES = {
    "morning": "Kept: your pain this morning. Today's session below is decided with it.",
    "morning-already": "That morning was answered already (the form was sent twice, or the "
    "answer came from elsewhere), so it is kept as it was.",
}


@router.get("/")
def today_page(request: Request, walker: PageWalker, wired: WiringDep, units: Units) -> Response:
    return _today(request, walker, wired, units, Form())


@router.post("/morning")
def answer_morning(
    form: TypedForm, request: Request, walker: PageWalker, wired: WiringDep, units: Units
) -> Response:
    """The morning question's answer: kept once (a second send finds it kept and changes
    nothing), then back to the today page, decided again with it."""
    data = given(form.values, ("log_id", "pain")) | {"walker_id": walker.id, "once": True}
    command = command_from(NextMorningIn, data, form)
    if command is not None:
        try:
            add_next_morning_pain(command, wired.uow(), wired.clock)
        except ConflictError:
            return RedirectResponse("/?notice=morning-already", status_code=303)
        except InputError as error:
            form.add(error)
    if form.ok:
        return RedirectResponse("/?notice=morning", status_code=303)
    return _today(request, walker, wired, units, form, status=422)


def _today(
    request: Request,
    walker: StoredWalker,
    wired: Wiring,
    units: UnitSystem,
    morning_form: Form,
    status: int = 200,
) -> Response:
    day = wired.clock.today()
    morning = morning_question(walker.id, wired.uow(), wired.clock)
    today = today_session(walker.id, wired.uow(), wired.clock)
    ahead = today.session
    context = {
        "title": "Today",
        "today": today,
        "ahead": ahead,
        "date": day,
        "units": units,
        "yellow": [f for f in walker.flags if f.level is FlagLevel.YELLOW],
        "morning": morning,
        "morning_question": None if morning is None else morning.question(day).text,
        "morning_form": morning_form,
        "notice": NOTICES.get(request.query_params.get("notice", "")),
    }
    if ahead is not None and ahead.decision.walk:
        dose = ahead.decision.dose
        walk = walk_for(walker, ahead, None, units.speed_unit)
        context |= {
            "dose_rows": dose_rows(dose, units),
            "checklist": build_timeline(walk).events[0].details,
            "cues": [say(cue) for cue in form_cues(dose.hands, dose.incline_percent > 0)],
        }
    return page(request, "today.html", context, status)
