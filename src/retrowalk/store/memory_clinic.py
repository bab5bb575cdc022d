"""The in-memory clinician's desk, honouring the SQL repository's contract (store/sql_clinic.py)
on the tables of one memory unit of work."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from retrowalk.domain.clinic_flags import ClinicFlag, FlagKind
from retrowalk.domain.outcome_measures import Instrument, OutcomeMeasure
from retrowalk.services.clinic_port import Clinic
from retrowalk.services.clinic_records import (
    AuditAction,
    AuditEntry,
    PatientNote,
    PatientSummary,
    StoredFlag,
    StoredMeasure,
)
from retrowalk.store.memory_patient_summaries import patient_summaries

if TYPE_CHECKING:
    from retrowalk.store.memory import MemoryDatabase, _Tables


@dataclass
class ClinicTables:
    flags: dict[int, StoredFlag] = field(default_factory=dict)
    measures: dict[int, StoredMeasure] = field(default_factory=dict)
    notes: dict[int, PatientNote] = field(default_factory=dict)
    audit: dict[int, AuditEntry] = field(default_factory=dict)

    def copy(self) -> ClinicTables:
        return ClinicTables(
            dict(self.flags), dict(self.measures), dict(self.notes), dict(self.audit)
        )


class MemoryClinic(Clinic):
    def __init__(self, db: MemoryDatabase, tables: _Tables) -> None:
        self._db, self._t = db, tables

    @property
    def _c(self) -> ClinicTables:
        return self._t.clinic

    def _name(self, account_id: int) -> str:
        return self._t.accounts[account_id].name

    def add_flags(self, walker_id: int, flags: Sequence[ClinicFlag], at: datetime) -> None:
        known = {(f.log_id, f.kind) for f in self._c.flags.values()}
        for flag in flags:
            if (flag.log_id, flag.kind) in known:
                continue
            stored = StoredFlag(
                next(self._db.ids), walker_id, flag.kind, flag.on, flag.log_id, flag.text, at
            )
            self._c.flags[stored.id] = stored
            known.add((flag.log_id, flag.kind))

    def last_raised(self, walker_id: int) -> dict[FlagKind, date]:
        last: dict[FlagKind, date] = {}
        for flag in self.flags(walker_id):
            last[flag.kind] = max(last.get(flag.kind, flag.on), flag.on)
        return last

    def flags(self, walker_id: int) -> list[StoredFlag]:
        mine = [f for f in self._c.flags.values() if f.walker_id == walker_id]
        return sorted(mine, key=lambda f: f.id, reverse=True)

    def flag(self, flag_id: int) -> StoredFlag | None:
        return self._c.flags.get(flag_id)

    def acknowledge(self, flag_id: int, account_id: int, at: datetime) -> None:
        flag = self._c.flags[flag_id]
        if flag.open:
            self._c.flags[flag_id] = replace(
                flag, acknowledged_by=self._name(account_id), acknowledged_at=at
            )

    def patients_by_open_flags(self, clinician_id: int) -> list[tuple[int, int]]:
        counts = {i: 0 for i, w in self._t.walkers.items() if w.clinician_id == clinician_id}
        for flag in self._c.flags.values():
            if flag.walker_id in counts and flag.open:
                counts[flag.walker_id] += 1
        return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))

    def patient_summaries(
        self, walker_ids: Sequence[int], since: date, weeks: Sequence[date]
    ) -> list[PatientSummary]:
        return patient_summaries(self._t, walker_ids, since, weeks)

    def measures(self, walker_id: int) -> list[StoredMeasure]:
        mine = [m for m in self._c.measures.values() if m.walker_id == walker_id]
        return sorted(mine, key=lambda m: (m.measure.on, m.id))

    def measure_on(self, walker_id: int, instrument: Instrument, on: date) -> StoredMeasure | None:
        return next(
            (
                m
                for m in self._c.measures.values()
                if (m.walker_id, m.measure.instrument, m.measure.on) == (walker_id, instrument, on)
            ),
            None,
        )

    def put_measure(
        self, walker_id: int, measure: OutcomeMeasure, account_id: int, at: datetime
    ) -> StoredMeasure:
        kept = self.measure_on(walker_id, measure.instrument, measure.on)
        number = next(self._db.ids) if kept is None else kept.id
        stored = StoredMeasure(number, walker_id, measure, self._name(account_id), at)
        self._c.measures[number] = stored
        return stored

    def note(self, walker_id: int) -> PatientNote | None:
        return self._c.notes.get(walker_id)

    def set_note(self, walker_id: int, text: str, account_id: int, at: datetime) -> PatientNote:
        note = PatientNote(walker_id, text, self._name(account_id), at)
        self._c.notes[walker_id] = note
        return note

    def add_audit(
        self,
        account_id: int,
        action: AuditAction,
        walker_id: int | None,
        change: tuple[str | None, str | None],
        at: datetime,
    ) -> AuditEntry:
        entry = AuditEntry(
            next(self._db.ids), at, self._name(account_id), action, walker_id, *change
        )
        self._c.audit[entry.id] = entry
        return entry

    def audit(self, walker_id: int) -> list[AuditEntry]:
        mine = [e for e in self._c.audit.values() if e.walker_id == walker_id]
        return sorted(mine, key=lambda e: e.id, reverse=True)
