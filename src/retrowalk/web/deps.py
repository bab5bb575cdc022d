"""Request dependencies as `Annotated` aliases: the wiring, the account asking, and the walker
they own. Lookup and ownership live here, so no route repeats them.

Local single-user mode has one account, the services' local walker account, and no login. The
clinician issue will put a real account behind `current_account`; every route stays as it is.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request

from retrowalk.bootstrap import Wiring
from retrowalk.domain.errors import NotFoundError
from retrowalk.domain.units import UnitSystem
from retrowalk.services.onboard import LOCAL_ACCOUNT
from retrowalk.services.records import SessionLog, StoredWalker
from retrowalk.web.belt import LiveBelt
from retrowalk.web.errors import NeedsOnboarding
from retrowalk.web.schemas.common import MAX_ID

UNITS_COOKIE = "units"


def wiring(request: Request) -> Wiring:
    found: Wiring = request.app.state.wiring
    return found


def belt(request: Request) -> LiveBelt:
    found: LiveBelt = request.app.state.belt
    return found


def current_account() -> str:
    """The account asking. Local mode: always the local walker account."""
    return LOCAL_ACCOUNT


WiringDep = Annotated[Wiring, Depends(wiring)]
BeltDep = Annotated[LiveBelt, Depends(belt)]
AccountDep = Annotated[str, Depends(current_account)]


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


def page_walker(mine: MaybeWalker) -> StoredWalker:
    """The walker a page is for; before onboarding, the pages send them to onboard."""
    if mine is None:
        raise NeedsOnboarding()
    return mine


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
