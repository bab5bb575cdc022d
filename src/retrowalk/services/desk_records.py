"""The clinician's records on a patient: acknowledging a flag, the note, outcome measures, and
the patient's page (status, flags, measures, note, audit). Every write is one transaction with
its audit entry, and a second send of the same write finds nothing to change and writes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import Field, field_validator

from retrowalk.domain.errors import NotFoundError
from retrowalk.domain.outcome_measures import Instrument, outcome_measure
from retrowalk.services.calendar_date import CalendarDate
from retrowalk.services.clinic_records import (
    NOTE_LENGTH,
    AuditAction,
    AuditEntry,
    PatientNote,
    StoredFlag,
    StoredMeasure,
)
from retrowalk.services.clock import Clock
from retrowalk.services.commands import Command, read_command
from retrowalk.services.desk import PatientStatus, counted_from, patient_status
from retrowalk.services.desk_access import require_patient
from retrowalk.services.desk_clearance import held_for_clinician
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import SessionFacts, StoredWalker


class NoteIn(Command):
    text: str = Field(max_length=NOTE_LENGTH)

    @field_validator("text")
    @classmethod
    def _storable(cls, text: str) -> str:
        if "\x00" in text:
            raise ValueError("remove the NUL character (\\x00) from the text")
        return text.strip()


class MeasureIn(Command):
    """One questionnaire's scores on a day (None: today); subscales left out are unknown."""

    instrument: Instrument
    on: CalendarDate | None = None
    scores: dict[str, float | None]


def note_command(data: dict[str, Any]) -> NoteIn:
    return read_command(NoteIn, data)


def measure_command(data: dict[str, Any]) -> MeasureIn:
    return read_command(MeasureIn, data)


def acknowledge_flag(
    walker_id: int, flag_id: int, uow: UnitOfWork, clock: Clock, account: str
) -> StoredFlag:
    """Acknowledge the patient's flag; one acknowledged already stays as it was."""
    with uow:
        clinician, walker = require_patient(uow, account, walker_id, lock=True)
        flag = uow.clinic.flag(flag_id)
        if flag is None or flag.walker_id != walker.id:
            raise NotFoundError("flag_id", flag_id, "this patient has no flag with this id")
        if not flag.open:
            return flag
        uow.clinic.acknowledge(flag.id, clinician.id, clock.now())
        said = json.dumps({"flag_id": flag.id, "kind": flag.kind.value, "on": flag.on.isoformat()})
        uow.clinic.add_audit(
            clinician.id, AuditAction.ACKNOWLEDGE, walker.id, (None, said), clock.now()
        )
        done = uow.clinic.flag(flag.id)
        uow.commit()
    assert done is not None
    return done


def save_note(
    walker_id: int, command: NoteIn, uow: UnitOfWork, clock: Clock, account: str
) -> PatientNote | None:
    with uow:
        clinician, walker = require_patient(uow, account, walker_id, lock=True)
        kept = uow.clinic.note(walker.id)
        if (kept.text if kept else "") == command.text:
            return kept
        note = uow.clinic.set_note(walker.id, command.text, clinician.id, clock.now())
        before = None if kept is None else json.dumps({"text": kept.text})
        after = json.dumps({"text": command.text})
        uow.clinic.add_audit(
            clinician.id, AuditAction.NOTE, walker.id, (before, after), clock.now()
        )
        uow.commit()
    return note


def save_measure(
    walker_id: int, command: MeasureIn, uow: UnitOfWork, clock: Clock, account: str
) -> StoredMeasure:
    """Keep the measure (the same instrument on the same day is replaced, and audited)."""
    measure = outcome_measure(command.instrument, command.on or clock.today(), command.scores)
    with uow:
        clinician, walker = require_patient(uow, account, walker_id, lock=True)
        kept = uow.clinic.measure_on(walker.id, measure.instrument, measure.on)
        if kept is not None and kept.measure == measure:
            return kept
        stored = uow.clinic.put_measure(walker.id, measure, clinician.id, clock.now())
        before = None if kept is None else _measure_json(kept)
        change = (before, _measure_json(stored))
        uow.clinic.add_audit(
            clinician.id, AuditAction.OUTCOME_MEASURE, walker.id, change, clock.now()
        )
        uow.commit()
    return stored


def _measure_json(stored: StoredMeasure) -> str:
    m = stored.measure
    return json.dumps({"instrument": m.instrument.value, "on": m.on.isoformat(), **dict(m.scores)})


@dataclass(frozen=True, slots=True)
class PatientPage:
    walker: StoredWalker
    status: PatientStatus
    flags: tuple[StoredFlag, ...]
    measures: tuple[StoredMeasure, ...]
    note: PatientNote | None
    audit: tuple[AuditEntry, ...]
    sessions: tuple[SessionFacts, ...]
    held: str | None  # what waits for a clinician's clearance, in words, if anything


def patient_page(walker_id: int, uow: UnitOfWork, clock: Clock, account: str) -> PatientPage:
    today = clock.today()
    with uow.reading():
        _, walker = require_patient(uow, account, walker_id)
        pending = uow.sessions.latest_planned(walker.id)
        every = uow.sessions.facts(walker.id, None, None)
        flags = uow.clinic.flags(walker.id)
        measures = uow.clinic.measures(walker.id)
        note = uow.clinic.note(walker.id)
        audit = uow.clinic.audit(walker.id)
        # The same line as on the desk's list, counted the same way.
        (summary,) = uow.clinic.patient_summaries([walker.id], *counted_from(today))
    status = patient_status(summary, today)
    kept = (tuple(flags), tuple(measures), note, tuple(audit), tuple(every))
    return PatientPage(walker, status, *kept, held_for_clinician(walker, pending))
