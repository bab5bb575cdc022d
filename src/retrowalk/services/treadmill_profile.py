"""A treadmill's mph-for-km/h verdict, kept in the walker's equipment profile.

A walk on a connected treadmill finds the verdict once, by reading the belt back; kept here, the
next walk on the same treadmill opens knowing it, so it is verified once per treadmill. A live
walk keeps it with its log, in the log's own transaction (services/log_session.py).
"""

from __future__ import annotations

from retrowalk.domain.equipment import MotorizedTreadmill
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import MphVerdict, StoredWalker
from retrowalk.services.walker_plan import require_walker


def remember_mph_verdict(walker_id: int, verdict: MphVerdict, uow: UnitOfWork) -> bool:
    """Keep `verdict` with the walker's equipment in use; True when it was written."""
    with uow:
        walker = require_walker(uow, walker_id, lock=True)
        written = keep_mph_verdict(uow, walker, verdict)
        if written:
            uow.commit()
    return written


def keep_mph_verdict(uow: UnitOfWork, walker: StoredWalker, verdict: MphVerdict) -> bool:
    """Inside the caller's transaction (the walker's row locked): keep `verdict`, True if written.

    The first verdict for a treadmill stands. One for another treadmill (another address, or the
    virtual one with other faults) replaces it: the walker walks on that one now. Equipment
    without a motor to command keeps none.
    """
    known = walker.mph_verdict
    if not isinstance(walker.equipment, MotorizedTreadmill):
        return False
    if known is not None and known.device == verdict.device:
        return False
    uow.walkers.set_mph_verdict(walker.equipment_id, verdict)
    return True
