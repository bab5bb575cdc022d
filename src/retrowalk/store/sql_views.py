"""Read models over the session tables: history and progress read plain columns, without the
engine snapshots or ORM objects, because they list hundreds of sessions at a time."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.units import Speed, SpeedUnit
from retrowalk.services.records import LoggedSession, SessionFacts
from retrowalk.store.convert_sessions import DOSE_COLUMNS, decision_of, entry_of
from retrowalk.store.sessions import ENTRY_COLUMNS, PlannedSessionRow, SessionLogRow

_DECISION_COLUMNS = (
    "decision",
    "changed",
    "reasons",
    "walk",
    "stepped_down",
    "pauses",
    "resets_trend",
    *DOSE_COLUMNS,
)
_HISTORY = (
    SessionLogRow.id.label("log_id"),
    PlannedSessionRow.seq,
    SessionLogRow.session_date,
    *(getattr(PlannedSessionRow, name) for name in _DECISION_COLUMNS),
    *(getattr(SessionLogRow, name) for name in ENTRY_COLUMNS),
)
_FACTS = (
    SessionLogRow.session_date,
    SessionLogRow.done,
    PlannedSessionRow.minutes,
    PlannedSessionRow.hands,
    PlannedSessionRow.speed,
    PlannedSessionRow.speed_unit,
    PlannedSessionRow.incline_percent,
    PlannedSessionRow.resistance_level,
    PlannedSessionRow.load_kg,
    PlannedSessionRow.distance_m,
    PlannedSessionRow.set_count,
    SessionLogRow.minutes_done,
    SessionLogRow.speed_done,
    SessionLogRow.speed_done_unit,
    SessionLogRow.incline_done,
    SessionLogRow.pain_during,
    SessionLogRow.pain_after,
    SessionLogRow.pain_next_morning,
    SessionLogRow.rpe,
)


def history(
    session: Session, walker_id: int, since: date | None, until: date | None
) -> list[LoggedSession]:
    rows = session.connection().execute(_logged(_HISTORY, walker_id, since, until))
    return [
        LoggedSession(row.log_id, row.seq, row.session_date, decision_of(row), entry_of(row))
        for row in rows.all()
    ]


def facts(
    session: Session, walker_id: int, since: date | None, until: date | None
) -> list[SessionFacts]:
    rows = session.connection().execute(_logged(_FACTS, walker_id, since, until)).all()
    speeds: dict[tuple[float | None, str | None], Speed | None] = {}  # shared, as most repeat
    return [_facts(row, speeds) for row in rows]


def _logged(
    columns: tuple[Any, ...], walker_id: int, since: date | None, until: date | None
) -> Select[Any]:
    query = (
        select(*columns)
        .select_from(PlannedSessionRow)
        .join(SessionLogRow, SessionLogRow.planned_session_id == PlannedSessionRow.id)
        .where(SessionLogRow.walker_id == walker_id, SessionLogRow.deleted.is_(False))
    )
    if since is not None:
        query = query.where(SessionLogRow.session_date >= since)
    if until is not None:
        query = query.where(SessionLogRow.session_date <= until)
    # Within a walker, logs are written in session order, so the id breaks ties like seq would.
    return query.order_by(SessionLogRow.session_date, SessionLogRow.id)


def _facts(row: Any, speeds: dict[tuple[float | None, str | None], Speed | None]) -> SessionFacts:
    on, done, minutes, hands, speed, unit, incline, resistance, load, distance, sets = row[:11]
    minutes_done, speed_done, unit_done, incline_done, during, after, morning, rpe = row[11:]
    dose = Dose(
        minutes,
        _HANDS[hands],
        _speed(speeds, speed, unit),
        incline,
        resistance,
        load,
        distance,
        sets,
    )
    walked = _speed(speeds, speed_done, unit_done)
    return SessionFacts(
        on, done, dose, minutes_done, walked, incline_done, during, after, morning, rpe
    )


_HANDS = {hands.value: hands for hands in HandSupport}


def _speed(
    known: dict[tuple[float | None, str | None], Speed | None],
    value: float | None,
    unit: str | None,
) -> Speed | None:
    key = (value, unit)
    if key not in known:
        known[key] = None if value is None or unit is None else Speed(value, SpeedUnit(unit))
    return known[key]
