"""A change to the walker's knee or profile: what changed, and the engine state the session
still to walk is decided from afterwards (PROTOCOL.md §9: screening again; §11: stop and refer).

The walker's answers are facts about their knee now. A red flag among them stops the plan until
it is resolved (the faces and services read the stored flags); once none stands, the pending
session is decided again from the state carried here. The dose never rises through a change:
it is placed within the new programme (`carry_over` on the same equipment), or starts the
programme again where the knee is a new one (an operation) or screening now asks for a
cautious start.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from retrowalk.domain.engine_state import EngineState
from retrowalk.domain.equipment_change import CarriedOver, carry_over
from retrowalk.domain.programme import Programme
from retrowalk.domain.walker import SCREENING_ANSWERS, WalkerProfile

# A value as history keeps it: plain, so it reads the same in a database, JSON and a page.
Scalar = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One answer, from what it was to what it is (`field` as the services name it)."""

    field: str
    before: Scalar
    after: Scalar


# The walker's answers a change may touch, in the order people read them (the clinician's
# limits are not among them); an operation is two fields, its kind and its date.
PROFILE_FIELDS = (
    "age",
    "weight_kg",
    "units",
    "condition",
    "severity",
    "surgery.kind",
    "surgery.date",
    *SCREENING_ANSWERS,
)


def profile_facts(profile: WalkerProfile) -> dict[str, Scalar]:
    """The walker's answers by field name, as plain values (an enum as its value)."""
    surgery = profile.surgery
    operation: dict[str, Scalar] = {
        "surgery.kind": None if surgery is None else surgery.kind.value,
        "surgery.date": None if surgery is None else surgery.on.isoformat(),
    }
    return {
        name: operation[name] if name in operation else _plain(getattr(profile, name))
        for name in PROFILE_FIELDS
    }


def _plain(value: object) -> Scalar:
    if isinstance(value, StrEnum):
        return value.value
    assert isinstance(value, str | int | float | bool) or value is None
    return value


def changes_between(before: dict[str, Scalar], after: dict[str, Scalar]) -> tuple[FieldChange, ...]:
    """Every field whose value differs, in `after`'s order."""
    return tuple(
        FieldChange(name, before.get(name), value)
        for name, value in after.items()
        if before.get(name) != value
    )


def knee_changed(before: WalkerProfile, after: WalkerProfile) -> bool:
    """A new condition or operation: the protocol that fits the walker is chosen again."""
    return before.condition != after.condition or before.surgery != after.surgery


def stop_state(state: EngineState) -> str | None:
    """What holds the engine back that only a clinician lifts: 'stopped', 'paused' or None."""
    if state.stopped:
        return "stopped"
    return "paused" if state.paused else None


def replanned(p: Programme, state: EngineState, afresh: str | None) -> CarriedOver:
    """The state to decide the pending session from under `p`, the walker's programme after the
    change. `afresh` (the reason) starts `p` again at its start dose, keeping the knee's story
    (a stop, a pause, the pain trend, sessions walked and the date last walked). Otherwise the
    dose is placed within `p`, never higher; a dose it had to lower counts afresh, one it
    keeps keeps its streaks too (a change of weight or units changes nothing in the engine)."""
    if afresh is not None:
        fresh = replace(
            state,
            dose=p.start_dose,
            good_streak=0,
            settled_mornings=0,
            streak_peak_pain=0,
            stable_streak=0,
            last_increase=None,
            step_downs=0,
            over_limit_streak=0,
            partial_streak=0,
        )
        return CarriedOver(fresh, (afresh,))
    carried = carry_over(p, p, state)
    if carried.state.dose == state.dose:
        return CarriedOver(state, ())
    return carried
