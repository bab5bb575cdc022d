"""Rows to session records and back: planned sessions, logs, their versions and samples."""

from __future__ import annotations

import json
from typing import Any

from retrowalk.domain.dose import Dose, DoseVariable, HandSupport
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.outcome_fields import OUTCOME_NAMES
from retrowalk.domain.progression import Decision, DecisionKind
from retrowalk.domain.stop_reason import StopReason
from retrowalk.domain.units import Speed, SpeedUnit
from retrowalk.services.records import (
    LoggedEntry,
    Performed,
    Sample,
    SessionLog,
    Source,
    StoredPlannedSession,
)
from retrowalk.store.sessions import ENTRY_COLUMNS, PlannedSessionRow, SampleRow, SessionLogRow
from retrowalk.store.state_codec import decode_state, encode_state


def planned_columns(planned: StoredPlannedSession) -> dict[str, Any]:
    """Every column of a planned session's row but its id."""
    decision, dose = planned.decision, planned.decision.dose
    return {
        "walker_id": planned.walker_id,
        "seq": planned.seq,
        "session_date": planned.on,
        "equipment_id": planned.equipment_id,
        "decision": decision.kind.value,
        "changed": None if decision.changed is None else decision.changed.value,
        "reasons": json.dumps(list(decision.reasons), ensure_ascii=False),
        "walk": decision.walk,
        "stepped_down": decision.stepped_down,
        "pauses": decision.pauses,
        "resets_trend": decision.resets_trend,
        "minutes": dose.minutes,
        "hands": dose.hands.value,
        "speed": None if dose.speed is None else dose.speed.value,
        "speed_unit": None if dose.speed is None else dose.speed.unit.value,
        "incline_percent": dose.incline_percent,
        "resistance_level": dose.resistance_level,
        "load_kg": dose.load_kg,
        "distance_m": dose.distance_m,
        "set_count": dose.set_count,
        "state_before": encode_state(planned.state_before),
    }


def planned_to_record(row: PlannedSessionRow) -> StoredPlannedSession:
    return StoredPlannedSession(
        id=row.id,
        walker_id=row.walker_id,
        seq=row.seq,
        on=row.session_date,
        equipment_id=row.equipment_id,
        decision=decision_of(row),
        state_before=decode_state(row.state_before),
    )


def decision_of(row: Any) -> Decision:
    """The decision held in a planned-session row (or a query row with its columns)."""
    return Decision(
        kind=DecisionKind(row.decision),
        dose=dose_of(row),
        changed=None if row.changed is None else DoseVariable(row.changed),
        reasons=tuple(json.loads(row.reasons)),
        walk=row.walk,
        stepped_down=row.stepped_down,
        pauses=row.pauses,
        resets_trend=row.resets_trend,
    )


# The columns of a planned session's dose, which `dose_of` reads.
DOSE_COLUMNS = (
    "minutes",
    "hands",
    "speed",
    "speed_unit",
    "incline_percent",
    "resistance_level",
    "load_kg",
    "distance_m",
    "set_count",
)


def dose_of(row: Any) -> Dose:
    return Dose(
        minutes=row.minutes,
        hands=HandSupport(row.hands),
        speed=_speed(row.speed, row.speed_unit),
        incline_percent=row.incline_percent,
        resistance_level=row.resistance_level,
        load_kg=row.load_kg,
        distance_m=row.distance_m,
        set_count=row.set_count,
    )


def _speed(value: float | None, unit: str | None) -> Speed | None:
    return None if value is None or unit is None else Speed(value, SpeedUnit(unit))


def entry_columns(entry: LoggedEntry) -> dict[str, Any]:
    """The entry's columns: the answers under their own names, then what was done."""
    outcome, performed = entry.outcome, entry.performed
    speed = performed.speed
    return {
        **{name: getattr(outcome, name) for name in OUTCOME_NAMES},
        "speed_done": None if speed is None else speed.value,
        "speed_done_unit": None if speed is None else speed.unit.value,
        "incline_done": performed.incline_percent,
        "hands_done": None if performed.hands is None else performed.hands.value,
        "next_morning_on": entry.next_morning_on,
        "notes": entry.notes,
        "source": entry.source.value,
        "stop_reason": None if entry.stop_reason is None else entry.stop_reason.value,
    }


def entry_of(row: Any) -> LoggedEntry:
    """The entry held in a log row or a version row (they share the entry columns)."""
    values = {name: getattr(row, name) for name in ENTRY_COLUMNS}
    outcome = SessionOutcome(**{name: values[name] for name in OUTCOME_NAMES})
    speed = _speed(values["speed_done"], values["speed_done_unit"])
    hands = None if values["hands_done"] is None else HandSupport(values["hands_done"])
    return LoggedEntry(
        outcome=outcome,
        performed=Performed(speed, values["incline_done"], hands),
        next_morning_on=values["next_morning_on"],
        notes=values["notes"],
        source=Source(values["source"]),
        stop_reason=None if values["stop_reason"] is None else StopReason(values["stop_reason"]),
    )


def log_to_record(row: SessionLogRow) -> SessionLog:
    return SessionLog(
        id=row.id,
        walker_id=row.walker_id,
        planned_id=row.planned_session_id,
        on=row.session_date,
        entry=entry_of(row),
        state_after=decode_state(row.state_after),
        logged_at=row.logged_at,
        deleted=row.deleted,
    )


def sample_row(log_id: int, sample: Sample) -> SampleRow:
    return SampleRow(
        log_id=log_id,
        second=sample.second,
        speed_mps=sample.speed_mps,
        incline_percent=sample.incline_percent,
        distance_m=sample.distance_m,
        heart_rate=sample.heart_rate,
    )


def sample_to_record(row: SampleRow) -> Sample:
    return Sample(row.second, row.speed_mps, row.incline_percent, row.distance_m, row.heart_rate)
