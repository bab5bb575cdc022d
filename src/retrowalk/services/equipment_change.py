"""A walker's equipment changes: screened again, and the session still to walk re-planned on it.

What the walker has walked stays as it was, on the equipment it was walked on. The pending
session moves to the new equipment with the state carried over (domain/equipment_change.py).
Equipment that screening will not plan for (a red flag) is refused while a plan stands, and
nothing is stored; a walker without a plan yet gets their first session if it now clears.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from retrowalk.domain.equipment_change import carry_over
from retrowalk.domain.errors import InputError
from retrowalk.domain.programme import screened_programme
from retrowalk.domain.progression import decide, initial_state
from retrowalk.domain.screening import Screening
from retrowalk.protocols import load_modality, load_protocol
from retrowalk.services.clock import Clock
from retrowalk.services.commands import Command, read_command
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import StoredPlannedSession, StoredWalker
from retrowalk.services.scenario import EquipmentIn, equipment_of
from retrowalk.services.walker_plan import programme_of, require_walker


class EquipmentChangeIn(Command):
    equipment: EquipmentIn


@dataclass(frozen=True, slots=True)
class EquipmentChanged:
    walker: StoredWalker
    screening: Screening
    pending: StoredPlannedSession | None
    notes: tuple[str, ...]


def equipment_change_command(data: dict[str, Any]) -> EquipmentChangeIn:
    return read_command(EquipmentChangeIn, data)


def change_equipment(
    walker_id: int, command: EquipmentChangeIn, uow: UnitOfWork, clock: Clock
) -> EquipmentChanged:
    equipment = equipment_of(command.equipment)
    with uow:
        walker = require_walker(uow, walker_id, lock=True)
        protocol = load_protocol(walker.prescription.protocol)
        modality = load_modality(equipment.kind)
        today = clock.today()
        screening, new_p = screened_programme(walker.profile, equipment, protocol, modality, today)
        pending = uow.sessions.latest_planned(walker.id)
        if pending is not None and new_p is None:
            stops = "; ".join(flag.message for flag in screening.red)
            raise InputError(
                "equipment.kind",
                equipment.kind.value,
                f"screening will not plan backward walking on this equipment ({stops}); "
                "your equipment on record is unchanged",
            )
        changed = uow.walkers.change_equipment(
            walker.id, equipment, (today, screening.flags), clock.now()
        )
        notes: tuple[str, ...] = screening.warnings
        planned = pending
        if new_p is not None and pending is not None:
            carried = carry_over(programme_of(walker), new_p, pending.state_before)
            planned = replace(
                pending,
                equipment_id=changed.equipment_id,
                state_before=carried.state,
                decision=decide(new_p, carried.state, pending.on),
            )
            uow.sessions.update_planned(planned)
            notes = (*carried.notes, *notes, *new_p.warnings)
        elif new_p is not None:
            state = initial_state(new_p)
            planned = uow.sessions.add_planned(
                walker.id, 0, today, changed.equipment_id, decide(new_p, state, today), state
            )
            notes = (*notes, *new_p.warnings)
        uow.commit()
    return EquipmentChanged(changed, screening, planned, notes)
