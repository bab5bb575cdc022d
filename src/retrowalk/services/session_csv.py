"""Every logged session as CSV, read from the typed history (not from table and column names):
one row per session kept (deleted ones left out), by walker, then date, then log; the dose
prescribed beside what was done. The column order is documented in docs/storage.md."""

from __future__ import annotations

import csv
import io
from typing import Any

from retrowalk.domain.dose import Dose
from retrowalk.domain.outcome_fields import OUTCOME_FIELDS, OUTCOME_NAMES, OutcomeField
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import LoggedEntry, LoggedSession

_SESSION = ("walker_id", "log_id", "seq", "date")
_PRESCRIBED = (
    "decision",
    "changed",
    "prescribed_minutes",
    "prescribed_speed",
    "prescribed_speed_unit",
    "prescribed_incline_percent",
    "prescribed_hands",
)
_PERFORMED = ("speed_done", "speed_done_unit", "incline_done", "hands_done")
_ABOUT = ("stop_reason", "source", "notes")
CSV_COLUMNS = (*_SESSION, *_PRESCRIBED, *OUTCOME_NAMES, *_PERFORMED, *_ABOUT)


def export_csv(uow: UnitOfWork) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    with uow.reading():
        for walker_id in uow.walkers.ids():
            for logged in uow.sessions.history(walker_id, None, None):
                writer.writerow(csv_row(walker_id, logged))
    return out.getvalue()


def csv_row(walker_id: int, logged: LoggedSession) -> dict[str, Any]:
    decision = logged.prescribed
    return {
        "walker_id": walker_id,
        "log_id": logged.log_id,
        "seq": logged.seq,
        "date": logged.on.isoformat(),
        "decision": decision.kind.value,
        "changed": None if decision.changed is None else decision.changed.value,
        **_prescribed(decision.dose),
        **_done(logged.entry),
    }


def _prescribed(dose: Dose) -> dict[str, Any]:
    speed = dose.speed
    return {
        "prescribed_minutes": float(dose.minutes),
        "prescribed_speed": None if speed is None else float(speed.value),
        "prescribed_speed_unit": None if speed is None else speed.unit.value,
        "prescribed_incline_percent": float(dose.incline_percent),
        "prescribed_hands": dose.hands.value,
    }


def _done(entry: LoggedEntry) -> dict[str, Any]:
    outcome, performed = entry.outcome, entry.performed
    speed = performed.speed
    return {
        **{f.name: _cell(f, getattr(outcome, f.name)) for f in OUTCOME_FIELDS},
        "speed_done": None if speed is None else float(speed.value),
        "speed_done_unit": None if speed is None else speed.unit.value,
        "incline_done": None
        if performed.incline_percent is None
        else float(performed.incline_percent),
        "hands_done": None if performed.hands is None else performed.hands.value,
        "stop_reason": None if entry.stop_reason is None else entry.stop_reason.value,
        "source": entry.source.value,
        "notes": entry.notes,
    }


def _cell(field: OutcomeField, value: object) -> object:
    """A number as its kind writes it on every store (2.0 minutes, not 2 from one store and 2.0
    from another); None stays an empty cell."""
    if field.kind is float and isinstance(value, int | float):
        return float(value)
    return value
