"""Invitations (clinic mode): a clinician makes a sign-up link for a patient, an admin also for
a clinician or an admin; both see theirs and withdraw those still open. A new link is shown once
(only its SHA-256 is kept)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from retrowalk.domain.errors import InputError
from retrowalk.services.invitations import MAY_INVITE, invitations_made, invite, withdraw
from retrowalk.services.records import Account, Role
from retrowalk.web.deps import Staff, WiringDep
from retrowalk.web.pages.forms import TypedForm
from retrowalk.web.pages.render import page

router = APIRouter()


@router.get("/invitations")
def invitations_page(request: Request, account: Staff, wired: WiringDep) -> Response:
    return _page(request, account, wired, None)


@router.post("/invitations")
def make_invitation(
    request: Request, account: Staff, form: TypedForm, wired: WiringDep
) -> Response:
    typed = form.values.get("role", Role.WALKER.value)
    try:
        role = Role(typed)
    except ValueError:
        raise InputError("role", typed, "give walker, clinician or admin") from None
    made = invite(account, role, wired.uow(), wired.clock)
    link = f"{request.base_url}signup?invite={made.token}"
    return _page(request, account, wired, link, made.invitation.role, status=201)


@router.post("/invitations/{invitation_id}/withdraw")
def withdraw_invitation(invitation_id: int, account: Staff, wired: WiringDep) -> Response:
    withdraw(account, invitation_id, wired.uow(), wired.clock)
    return RedirectResponse(f"/invitations?withdrawn={invitation_id}", status_code=303)


def _page(
    request: Request,
    account: Account,
    wired: WiringDep,
    link: str | None,
    role: Role | None = None,
    status: int = 200,
) -> Response:
    now = wired.clock.now()
    made = invitations_made(account, wired.uow())
    context = {
        "title": "Invitations",
        "link": link,
        "made_role": role,
        "roles": sorted(MAY_INVITE[account.role]),
        "open": [i for i in made if i.open_at(now)],
        "closed": [i for i in made if not i.open_at(now)][:20],
        "withdrawn": request.query_params.get("withdrawn"),
    }
    return page(request, "invitations.html", context, status)
