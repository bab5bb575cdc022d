"""The desk's summary of each patient (Clinic.patient_summaries): SQLite and PostgreSQL count in
one query what the in-memory store counts in Python, and both give the same lines for a clinic
with the edges: a patient with no session yet, pain answers left unknown, open and acknowledged
flags, a deleted log, and sessions on the first day of the window and of a week."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from retrowalk.services.clinic_records import PatientSummary, WeekPain
from retrowalk.services.clock import FixedClock
from retrowalk.services.desk_records import acknowledge_flag
from retrowalk.services.log_edit import delete_log
from retrowalk.services.log_session import log_command, log_session
from retrowalk.store.memory import MemoryDatabase, MemoryUnitOfWork
from tests.db import START, Backend
from tests.services.desk_builders import clinician, patient

NO_WALKER = 999_999
SINCE = date(2027, 1, 8)  # the window's first day: a log on the 7th is out, the 8th in
WEEKS = (date(2026, 12, 28), date(2027, 1, 4), date(2027, 1, 11))
ANSWERS = {"rpe": 4, "sharp_pain": False, "form_ok": True}


def _log(backend: Backend, clock: FixedClock, walker: int, on: str, **answers: Any) -> int:
    clock.current = datetime.combine(date.fromisoformat(on), clock.current.time())
    command = log_command(walker_id=walker, **(ANSWERS | answers))
    return log_session(command, backend.uow(), clock).log.id


def _clinic(backend: Backend) -> list[int]:
    """[the patient with flags, the one with no session yet, the one who walked, the one whose
    last log was deleted], all the clinician's."""
    clock = FixedClock(START)
    lee = clinician(backend)
    flagged, new, walked, deleted = (
        patient(backend, clock, lee, account=name) for name in ("fay", "ned", "wes", "dee")
    )
    _log(backend, clock, walked, "2027-01-04", pain_during=2, pain_after=4)
    _log(backend, clock, walked, "2027-01-07")  # no pain answered: unknown, not 0
    _log(backend, clock, walked, "2027-01-08", pain_during=1)
    _log(backend, clock, walked, "2027-01-11", done=False)
    clock.current = datetime(2027, 1, 14, 8)  # the next morning's pain, logged that morning
    command = log_command(walker_id=walked, date="2027-01-13", pain_during=3, pain_next_morning=6)
    log_session(command, backend.uow(), clock)
    _log(backend, clock, flagged, "2027-01-04", pain_during=1, sharp_pain=True)
    _log(backend, clock, flagged, "2027-01-08", pain_during=1, sharp_pain=True, confirm=True)
    with backend.uow().reading() as uow:
        first = min(uow.clinic.flags(flagged), key=lambda flag: flag.id)
    acknowledge_flag(flagged, first.id, backend.uow(), clock, "dr-lee")
    _log(backend, clock, deleted, "2027-01-06", pain_during=2)
    last = _log(backend, clock, deleted, "2027-01-08", pain_during=5)
    delete_log(deleted, last, backend.uow(), clock)
    return [flagged, new, walked, deleted]


def _summaries(backend: Backend) -> tuple[list[int], list[PatientSummary]]:
    ids = _clinic(backend)
    with backend.uow().reading() as uow:
        return ids, uow.clinic.patient_summaries([NO_WALKER, *ids], SINCE, WEEKS)


def test_sql_counts_the_desk_lines_as_the_memory_store_does(sql_backend: Backend) -> None:
    db = MemoryDatabase()
    memory = Backend("memory", lambda: MemoryUnitOfWork(db), lambda: db.tables.copy())

    (_, in_memory), (_, in_sql) = _summaries(memory), _summaries(sql_backend)

    # Ids differ between the stores (the memory store numbers every row from one counter).
    assert [replace(s, walker_id=0) for s in in_sql] == [replace(s, walker_id=0) for s in in_memory]


def test_the_lines_count_the_window_the_weeks_and_leave_unknown_pain_out(
    backend: Backend,
) -> None:
    ids, found = _summaries(backend)

    assert [s.walker_id for s in found] == ids  # as asked; the id of no walker left out
    flagged, new, walked, deleted = found
    assert (new.last_session, new.days_with_data, new.done, new.open_flags) == (None, 0, 0, 0)
    assert new.weekly_pain == (WeekPain(0, 0),) * 3 and new.dose is not None
    assert walked.last_session == date(2027, 1, 13)
    assert (walked.days_with_data, walked.done) == (3, 2)  # 8th, 11th (not walked), 13th
    assert walked.weekly_pain == (WeekPain(0, 0), WeekPain(4 + 1, 2), WeekPain(6, 1))
    assert [week.mean for week in walked.weekly_pain] == [None, 2.5, 6.0]
    assert (deleted.last_session, deleted.days_with_data) == (date(2027, 1, 6), 0)
    assert deleted.weekly_pain[1] == WeekPain(2, 1)
    with backend.uow().reading() as uow:
        flags = uow.clinic.flags(flagged.walker_id)
    assert flagged.open_flags == sum(1 for flag in flags if flag.open) == len(flags) - 1
    assert flagged.dose is None  # sharp pain stopped the walks until a clinician clears them
