"""The SQL repository for planned sessions, logs, their versions and samples."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select

from retrowalk.domain.progression import Decision, EngineState
from retrowalk.services.ports import Sessions
from retrowalk.services.records import (
    Change,
    LoggedEntry,
    LoggedSession,
    LogVersion,
    Sample,
    SessionFacts,
    SessionLog,
    StoredPlannedSession,
)
from retrowalk.store import sql_views
from retrowalk.store.convert_sessions import (
    entry_columns,
    entry_of,
    log_to_record,
    planned_columns,
    planned_to_record,
    sample_row,
    sample_to_record,
)
from retrowalk.store.database import SqlRepository
from retrowalk.store.sessions import (
    LogVersionRow,
    PlannedSessionRow,
    SampleRow,
    SessionLogRow,
)
from retrowalk.store.state_codec import encode_state


class SqlSessions(SqlRepository, Sessions):
    def latest_planned(self, walker_id: int) -> StoredPlannedSession | None:
        query = (
            select(PlannedSessionRow)
            .where(PlannedSessionRow.walker_id == walker_id)
            .order_by(PlannedSessionRow.seq.desc())
            .limit(1)
        )
        row = self._session.scalars(query).first()
        return None if row is None else planned_to_record(row)

    def add_planned(
        self,
        walker_id: int,
        seq: int,
        on: date,
        equipment_id: int,
        decision: Decision,
        state_before: EngineState,
    ) -> StoredPlannedSession:
        record = StoredPlannedSession(0, walker_id, seq, on, equipment_id, decision, state_before)
        row = PlannedSessionRow(**planned_columns(record))
        self._inserted(row)
        return planned_to_record(row)

    def planned(self, planned_id: int) -> StoredPlannedSession | None:
        row = self._session.get(PlannedSessionRow, planned_id)
        return None if row is None else planned_to_record(row)

    def update_planned(self, planned: StoredPlannedSession) -> None:
        row = self._session.get_one(PlannedSessionRow, planned.id)
        for name, value in planned_columns(planned).items():
            setattr(row, name, value)

    def add_log(
        self,
        planned: StoredPlannedSession,
        entry: LoggedEntry,
        state_after: EngineState,
        at: datetime,
    ) -> SessionLog:
        row = SessionLogRow(
            planned_session_id=planned.id,
            walker_id=planned.walker_id,
            session_date=planned.on,
            state_after=encode_state(state_after),
            logged_at=at,
            deleted=False,
            **entry_columns(entry),
        )
        self._inserted(row)
        return log_to_record(row)

    def log(self, log_id: int) -> SessionLog | None:
        row = self._session.get(SessionLogRow, log_id)
        return None if row is None else log_to_record(row)

    def update_log(self, log_id: int, entry: LoggedEntry, state_after: EngineState) -> None:
        row = self._session.get_one(SessionLogRow, log_id)
        for name, value in entry_columns(entry).items():
            setattr(row, name, value)
        row.state_after = encode_state(state_after)

    def set_deleted(self, log_id: int, deleted: bool) -> None:
        self._session.get_one(SessionLogRow, log_id).deleted = deleted

    def last_live_log(self, walker_id: int, before_seq: int) -> SessionLog | None:
        # Walk the walker's planned sessions backwards on (walker_id, seq): usually one step.
        query = (
            select(PlannedSessionRow, SessionLogRow)
            .join(SessionLogRow, SessionLogRow.planned_session_id == PlannedSessionRow.id)
            .where(
                PlannedSessionRow.walker_id == walker_id,
                PlannedSessionRow.seq < before_seq,
                SessionLogRow.deleted.is_(False),
            )
            .order_by(PlannedSessionRow.seq.desc())
            .limit(1)
        )
        pair = self._session.execute(query).first()
        return None if pair is None else log_to_record(pair[1])

    def sessions_from(
        self, walker_id: int, seq: int
    ) -> list[tuple[StoredPlannedSession, SessionLog | None]]:
        query = (
            select(PlannedSessionRow, SessionLogRow)
            .outerjoin(SessionLogRow, SessionLogRow.planned_session_id == PlannedSessionRow.id)
            .where(PlannedSessionRow.walker_id == walker_id, PlannedSessionRow.seq >= seq)
            .order_by(PlannedSessionRow.seq)
        )
        return [
            (planned_to_record(p), None if log is None else log_to_record(log))
            for p, log in self._session.execute(query)
        ]

    def history(
        self, walker_id: int, since: date | None, until: date | None
    ) -> list[LoggedSession]:
        return sql_views.history(self._session, walker_id, since, until)

    def facts(self, walker_id: int, since: date | None, until: date | None) -> list[SessionFacts]:
        return sql_views.facts(self._session, walker_id, since, until)

    def add_version(
        self, log_id: int, change: Change, entry: LoggedEntry, at: datetime
    ) -> LogVersion:
        row = LogVersionRow(
            log_id=log_id, change=change.value, changed_at=at, **entry_columns(entry)
        )
        self._inserted(row)
        return LogVersion(row.id, log_id, change, entry, at)

    def last_open_version(self, walker_id: int) -> LogVersion | None:
        query = (
            select(LogVersionRow)
            .join(SessionLogRow, SessionLogRow.id == LogVersionRow.log_id)
            .where(SessionLogRow.walker_id == walker_id, LogVersionRow.undone_at.is_(None))
            .order_by(LogVersionRow.id.desc())
            .limit(1)
        )
        row = self._session.scalars(query).first()
        if row is None:
            return None
        return LogVersion(row.id, row.log_id, Change(row.change), entry_of(row), row.changed_at)

    def close_version(self, version_id: int, at: datetime) -> None:
        self._session.get_one(LogVersionRow, version_id).undone_at = at

    def add_samples(self, log_id: int, samples: Sequence[Sample]) -> None:
        self._session.add_all([sample_row(log_id, s) for s in samples])

    def samples(self, log_id: int) -> list[Sample]:
        query = select(SampleRow).where(SampleRow.log_id == log_id).order_by(SampleRow.second)
        return [sample_to_record(row) for row in self._session.scalars(query)]
