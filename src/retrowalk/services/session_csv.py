"""Every logged session as CSV, read from the typed history (not from table and column names):
one row per session kept (deleted ones left out), by walker, then date, then log; how its dose
was decided and why, the dose prescribed beside what was done, and the decision it led to and
why. `seq` counts as the walker does (session 1 first); yes and no are `true` and `false`; what
was done is filled in from the prescription where the walker walked it as prescribed (an empty
speed, incline, hands or minutes in a log of a walked session means that). The column order is
documented in docs/storage.md."""

from __future__ import annotations

import csv
import io
from typing import Any

from retrowalk.domain.dose import Dose
from retrowalk.domain.engine_state import Decision
from retrowalk.domain.outcome_fields import OUTCOME_FIELDS, OUTCOME_NAMES, OutcomeField
from retrowalk.domain.session_rows import LED_TO_COLUMNS, PRESCRIBED_COLUMNS, SESSION_KEY_COLUMNS
from retrowalk.services.history import Period, SessionRecord, records_in
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import LoggedEntry

_SESSION = (*SESSION_KEY_COLUMNS, "date")
_PERFORMED = ("speed_done", "speed_done_unit", "incline_done", "hands_done")
_ABOUT = ("stop_reason", "source", "notes")
CSV_COLUMNS = (
    *_SESSION,
    *PRESCRIBED_COLUMNS,
    *OUTCOME_NAMES,
    *_PERFORMED,
    *_ABOUT,
    *LED_TO_COLUMNS,
)


def export_csv(uow: UnitOfWork) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    with uow.reading():  # one snapshot of every walker
        for walker_id in uow.walkers.ids():
            for record in records_in(uow, walker_id, Period(walker_id=walker_id)):
                writer.writerow(csv_row(walker_id, record))
    return out.getvalue()


def csv_row(walker_id: int, record: SessionRecord) -> dict[str, Any]:
    logged, decision = record.logged, record.logged.prescribed
    row = {
        "walker_id": walker_id,
        "log_id": logged.log_id,
        "seq": logged.seq + 1,
        "date": logged.on.isoformat(),
        "decision": decision.kind.value,
        "reason": _reason(decision),
        "changed": None if decision.changed is None else decision.changed.value,
        **_prescribed(decision.dose),
        **_done(logged.entry, decision.dose),
        "led_to": None if record.led_to is None else record.led_to.kind.value,
        "led_to_reason": _reason(record.led_to),
    }
    return {name: _text(value) for name, value in row.items()}


def _reason(decision: Decision | None) -> str | None:
    return None if decision is None else " ".join(decision.reasons)


def _prescribed(dose: Dose) -> dict[str, Any]:
    speed = dose.speed
    return {
        "prescribed_minutes": float(dose.minutes),
        "prescribed_speed": None if speed is None else float(speed.value),
        "prescribed_speed_unit": None if speed is None else speed.unit.value,
        "prescribed_incline_percent": float(dose.incline_percent),
        "prescribed_hands": dose.hands.value,
    }


def _done(entry: LoggedEntry, dose: Dose) -> dict[str, Any]:
    outcome, performed = entry.outcome, entry.performed
    answers = {f.name: _cell(f, getattr(outcome, f.name)) for f in OUTCOME_FIELDS}
    if not outcome.done:  # a missed session: nothing was done, nothing to fill in
        return answers | dict.fromkeys(_PERFORMED) | _about(entry)
    speed = performed.speed or dose.speed
    incline = (
        dose.incline_percent if performed.incline_percent is None else performed.incline_percent
    )
    if outcome.minutes_done is None:
        answers["minutes_done"] = float(dose.minutes)
    return answers | {
        "speed_done": None if speed is None else float(speed.value),
        "speed_done_unit": None if speed is None else speed.unit.value,
        "incline_done": float(incline),
        "hands_done": (performed.hands or dose.hands).value,
        **_about(entry),
    }


def _about(entry: LoggedEntry) -> dict[str, Any]:
    return {
        "stop_reason": None if entry.stop_reason is None else entry.stop_reason.value,
        "source": entry.source.value,
        "notes": entry.notes,
    }


def _text(value: object) -> object:
    """Yes and no as spreadsheets and other tools read them: `true` and `false`."""
    return str(value).lower() if isinstance(value, bool) else value


def _cell(field: OutcomeField, value: object) -> object:
    """A number as its kind writes it on every store (2.0 minutes, not 2 from one store and 2.0
    from another); None stays an empty cell."""
    if field.kind is float and isinstance(value, int | float):
        return float(value)
    return value
