"""My knee and my profile: the walker's answers to screening, changed and screened again
(services/profile_change), "my clinician has cleared me" (services/clearance), and every change
so far, for the walker and their clinician to read."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from retrowalk.domain.errors import InputError
from retrowalk.services.answer_words import FIELD_WORDS
from retrowalk.services.clearance import ClearanceIn, record_clearance
from retrowalk.services.profile_change import ProfileChangeIn, change_profile, profile_history
from retrowalk.services.records import StoredWalker
from retrowalk.services.rescreen import ProfileChanged
from retrowalk.web.deps import AccountDep, PageWalker, WiringDep
from retrowalk.web.pages.forms import Form, TypedForm, command_from
from retrowalk.web.pages.profile_form import (
    CLEARANCE,
    CLEARANCE_FIELDS,
    clearance_data,
    profile_data,
    profile_values,
    value_words,
)
from retrowalk.web.pages.render import page

router = APIRouter()
_CLEARANCE_NAMES = {name: CLEARANCE + name for name in CLEARANCE_FIELDS}


@router.get("/settings/profile")
def profile_page(request: Request, walker: PageWalker, wired: WiringDep) -> Response:
    return _profile(request, wired, walker, Form(profile_values(walker)), Form())


@router.post("/settings/profile")
def change_walker_profile(
    form: TypedForm, request: Request, walker: PageWalker, wired: WiringDep, account: AccountDep
) -> Response:
    data = profile_data(form.values, walker.profile.weight_kg)
    if data["cleared_by_clinician"] == walker.profile.cleared_by_clinician:
        del data["cleared_by_clinician"]  # left as it was: a new operation is not cleared yet
    command = command_from(ProfileChangeIn, data, form)
    changed = None
    if command is not None:
        try:
            changed = change_profile(walker.id, command, wired.uow(), wired.clock, account)
        except InputError as error:
            form.add(error)
    if changed is None:
        return _profile(request, wired, walker, form, Form(), status=422)
    return _done(request, wired, changed)


@router.post("/settings/clearance")
def record_walker_clearance(
    form: TypedForm, request: Request, walker: PageWalker, wired: WiringDep, account: AccountDep
) -> Response:
    data = clearance_data(form.values)
    command = command_from(ClearanceIn, data, form, _CLEARANCE_NAMES)
    changed = None
    if command is not None:
        try:
            changed = record_clearance(walker.id, command, wired.uow(), wired.clock, account)
        except InputError as error:
            form.add(error, _CLEARANCE_NAMES.get(error.field, error.field))
    if changed is None:
        return _profile(request, wired, walker, Form(profile_values(walker)), form, status=422)
    return _done(request, wired, changed)


def _done(request: Request, wired: WiringDep, changed: ProfileChanged) -> Response:
    fresh = Form(profile_values(changed.walker))
    return _profile(request, wired, changed.walker, fresh, Form(), changed=changed)


def _profile(
    request: Request,
    wired: WiringDep,
    walker: StoredWalker,
    form: Form,
    clearance: Form,
    status: int = 200,
    changed: ProfileChanged | None = None,
) -> Response:
    context = {
        "title": "My knee and my profile",
        "walker": walker,
        "form": form,
        "clearance": clearance,
        "changed": changed,
        "today": wired.clock.today(),
        "history": list(reversed(profile_history(walker.id, wired.uow()))),
        "red": [flag for flag in walker.flags if flag.level.value == "red"],
        "field_words": FIELD_WORDS,
        "value_words": value_words,
    }
    return page(request, "profile.html", context, status)
