"""Clinic mode's login pages: log in, log out (this browser), log out everywhere, and the
account page (change one's password). A login answers the same for an unknown name and a wrong
password, and 429 with Retry-After past the rate limit (services/login.py)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from retrowalk.domain.errors import InputError
from retrowalk.services.accounts import CURRENT_FIELD, change_password
from retrowalk.services.login import LoginIn, LoginRefused, TooManyTries, log_in
from retrowalk.services.login_records import LoginSession
from retrowalk.services.login_sessions import NewSession, log_out, log_out_everywhere
from retrowalk.services.passwords import AGAIN_FIELD, PASSWORD_FIELD, RULES
from retrowalk.services.records import Account
from retrowalk.web.deps import SignedIn, WiringDep
from retrowalk.web.login.cookie import cleared_cookie, over_https, session_cookie
from retrowalk.web.login.gate import LOGIN_PATH
from retrowalk.web.login.start import START_PAGES
from retrowalk.web.pages.forms import Form, TypedForm
from retrowalk.web.pages.render import page

router = APIRouter()
SECRET_FIELDS = (PASSWORD_FIELD, AGAIN_FIELD, CURRENT_FIELD)


@router.get(LOGIN_PATH)
def login_page(request: Request) -> Response:
    form = Form({"next": same_site(request.query_params.get("next"))})
    notice = _NOTICES.get(request.query_params.get("done", ""))
    return _login(request, form, notice=notice)


@router.post(LOGIN_PATH)
def login(request: Request, form: TypedForm, wired: WiringDep) -> Response:
    values = form.values
    client = request.client.host if request.client is not None else "unknown"
    given = LoginIn(values.get("name", ""), values.get(PASSWORD_FIELD, ""), client)
    try:
        done = log_in(given, wired.uow(), wired.clock)
    except TooManyTries as error:
        form.errors["name"] = str(error)
        answer = _login(request, form, status=429)
        answer.headers["Retry-After"] = str(error.retry_after)
        return answer
    except LoginRefused as error:
        form.errors["name"] = str(error)
        return _login(request, form, status=401)
    target = (values.get("next") and same_site(values.get("next"))) or START_PAGES[
        done.account.role
    ]
    return signed_in_at(request, target, done.started, wired.clock.now())


@router.post("/logout")
def logout(request: Request, wired: WiringDep) -> Response:
    session: LoginSession | None = getattr(request.state, "login_session", None)
    if session is not None:
        log_out(session.id, wired.uow(), wired.clock)
    return _signed_out(request, "out")


@router.post("/logout/everywhere")
def logout_everywhere(request: Request, account: SignedIn, wired: WiringDep) -> Response:
    log_out_everywhere(account.id, wired.uow(), wired.clock)
    return _signed_out(request, "everywhere")


@router.get("/account")
def account_page(request: Request, account: SignedIn) -> Response:
    changed = request.query_params.get("changed") == "1"
    return _account(request, account, Form(), changed=changed)


@router.post("/account/password")
def new_password(
    request: Request, account: SignedIn, form: TypedForm, wired: WiringDep
) -> Response:
    values = form.values
    try:
        started = change_password(
            account,
            values.get(CURRENT_FIELD, ""),
            values.get(PASSWORD_FIELD, ""),
            values.get(AGAIN_FIELD, ""),
            wired.uow(),
            wired.clock,
        )
    except InputError as error:
        form.add(error)
        return _account(request, account, form, status=422)
    return signed_in_at(request, "/account?changed=1", started, wired.clock.now())


def signed_in_at(request: Request, target: str, started: NewSession, now: datetime) -> Response:
    """A redirect to `target` that sets the new session's cookie."""
    response = RedirectResponse(target, status_code=303)
    cookie = session_cookie(started.token, started.session, now, over_https(request))
    response.headers.append("set-cookie", cookie)
    return response


def same_site(target: str | None) -> str:
    """A path on this site to go to after logging in ('' for anything else: no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return ""
    return target[:2000]


_NOTICES = {
    "out": "You are logged out.",
    "everywhere": "You are logged out on every device.",
    "reset": "Your new password is set; log in with it (every other login has ended).",
}


def _signed_out(request: Request, why: str) -> Response:
    response = RedirectResponse(f"{LOGIN_PATH}?done={why}", status_code=303)
    response.headers.append("set-cookie", cleared_cookie(over_https(request)))
    return response


def _login(request: Request, form: Form, status: int = 200, notice: str | None = None) -> Response:
    _forget_secrets(form)
    context = {"title": "Log in", "form": form, "notice": notice, "hide_navigation": True}
    return page(request, "login.html", context, status)


def _account(
    request: Request, account: Account, form: Form, status: int = 200, changed: bool = False
) -> Response:
    _forget_secrets(form)
    context = {"title": "Your account", "account": account, "form": form, "rules": RULES}
    return page(request, "account.html", {**context, "changed": changed}, status)


def _forget_secrets(form: Form) -> None:
    """A password is never sent back into a page."""
    for name in SECRET_FIELDS:
        form.values.pop(name, None)
