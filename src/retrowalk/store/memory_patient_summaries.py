"""The desk's list counted from the in-memory tables, giving what the SQL query gives
(store/sql_patient_summaries.py), so service tests on memory see the same lines."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from retrowalk.services.clinic_records import PatientSummary, WeekPain
from retrowalk.services.records import SessionLog

if TYPE_CHECKING:
    from retrowalk.store.memory import _Tables


def patient_summaries(
    tables: _Tables, walker_ids: Sequence[int], since: date, weeks: Sequence[date]
) -> list[PatientSummary]:
    found = (_summary(tables, walker_id, since, weeks) for walker_id in walker_ids)
    return [summary for summary in found if summary is not None]


def _summary(
    tables: _Tables, walker_id: int, since: date, weeks: Sequence[date]
) -> PatientSummary | None:
    walker = tables.walkers.get(walker_id)
    account = None if walker is None else tables.accounts.get(walker.account_id)
    if walker is None or account is None:
        return None
    logs = [log for log in tables.logs.values() if log.walker_id == walker_id and not log.deleted]
    recent = [log for log in logs if log.on >= since]
    planned = [p for p in tables.planned.values() if p.walker_id == walker_id]
    pending = max(planned, key=lambda p: p.seq, default=None)
    profile = walker.profile
    return PatientSummary(
        walker_id=walker_id,
        name=account.name,
        age=profile.age,
        condition=profile.condition,
        severity=profile.severity,
        units=profile.units,
        prescription=walker.prescription,
        last_session=max((log.on for log in logs), default=None),
        days_with_data=len({log.on for log in recent}),
        done=sum(1 for log in recent if log.entry.outcome.done),
        weekly_pain=tuple(_week_pain(logs, first) for first in weeks),
        dose=pending.decision.dose if pending is not None and pending.decision.walk else None,
        open_flags=sum(
            1 for f in tables.clinic.flags.values() if f.walker_id == walker_id and f.open
        ),
    )


def _week_pain(logs: list[SessionLog], first: date) -> WeekPain:
    end = first + timedelta(days=7)
    known = [log.entry.outcome.peak_pain for log in logs if first <= log.on < end]
    pains = [pain for pain in known if pain is not None]
    return WeekPain(sum(pains), len(pains))
