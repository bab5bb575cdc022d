"""Onboarding: the profile, the screening questions and the equipment, in one form."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from retrowalk.domain.errors import InputError
from retrowalk.services.onboard import OnboardIn, onboard
from retrowalk.web.deps import AccountDep, MaybeWalker, WiringDep, staff_start
from retrowalk.web.pages.forms import Form, TypedForm, command_from
from retrowalk.web.pages.onboarding_form import DEFAULTS, form_field, onboarding_data
from retrowalk.web.pages.render import page

router = APIRouter()


@router.get("/onboarding")
def onboarding_page(request: Request, mine: MaybeWalker) -> Response:
    if mine is not None or staff_start(request):
        return RedirectResponse(staff_start(request) or "/", status_code=303)
    return _form(request, Form(dict(DEFAULTS)))


@router.post("/onboarding")
def onboard_walker(
    form: TypedForm, request: Request, wired: WiringDep, account: AccountDep, mine: MaybeWalker
) -> Response:
    if mine is not None or staff_start(request):
        return RedirectResponse(staff_start(request) or "/", status_code=303)
    data = onboarding_data(form.values) | {"account": account}
    command = command_from(OnboardIn, data, form)
    if command is not None:
        try:
            onboard(command, wired.uow(), wired.clock)
        except InputError as error:
            form.add(error)
    if form.ok:
        return RedirectResponse("/", status_code=303)
    form.errors = {form_field(name, form.values): text for name, text in form.errors.items()}
    return _form(request, form, status=422)


def _form(request: Request, form: Form, status: int = 200) -> Response:
    context = {"title": "Get started", "form": form}
    return page(request, "onboarding.html", context, status)
