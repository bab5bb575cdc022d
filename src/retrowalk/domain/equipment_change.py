"""A change of equipment: the engine state carried from one programme to the next.

On the same kind of equipment the dose carries over, placed on the new machine's grid and never
raised (except to a treadmill's slowest belt setting, which is named); on another kind the walker
starts that modality's programme afresh. Either way the knee's story carries over: a stop for
knee symptoms, a clinician pause, the pain trend and the date last walked. Progression counts
afresh, so nothing rises until the new equipment has had its own run of comfortable sessions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.engine_state import EngineState
from retrowalk.domain.equipment import (
    Equipment,
    ManualTreadmill,
    MotorizedTreadmill,
    Sled,
    has_handrails,
)
from retrowalk.domain.modality import SledRules
from retrowalk.domain.programme import Programme, sled_dose, sled_max_load
from retrowalk.domain.units import Speed


@dataclass(frozen=True, slots=True)
class CarriedOver:
    state: EngineState
    notes: tuple[str, ...]


def carry_over(old: Programme, new: Programme, state: EngineState) -> CarriedOver:
    """The state to decide the next session from on `new`'s equipment, and what changed."""
    counting_afresh = replace(
        state,
        good_streak=0,
        settled_mornings=0,
        streak_peak_pain=0,
        stable_streak=0,
        last_increase=None,
        tolerated=None,
        watch=replace(state.watch, hands_restore=None),
    )
    if type(old.equipment) is not type(new.equipment):
        fresh = replace(
            counting_afresh,
            dose=new.start_dose,
            step_downs=0,
            over_limit_streak=0,
            partial_streak=0,
            last_verdict=None,
            last_outcome=None,
        )
        note = "New kind of equipment: its programme begins again at the start dose."
        return CarriedOver(fresh, (note,))
    dose, notes = _placed(old.equipment, new, state.dose)
    if dose == state.dose:
        notes = (*notes, "The dose carries over unchanged to the new equipment.")
    return CarriedOver(replace(counting_afresh, dose=dose), notes)


def _placed(was: Equipment, new: Programme, dose: Dose) -> tuple[Dose, tuple[str, ...]]:
    """`dose` on `new`'s equipment: within its range and the programme's ceilings, never higher."""
    hands = _hands(was, new.equipment, dose.hands)
    equipment, notes = new.equipment, list[str]()
    kept_on = has_handrails(equipment) and not new.walker.limits.hands_free_allowed
    if hands is HandSupport.NONE and kept_on:
        hands = HandSupport.ONE
        notes.append("One hand back on a rail: your clinician asks you to keep one on.")
    minutes = min(dose.minutes, new.extended_target_minutes or new.target_minutes)
    placed = replace(dose, hands=hands, minutes=minutes)
    if isinstance(equipment, MotorizedTreadmill) and dose.speed is not None:
        placed, notes = _on_treadmill(equipment, new, placed, dose.speed)
    elif isinstance(equipment, ManualTreadmill):
        level = min(dose.resistance_level or 1, equipment.resistance_levels)
        placed = replace(placed, resistance_level=level, incline_percent=equipment.incline_percent)
    elif isinstance(equipment, Sled) and isinstance(new.modality, SledRules):
        load = min(dose.load_kg or 0.0, sled_max_load(equipment, new.modality))
        distance, sets = dose.distance_m or 0, dose.set_count or 0
        placed = sled_dose(new.modality, load, distance, sets)
    if placed.minutes < dose.minutes:
        notes.append(f"Minutes lowered to {placed.minutes:g}, this programme's target.")
    if hands is not dose.hands:
        notes.append(f"Hand support: {hands.describe()}, as the new equipment allows.")
    return placed, tuple(notes)


def _on_treadmill(
    treadmill: MotorizedTreadmill, new: Programme, dose: Dose, speed: Speed
) -> tuple[Dose, list[str]]:
    notes = []
    incline = 0.0
    if new.incline_ceiling_percent > 0 and dose.incline_percent > 0:
        highest = min(dose.incline_percent, new.incline_ceiling_percent)
        incline = treadmill.incline_grid.floor(highest)
    ceiling = new.speed_cap if incline > 0 else new.speed_ceiling
    wanted = speed if ceiling is None else min(speed, ceiling, key=lambda s: s.metres_per_second)
    placed = treadmill.speed_at_or_below(wanted)
    slowest = treadmill.minimum_speed
    if placed.metres_per_second > speed.metres_per_second + 1e-9:
        notes.append(
            f"This treadmill's slowest belt speed, {slowest.describe()}, is above your dose of "
            f"{speed.describe()}: the nearest the belt allows. Walk it only if it feels easy; "
            "otherwise stop and talk to your clinician."
        )
    elif placed != speed:
        notes.append(f"Speed set to {placed.describe()}, on this treadmill's own steps.")
    if incline < dose.incline_percent:
        notes.append(f"Incline lowered to {incline:g} %, as far as this treadmill and plan allow.")
    return replace(dose, speed=placed, incline_percent=incline), notes


def _hands(was: Equipment, now: Equipment, hands: HandSupport) -> HandSupport:
    """Rails on the new equipment: keep the hand support earned, or both hands where the old
    equipment had no rails to wean from. No rails: hands free, as screening has accepted."""
    if not has_handrails(now):
        return HandSupport.NONE
    return hands if has_handrails(was) else HandSupport.BOTH
