"""The admin's page (clinic mode): every account with its role and who invited it, and a
password reset link for any of them (shown once; good for 24 hours)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from retrowalk.services.accounts import every_account
from retrowalk.services.reset_links import issue_reset_link
from retrowalk.web.deps import Admin, WiringDep
from retrowalk.web.pages.forms import TypedForm
from retrowalk.web.pages.render import page

router = APIRouter()


@router.get("/admin")
def admin_page(request: Request, admin: Admin, wired: WiringDep) -> Response:
    return _page(request, wired, None, None)


@router.post("/admin/reset-link")
def make_reset_link(request: Request, admin: Admin, form: TypedForm, wired: WiringDep) -> Response:
    issued = issue_reset_link(admin, form.values.get("name", ""), wired.uow(), wired.clock)
    link = f"{request.base_url}reset?token={issued.token}"
    return _page(request, wired, issued.account.name, link, status=201)


def _page(
    request: Request, wired: WiringDep, name: str | None, link: str | None, status: int = 200
) -> Response:
    accounts = every_account(wired.uow())
    names = {account.id: account.name for account in accounts}
    context = {"title": "Accounts", "accounts": accounts, "names": names}
    return page(request, "admin.html", {**context, "reset_for": name, "link": link}, status)
