"""Clinic mode's pages reached by a link: sign up by invitation (/signup?invite=...) and set a
new password by an admin's reset link (/reset?token=...). Both are open without a login; the
link's own 256-bit token guards them, and a used, withdrawn or expired link says so."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from retrowalk.domain.errors import InputError
from retrowalk.services.invitations import INVITE_FIELD, SignUpIn, open_invitation, sign_up
from retrowalk.services.passwords import AGAIN_FIELD, PASSWORD_FIELD, RULES
from retrowalk.services.records import Role
from retrowalk.services.reset_links import TOKEN_FIELD, account_to_reset, reset_password
from retrowalk.web.deps import WiringDep
from retrowalk.web.login.start import START_PAGES
from retrowalk.web.pages.forms import Form, TypedForm
from retrowalk.web.pages.login import signed_in_at
from retrowalk.web.pages.render import page

router = APIRouter()
SECRETS = (PASSWORD_FIELD, AGAIN_FIELD)


@router.get("/signup")
def signup_page(request: Request, wired: WiringDep) -> Response:
    form = Form({INVITE_FIELD: request.query_params.get(INVITE_FIELD, "")})
    try:
        invitation = open_invitation(form.values[INVITE_FIELD], wired.uow(), wired.clock)
    except InputError as error:
        return _link_refused(request, "Sign up", error)
    return _signup(request, form, invitation.role)


@router.post("/signup")
def signup(request: Request, form: TypedForm, wired: WiringDep) -> Response:
    values = form.values
    given = SignUpIn(
        values.get(INVITE_FIELD, ""),
        values.get("name", ""),
        values.get(PASSWORD_FIELD, ""),
        values.get(AGAIN_FIELD, ""),
    )
    try:
        account, started = sign_up(given, wired.uow(), wired.clock)
    except InputError as error:
        if error.field == INVITE_FIELD:
            return _link_refused(request, "Sign up", error)
        form.add(error)
        role = open_invitation(given.invite, wired.uow(), wired.clock).role
        return _signup(request, form, role, status=422)
    target = "/onboarding" if account.role is Role.WALKER else START_PAGES[account.role]
    return signed_in_at(request, target, started, wired.clock.now())


@router.get("/reset")
def reset_page(request: Request, wired: WiringDep) -> Response:
    form = Form({TOKEN_FIELD: request.query_params.get(TOKEN_FIELD, "")})
    try:
        account = account_to_reset(form.values[TOKEN_FIELD], wired.uow(), wired.clock)
    except InputError as error:
        return _link_refused(request, "Set a new password", error)
    return _reset(request, form, account.name)


@router.post("/reset")
def reset(request: Request, form: TypedForm, wired: WiringDep) -> Response:
    values = form.values
    token = values.get(TOKEN_FIELD, "")
    try:
        reset_password(
            token,
            values.get(PASSWORD_FIELD, ""),
            values.get(AGAIN_FIELD, ""),
            wired.uow(),
            wired.clock,
        )
    except InputError as error:
        if error.field == TOKEN_FIELD:
            return _link_refused(request, "Set a new password", error)
        form.add(error)
        name = account_to_reset(token, wired.uow(), wired.clock).name
        return _reset(request, form, name, status=422)
    return RedirectResponse("/login?done=reset", status_code=303)


def _signup(request: Request, form: Form, role: Role, status: int = 200) -> Response:
    for name in SECRETS:
        form.values.pop(name, None)
    context = {"title": "Sign up", "form": form, "role": role, "rules": RULES}
    return page(request, "signup.html", {**context, "hide_navigation": True}, status)


def _reset(request: Request, form: Form, name: str, status: int = 200) -> Response:
    for secret in SECRETS:
        form.values.pop(secret, None)
    context = {"title": "Set a new password", "form": form, "name": name, "rules": RULES}
    return page(request, "reset.html", {**context, "hide_navigation": True}, status)


def _link_refused(request: Request, title: str, error: InputError) -> Response:
    context = {"title": title, "status": 410, "messages": [error.allowed]}
    return page(request, "error.html", {**context, "hide_navigation": True}, 410)
