"""The desk's list in one query: for the patients of a page, every number their lines show,
counted by the database (Clinic.patient_summaries), rather than their sessions, walkers and
engine states read into Python and counted there.

Each part reads only what it needs: the 30-day window and the pain weeks from one grouped pass
over the page's recent logs, and per patient three index lookups (the latest planned session by
(walker, seq), the latest log by (walker, date), the open flags by (walker, acknowledged)).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    and_,
    bindparam,
    case,
    distinct,
    func,
    select,
)
from sqlalchemy.orm import Session, aliased

from retrowalk.domain.units import UnitSystem
from retrowalk.domain.walker import Condition, Severity
from retrowalk.services.clinic_records import PatientSummary, WeekPain
from retrowalk.services.records import Prescription
from retrowalk.store.clinic import ClinicFlagRow
from retrowalk.store.convert_sessions import DOSE_COLUMNS, dose_of
from retrowalk.store.people import AccountRow, PrescriptionRow, WalkerRow
from retrowalk.store.sessions import PlannedSessionRow, SessionLogRow


def patient_summaries(
    session: Session, walker_ids: Sequence[int], since: date, weeks: Sequence[date]
) -> list[PatientSummary]:
    if not walker_ids:
        return []
    values: dict[str, Any] = {
        "walker_ids": list(walker_ids),
        "since": since,
        "first_day": min(since, *weeks),
    }
    for number, first in enumerate(weeks):
        values |= {f"week_{number}": first, f"after_week_{number}": first + timedelta(days=7)}
    found = session.connection().execute(_query(len(weeks)), values)
    rows = {row.id: row for row in found}
    return [_summary(rows[i], len(weeks)) for i in walker_ids if i in rows]


@functools.cache
def _query(weeks: int) -> Select[Any]:
    """The query for a number of pain weeks, built once: building it costs more than running it
    (the ids and days are bound parameters)."""
    counted = _counted(weeks)
    return (
        select(
            WalkerRow.id,
            AccountRow.name,
            WalkerRow.age,
            WalkerRow.condition,
            WalkerRow.severity,
            WalkerRow.units,
            PrescriptionRow.protocol,
            PrescriptionRow.sessions_per_week,
            PrescriptionRow.start_on,
            _latest_log_date().label("last_session"),
            open_flag_count().label("open_flags"),
            *(column for column in counted.c if column.name != "walker_id"),
            PlannedSessionRow.walk,
            *(getattr(PlannedSessionRow, name) for name in DOSE_COLUMNS),
        )
        .select_from(WalkerRow)
        .join(AccountRow, AccountRow.id == WalkerRow.account_id)
        .join(PrescriptionRow, PrescriptionRow.walker_id == WalkerRow.id)
        .outerjoin(
            PlannedSessionRow,
            (PlannedSessionRow.walker_id == WalkerRow.id)
            & (PlannedSessionRow.seq == _latest_seq()),
        )
        .outerjoin(counted, counted.c.walker_id == WalkerRow.id)
        .where(WalkerRow.id.in_(bindparam("walker_ids", expanding=True)))
    )


def _counted(weeks: int) -> Subquery:
    """Per walker with logs from the earliest day asked: days with data and sessions walked
    from `since` on, and each week's worst known pains summed and counted."""
    logs = (
        select(
            SessionLogRow.walker_id,
            SessionLogRow.session_date.label("on"),
            SessionLogRow.done,
            _worst_known(
                SessionLogRow.pain_during, SessionLogRow.pain_after, SessionLogRow.pain_next_morning
            ).label("pain"),
        )
        .where(
            SessionLogRow.walker_id.in_(bindparam("walker_ids", expanding=True)),
            SessionLogRow.deleted.is_(False),
            SessionLogRow.session_date >= bindparam("first_day"),
        )
        .subquery()
    )
    in_window = logs.c.on >= bindparam("since")
    columns: list[Any] = [
        logs.c.walker_id,
        func.count(distinct(case((in_window, logs.c.on)))).label("days_with_data"),
        func.count(case((and_(in_window, logs.c.done), 1))).label("done"),
    ]
    for number in range(weeks):
        in_week = and_(
            logs.c.on >= bindparam(f"week_{number}"), logs.c.on < bindparam(f"after_week_{number}")
        )
        pain = case((in_week, logs.c.pain))
        columns += [
            func.sum(pain).label(f"pain_total_{number}"),
            func.count(pain).label(f"pain_sessions_{number}"),  # count() skips NULL: unknown
        ]
    return select(*columns).group_by(logs.c.walker_id).subquery("counted")


def _worst_known(*pains: Any) -> ColumnElement[Any]:
    """The highest of the pains known, NULL when none is, in SQL both databases run the same
    (PostgreSQL's GREATEST skips NULLs, SQLite's max() of several gives NULL if one is): the
    first pain at least as high as every later one known, else the last."""
    firsts = [
        (and_(*(pain >= func.coalesce(later, pain) for later in pains[n + 1 :])), pain)
        for n, pain in enumerate(pains[:-1])
    ]
    return case(*firsts, else_=pains[-1])


def _latest_seq() -> Any:
    """The walker's highest planned seq: one entry of the unique (walker, seq) index read."""
    later = aliased(PlannedSessionRow)
    return (
        select(func.max(later.seq))
        .where(later.walker_id == WalkerRow.id)
        .correlate(WalkerRow)
        .scalar_subquery()
    )


def _latest_log_date() -> Any:
    """The walker's latest logged day, read backwards on the (walker, date) index."""
    return (
        select(SessionLogRow.session_date)
        .where(SessionLogRow.walker_id == WalkerRow.id, SessionLogRow.deleted.is_(False))
        .order_by(SessionLogRow.session_date.desc())
        .limit(1)
        .correlate(WalkerRow)
        .scalar_subquery()
    )


def open_flag_count() -> Any:
    """The walker's flags not acknowledged yet, counted on the (walker, acknowledged) index."""
    return (
        select(func.count(ClinicFlagRow.id))
        .where(ClinicFlagRow.walker_id == WalkerRow.id, ClinicFlagRow.acknowledged_at.is_(None))
        .correlate(WalkerRow)
        .scalar_subquery()
    )


def _summary(row: Any, weeks: int) -> PatientSummary:
    mapping = row._mapping
    return PatientSummary(
        walker_id=row.id,
        name=row.name,
        age=row.age,
        condition=Condition(row.condition),
        severity=Severity(row.severity),
        units=UnitSystem(row.units),
        prescription=Prescription(row.protocol, row.sessions_per_week, row.start_on),
        last_session=row.last_session,
        days_with_data=row.days_with_data or 0,  # NULL: no log since then (the outer join)
        done=row.done or 0,
        weekly_pain=tuple(
            WeekPain(mapping[f"pain_total_{n}"] or 0, mapping[f"pain_sessions_{n}"] or 0)
            for n in range(weeks)
        ),
        dose=dose_of(row) if row.walk else None,
        open_flags=row.open_flags,
    )
