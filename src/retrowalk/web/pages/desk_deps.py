"""The desk's request dependencies: the clinician asking (404 for anyone else, as for a page
that does not exist) and their patient named in the path (404 for anyone else's)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path

from retrowalk.services.desk_access import require_clinician, require_patient
from retrowalk.services.records import Account, StoredWalker
from retrowalk.web.deps import AccountDep, WiringDep
from retrowalk.web.schemas.common import MAX_ID


def desk_clinician(wired: WiringDep, account: AccountDep) -> Account:
    with wired.uow().reading() as uow:
        return require_clinician(uow, account)


Clinician = Annotated[Account, Depends(desk_clinician)]


PatientId = Annotated[int, Path(ge=1, le=MAX_ID, description="The patient's walker id.")]


def desk_patient(
    walker_id: PatientId,
    clinician: Clinician,
    wired: WiringDep,
) -> StoredWalker:
    with wired.uow().reading() as uow:
        return require_patient(uow, clinician.name, walker_id)[1]


Patient = Annotated[StoredWalker, Depends(desk_patient)]
