"""Onboarding and the walker's own profile."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from retrowalk.domain.errors import NotFoundError
from retrowalk.services.equipment_change import EquipmentChangeIn, change_equipment
from retrowalk.services.onboard import OnboardIn, onboard
from retrowalk.web.body import body_doc, json_body
from retrowalk.web.deps import AccountDep, MaybeWalker, OwnWalker, WiringDep
from retrowalk.web.schemas.walkers import (
    EquipmentChange,
    EquipmentChangedPublic,
    OnboardedPublic,
    WalkerCreate,
    WalkerPublic,
)

router = APIRouter(tags=["walkers"])


@router.post(
    "/walkers",
    status_code=201,
    response_model=OnboardedPublic,
    openapi_extra=body_doc(WalkerCreate),
)
def create_walker(
    body: Annotated[WalkerCreate, Depends(json_body(WalkerCreate))],
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


@router.put(
    "/walkers/{walker_id}/equipment",
    response_model=EquipmentChangedPublic,
    openapi_extra=body_doc(EquipmentChange),
)
def change_walker_equipment(
    walker: OwnWalker,
    body: Annotated[EquipmentChange, Depends(json_body(EquipmentChange))],
    wired: WiringDep,
) -> EquipmentChangedPublic:
    """Put new equipment in use: it is screened again and the session still to walk is
    re-planned on it (the same kind carries the dose over, never higher; another kind starts
    its own programme). Equipment screening will not plan for is refused with 422 while a plan
    stands, and nothing changes."""
    command = EquipmentChangeIn(equipment=body.equipment)
    return EquipmentChangedPublic.of(change_equipment(walker.id, command, wired.uow(), wired.clock))
