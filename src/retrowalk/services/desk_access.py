"""Who may use the clinician's desk, and for which walkers: an account with the clinician role,
for the walkers whose clinician it is. Anything else is "not found", the same answer as for an
id that names nothing, so nobody learns which walkers exist."""

from __future__ import annotations

from retrowalk.domain.errors import NotFoundError
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import Account, Role, StoredWalker


def require_clinician(uow: UnitOfWork, account: str) -> Account:
    found = uow.accounts.by_name(account)
    if found is None or found.role is not Role.CLINICIAN:
        raise NotFoundError("account", account, "the clinician's desk is for clinicians")
    return found


def require_patient(
    uow: UnitOfWork, account: str, walker_id: int, lock: bool = False
) -> tuple[Account, StoredWalker]:
    """The clinician asking and their patient `walker_id` (locked with `lock`)."""
    clinician = require_clinician(uow, account)
    walker = uow.walkers.get(walker_id, lock)
    if walker is None or walker.clinician_id != clinician.id:
        raise NotFoundError("walker_id", walker_id, "no patient of yours has this id")
    return clinician, walker
