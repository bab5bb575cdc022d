"""The SQL repository of the clinician's desk: flags, outcome measures, notes and the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import aliased

from retrowalk.domain.clinic_flags import ClinicFlag, FlagKind
from retrowalk.domain.outcome_measures import SUBSCALES, Instrument, OutcomeMeasure
from retrowalk.services.clinic_port import Clinic
from retrowalk.services.clinic_records import (
    AuditAction,
    AuditEntry,
    PatientNote,
    PatientSummary,
    StoredFlag,
    StoredMeasure,
)
from retrowalk.store.clinic import (
    AuditRow,
    ClinicFlagRow,
    OutcomeMeasureRow,
    PatientNoteRow,
    measure_column,
)
from retrowalk.store.database import SqlRepository
from retrowalk.store.people import AccountRow, WalkerRow
from retrowalk.store.sql_patient_summaries import open_flag_count, patient_summaries

_ACKNOWLEDGER = aliased(AccountRow)
# Each patient's open flags counted on the (walker, acknowledged) index, not every flag ever
# raised scanned to find the open ones; built once (building costs more than running it).
_OPEN_FLAGS = open_flag_count().label("open_flags")
_BY_OPEN_FLAGS = (
    select(WalkerRow.id, _OPEN_FLAGS)
    .where(WalkerRow.clinician_id == bindparam("clinician_id"))
    .order_by(_OPEN_FLAGS.desc(), WalkerRow.id)
)


class SqlClinic(SqlRepository, Clinic):
    def add_flags(self, walker_id: int, flags: Sequence[ClinicFlag], at: datetime) -> None:
        if not flags:
            return
        logs = {flag.log_id for flag in flags}
        kept = self._session.execute(
            select(ClinicFlagRow.log_id, ClinicFlagRow.kind).where(ClinicFlagRow.log_id.in_(logs))
        )
        known = {(log_id, kind) for log_id, kind in kept}
        self._session.add_all(
            ClinicFlagRow(
                walker_id=walker_id,
                log_id=flag.log_id,
                kind=flag.kind.value,
                flagged_on=flag.on,
                text=flag.text,
                raised_at=at,
            )
            for flag in flags
            if (flag.log_id, flag.kind.value) not in known
        )
        self._session.flush()

    def last_raised(self, walker_id: int) -> dict[FlagKind, date]:
        query = (
            select(ClinicFlagRow.kind, func.max(ClinicFlagRow.flagged_on))
            .where(ClinicFlagRow.walker_id == walker_id)
            .group_by(ClinicFlagRow.kind)
        )
        return {FlagKind(kind): on for kind, on in self._session.execute(query)}

    def flags(self, walker_id: int) -> list[StoredFlag]:
        query = self._flag_query().where(ClinicFlagRow.walker_id == walker_id)
        rows = self._session.execute(query.order_by(ClinicFlagRow.id.desc()))
        return [_flag(*row) for row in rows]

    def flag(self, flag_id: int) -> StoredFlag | None:
        row = self._session.execute(self._flag_query().where(ClinicFlagRow.id == flag_id)).first()
        return None if row is None else _flag(*row)

    def acknowledge(self, flag_id: int, account_id: int, at: datetime) -> None:
        self._session.execute(
            update(ClinicFlagRow)
            .where(ClinicFlagRow.id == flag_id, ClinicFlagRow.acknowledged_at.is_(None))
            .values(acknowledged_by_id=account_id, acknowledged_at=at)
        )

    def patients_by_open_flags(self, clinician_id: int) -> list[tuple[int, int]]:
        rows = self._session.connection().execute(_BY_OPEN_FLAGS, {"clinician_id": clinician_id})
        return [(row[0], row[1]) for row in rows]

    def patient_summaries(
        self, walker_ids: Sequence[int], since: date, weeks: Sequence[date]
    ) -> list[PatientSummary]:
        return patient_summaries(self._session, walker_ids, since, weeks)

    def measures(self, walker_id: int) -> list[StoredMeasure]:
        query = (
            select(OutcomeMeasureRow, AccountRow.name)
            .join(AccountRow, AccountRow.id == OutcomeMeasureRow.entered_by_id)
            .where(OutcomeMeasureRow.walker_id == walker_id)
            .order_by(OutcomeMeasureRow.measured_on, OutcomeMeasureRow.id)
        )
        return [_measure(row, name) for row, name in self._session.execute(query)]

    def measure_on(self, walker_id: int, instrument: Instrument, on: date) -> StoredMeasure | None:
        row = self._measure_row(walker_id, instrument, on)
        if row is None:
            return None
        return _measure(row, self._session.get_one(AccountRow, row.entered_by_id).name)

    def put_measure(
        self, walker_id: int, measure: OutcomeMeasure, account_id: int, at: datetime
    ) -> StoredMeasure:
        row = self._measure_row(walker_id, measure.instrument, measure.on)
        if row is None:
            row = OutcomeMeasureRow(
                walker_id=walker_id, instrument=measure.instrument.value, measured_on=measure.on
            )
        for name, value in measure.scores:
            setattr(row, measure_column(measure.instrument, name), value)
        row.entered_by_id, row.entered_at = account_id, at
        self._inserted(row)
        return _measure(row, self._session.get_one(AccountRow, account_id).name)

    def note(self, walker_id: int) -> PatientNote | None:
        query = (
            select(PatientNoteRow.text, AccountRow.name, PatientNoteRow.updated_at)
            .join(AccountRow, AccountRow.id == PatientNoteRow.updated_by_id)
            .where(PatientNoteRow.walker_id == walker_id)
        )
        row = self._session.execute(query).first()
        return None if row is None else PatientNote(walker_id, *row)

    def set_note(self, walker_id: int, text: str, account_id: int, at: datetime) -> PatientNote:
        row = self._session.get(PatientNoteRow, walker_id) or PatientNoteRow(walker_id=walker_id)
        row.text, row.updated_by_id, row.updated_at = text, account_id, at
        self._inserted(row)
        name = self._session.get_one(AccountRow, account_id).name
        return PatientNote(walker_id, text, name, at)

    def add_audit(
        self,
        account_id: int,
        action: AuditAction,
        walker_id: int | None,
        change: tuple[str | None, str | None],
        at: datetime,
    ) -> AuditEntry:
        before, after = change
        row = AuditRow(
            at=at,
            account_id=account_id,
            action=action.value,
            walker_id=walker_id,
            before=before,
            after=after,
        )
        self._inserted(row)
        name = self._session.get_one(AccountRow, account_id).name
        return AuditEntry(row.id, at, name, action, walker_id, before, after)

    def audit(self, walker_id: int) -> list[AuditEntry]:
        query = (
            select(AuditRow, AccountRow.name)
            .join(AccountRow, AccountRow.id == AuditRow.account_id)
            .where(AuditRow.walker_id == walker_id)
            .order_by(AuditRow.id.desc())
        )
        return [
            AuditEntry(r.id, r.at, name, AuditAction(r.action), r.walker_id, r.before, r.after)
            for r, name in self._session.execute(query)
        ]

    def _flag_query(self) -> Any:
        return select(ClinicFlagRow, _ACKNOWLEDGER.name).outerjoin(
            _ACKNOWLEDGER, _ACKNOWLEDGER.id == ClinicFlagRow.acknowledged_by_id
        )

    def _measure_row(
        self, walker_id: int, instrument: Instrument, on: date
    ) -> OutcomeMeasureRow | None:
        query = select(OutcomeMeasureRow).where(
            OutcomeMeasureRow.walker_id == walker_id,
            OutcomeMeasureRow.instrument == instrument.value,
            OutcomeMeasureRow.measured_on == on,
        )
        return self._session.scalars(query).first()


def _flag(row: ClinicFlagRow, acknowledged_by: str | None) -> StoredFlag:
    return StoredFlag(
        row.id,
        row.walker_id,
        FlagKind(row.kind),
        row.flagged_on,
        row.log_id,
        row.text,
        row.raised_at,
        acknowledged_by,
        row.acknowledged_at,
    )


def _measure(row: OutcomeMeasureRow, entered_by: str) -> StoredMeasure:
    instrument = Instrument(row.instrument)
    scores = tuple(
        (scale.name, getattr(row, measure_column(instrument, scale.name)))
        for scale in SUBSCALES[instrument]
    )
    measure = OutcomeMeasure(instrument, row.measured_on, scores)
    return StoredMeasure(row.id, row.walker_id, measure, entered_by, row.entered_at)
