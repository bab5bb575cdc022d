"""Onboarding and the walker's own profile."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from retrowalk.domain.errors import NotFoundError
from retrowalk.services.clearance import record_clearance
from retrowalk.services.equipment_change import EquipmentChangeIn, change_equipment
from retrowalk.services.onboard import OnboardIn, onboard
from retrowalk.services.profile_change import change_profile, profile_history
from retrowalk.web.body import JsonBody, JsonBodyRoute
from retrowalk.web.deps import AccountDep, MaybeWalker, OwnWalker, WiringDep
from retrowalk.web.schemas.profile import (
    ClearanceCreate,
    ProfileChange,
    ProfileChangedPublic,
    ProfileChangePublic,
)
from retrowalk.web.schemas.walkers import (
    EquipmentChange,
    EquipmentChangedPublic,
    OnboardedPublic,
    WalkerCreate,
    WalkerPublic,
)

router = APIRouter(tags=["walkers"], route_class=JsonBodyRoute)


@router.post("/walkers", status_code=201, response_model=OnboardedPublic)
def create_walker(
    body: Annotated[WalkerCreate, Depends(JsonBody(WalkerCreate))],
    wired: WiringDep,
    account: AccountDep,
) -> OnboardedPublic:
    """Onboard: screen the walker and their equipment, store them, plan the first session
    unless a red flag stands (then `cleared_to_start` is false and the flags say why)."""
    command = OnboardIn(**dict(body), account=account)
    return OnboardedPublic.of(onboard(command, wired.uow(), wired.clock))


@router.get("/walker", response_model=WalkerPublic)
def my_walker(mine: MaybeWalker) -> WalkerPublic:
    """The walker of the account asking (in local mode, the one walker)."""
    if mine is None:
        raise NotFoundError("walker", None, "nobody has onboarded yet; POST /api/walkers first")
    return WalkerPublic.of(mine)


@router.get("/walkers/{walker_id}", response_model=WalkerPublic)
def get_walker(walker: OwnWalker) -> WalkerPublic:
    return WalkerPublic.of(walker)


@router.put("/walkers/{walker_id}/equipment", response_model=EquipmentChangedPublic)
def change_walker_equipment(
    walker: OwnWalker,
    body: Annotated[EquipmentChange, Depends(JsonBody(EquipmentChange))],
    wired: WiringDep,
) -> EquipmentChangedPublic:
    """Put new equipment in use: it is screened again and the session still to walk is
    re-planned on it (the same kind carries the dose over, never higher; another kind starts
    its own programme). Equipment screening will not plan for is refused with 422 while a plan
    stands, and nothing changes."""
    command = EquipmentChangeIn(equipment=body.equipment)
    return EquipmentChangedPublic.of(change_equipment(walker.id, command, wired.uow(), wired.clock))


@router.put("/walkers/{walker_id}/profile", response_model=ProfileChangedPublic)
def change_walker_profile(
    walker: OwnWalker,
    body: Annotated[ProfileChange, Depends(JsonBody(ProfileChange))],
    wired: WiringDep,
    account: AccountDep,
) -> ProfileChangedPublic:
    """Change the walker's answers about their knee and themselves (and sessions a week): the
    fields given change, the others keep theirs. Screened again with the walker's equipment:
    a red flag stops the plan (`next_session` null, `flags` say why; no walking until it is
    resolved), and once none stands the session still to walk is re-planned, never at a higher
    dose. Each change is kept in the walker's profile history. Answers as they were change
    nothing (`change` null)."""
    done = change_profile(walker.id, body, wired.uow(), wired.clock, account)
    return ProfileChangedPublic.of(done)


@router.post("/walkers/{walker_id}/clearance", response_model=ProfileChangedPublic)
def record_walker_clearance(
    walker: OwnWalker,
    body: Annotated[ClearanceCreate, Depends(JsonBody(ClearanceCreate))],
    wired: WiringDep,
    account: AccountDep,
) -> ProfileChangedPublic:
    """A clinician has cleared the walker: kept with its date (default today) and, if given,
    the clinician's name and notes. It lifts the engine's stop or pause and the red flag of an
    operation not yet cleared, then re-plans; a red flag the walker's answers still give
    (swelling, pain at rest 7 or more) stays until a profile change says it has gone."""
    done = record_clearance(walker.id, body, wired.uow(), wired.clock, account)
    return ProfileChangedPublic.of(done)


@router.get("/walkers/{walker_id}/profile/changes", response_model=list[ProfileChangePublic])
def walker_profile_changes(walker: OwnWalker, wired: WiringDep) -> list[ProfileChangePublic]:
    """Every change to the walker's knee and profile, and every clearance, oldest first: who,
    when, each answer from → to, and what screening found."""
    return [ProfileChangePublic.of(c) for c in profile_history(walker.id, wired.uow())]
