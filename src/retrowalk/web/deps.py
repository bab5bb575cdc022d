"""Request dependencies as `Annotated` aliases: the wiring, the account asking, and the walker
they own. Lookup and ownership live here, so no route repeats them.

Local single-user mode has one account, the services' local walker account, and no login. In
clinic mode (`retrowalk serve --clinic`) the login gate (web/login/gate.py) puts the logged-in
account in `request.state.account`, and `current_account` names it; every route stays as it is.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request

from retrowalk.bootstrap import Wiring
from retrowalk.domain.errors import NotFoundError
from retrowalk.domain.units import UnitSystem
from retrowalk.services.onboard import LOCAL_ACCOUNT
from retrowalk.services.records import Account, Role, SessionLog, StoredWalker
from retrowalk.web.belt import LiveBelt
from retrowalk.web.errors import NeedsOnboarding
from retrowalk.web.login.gate import LOG_IN_FIRST
from retrowalk.web.login.start import staff_start_page
from retrowalk.web.schemas.common import MAX_ID

UNITS_COOKIE = "units"


def wiring(request: Request) -> Wiring:
    found: Wiring = request.app.state.wiring
    return found


def belt(request: Request) -> LiveBelt:
    found: LiveBelt = request.app.state.belt
    return found


def current_account(request: Request) -> str:
    """The name of the account asking: in clinic mode the logged-in one (never the local
    account: a request the gate let through without a login gets 401); in local mode always the
    local walker account."""
    signed_in: Account | None = getattr(request.state, "account", None)
    if signed_in is not None:
        return signed_in.name
    if getattr(request.app.state, "clinic", False):
        raise HTTPException(status_code=401, detail=LOG_IN_FIRST)
    return LOCAL_ACCOUNT


def signed_in_account(request: Request) -> Account:
    """The logged-in account (clinic mode's own pages); 401 without one."""
    signed_in: Account | None = getattr(request.state, "account", None)
    if signed_in is None:
        raise HTTPException(status_code=401, detail=LOG_IN_FIRST)
    return signed_in


def staff_account(signed_in: Annotated[Account, Depends(signed_in_account)]) -> Account:
    """A clinician or an admin; a walker gets 403."""
    if signed_in.role is Role.WALKER:
        raise HTTPException(status_code=403, detail="only a clinician or an admin may do this")
    return signed_in


def admin_account(signed_in: Annotated[Account, Depends(signed_in_account)]) -> Account:
    if signed_in.role is not Role.ADMIN:
        raise HTTPException(status_code=403, detail="only an admin may do this")
    return signed_in


WiringDep = Annotated[Wiring, Depends(wiring)]
BeltDep = Annotated[LiveBelt, Depends(belt)]
AccountDep = Annotated[str, Depends(current_account)]
SignedIn = Annotated[Account, Depends(signed_in_account)]
Staff = Annotated[Account, Depends(staff_account)]
Admin = Annotated[Account, Depends(admin_account)]


def account_walker(wired: WiringDep, account: AccountDep) -> StoredWalker | None:
    """The walker of the account asking, if they have onboarded."""
    with wired.uow().reading() as uow:
        owner = uow.accounts.by_name(account)
        return None if owner is None else uow.walkers.for_account(owner.id)


MaybeWalker = Annotated[StoredWalker | None, Depends(account_walker)]


def own_walker(
    walker_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The walker's id.")],
    mine: MaybeWalker,
) -> StoredWalker:
    """The walker named in the path, if the account asking owns them; otherwise 404, the same
    answer as for a walker that does not exist (no one learns which ids are taken)."""
    if mine is None or mine.id != walker_id:
        raise NotFoundError("walker_id", walker_id, "no walker of yours has this id")
    return mine


def page_walker(request: Request, mine: MaybeWalker) -> StoredWalker:
    """The walker a page is for; before onboarding, the pages send them to onboard, and a
    clinician or admin (who has no walker) to their own start page."""
    if mine is None:
        raise NeedsOnboarding(staff_start(request) or "/onboarding")
    return mine


def staff_start(request: Request) -> str | None:
    """The start page of the logged-in clinician or admin asking (None for anyone else)."""
    return staff_start_page(getattr(request.state, "account", None))


OwnWalker = Annotated[StoredWalker, Depends(own_walker)]
PageWalker = Annotated[StoredWalker, Depends(page_walker)]


def display_units(request: Request, walker: PageWalker) -> UnitSystem:
    """The units this browser shows: the settings page's choice, else the walker's profile."""
    chosen = request.cookies.get(UNITS_COOKIE)
    if chosen in (UnitSystem.IMPERIAL.value, UnitSystem.METRIC.value):
        return UnitSystem(chosen)
    return walker.profile.units


Units = Annotated[UnitSystem, Depends(display_units)]


def own_log(
    log_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The logged session's id.")],
    walker: PageWalker,
    wired: WiringDep,
) -> SessionLog:
    """A logged session of the walker's, not deleted; otherwise 404."""
    with wired.uow().reading() as uow:
        log = uow.sessions.log(log_id)
    if log is None or log.walker_id != walker.id or log.deleted:
        raise NotFoundError("log_id", log_id, "you have no logged session with this id")
    return log


OwnLog = Annotated[SessionLog, Depends(own_log)]
