"""Sessions from a CSV logged as the walker's next sessions, on every store: an export of one
walker imports into a fresh walker with the same answers, refused rows are named by line and
column, and nothing is stored from a file with a refused row unless the rest is confirmed."""

from __future__ import annotations

import csv
import io
import threading
from datetime import datetime, timedelta

import pytest

from retrowalk.domain.errors import ConflictError, InputError
from retrowalk.domain.session_rows import RefusedRow
from retrowalk.formats.session_csv_read import read_sessions_csv
from retrowalk.services.clock import FixedClock
from retrowalk.services.history import Period, history
from retrowalk.services.import_log import Imported, file_key
from retrowalk.services.log_edit import NextMorningIn, add_next_morning_pain, edit_log
from retrowalk.services.log_session import log_command, log_session
from retrowalk.services.records import StoredWalker
from retrowalk.services.session_csv import export_csv
from retrowalk.services.sessions_import import import_sessions, preview_sessions
from retrowalk.store.snapshot import read_snapshot
from retrowalk.store.sql_people import SqlWalkers
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
    sql_backend_fixture,
)
from tests.races import WAIT_SECONDS, all_at_once
from tests.store.builders import onboarded, walk

CONFIRMATIONS = 4
# The export's columns that say whose and which log, and where it came from: not answers.
NOT_CARRIED = {"walker_id", "log_id", "source"}


def _import(
    backend: Backend, clock: FixedClock, walker_id: int, text: str, skip: bool = False
) -> Imported:
    data = text.encode()
    read = read_sessions_csv(data)
    shown = preview_sessions(walker_id, read, file_key(data), backend.uow(), clock)
    return import_sessions(
        walker_id, read, file_key(data), shown.first_seq, backend.uow(), clock, skip
    )


def _rows(backend: Backend, walker_id: int) -> list[dict[str, str]]:
    rows = csv.DictReader(io.StringIO(export_csv(backend.uow())))
    return [row for row in rows if row["walker_id"] == str(walker_id)]


def test_an_export_imports_into_a_fresh_walker_with_the_same_answers(
    backend: Backend, clock: FixedClock
) -> None:
    ann = onboarded(backend, clock, account="ann").walker
    bea = onboarded(backend, clock, account="bea").walker  # the same plan, nothing logged
    logs = walk(backend, clock, ann.id, 4, pain_during=1, notes='a, "quoted"\nnote')
    unknown = {"rpe": None, "form_ok": None}  # the last log: no later decision came from it
    edit_log(ann.id, logs[-1].log.id, unknown, backend.uow(), clock)
    clock.current += timedelta(days=2)
    missed = log_command(walker_id=ann.id, done=False, pain_during=None, rpe=None)
    log_session(missed, backend.uow(), clock)
    clock.current += timedelta(days=1)
    morning = NextMorningIn(walker_id=ann.id, log_id=logs[-1].log.id, pain=2)
    add_next_morning_pain(morning, backend.uow(), clock)
    exported = export_csv(backend.uow())

    imported = _import(backend, clock, bea.id, exported)

    assert len(imported.logs) == 5
    before, after = _rows(backend, ann.id), _rows(backend, bea.id)
    assert [row["source"] for row in after] == ["import"] * 5
    for one, other in zip(before, after, strict=True):
        kept = {k: v for k, v in one.items() if k not in NOT_CARRIED}
        assert {k: v for k, v in other.items() if k not in NOT_CARRIED} == kept
    assert after[3]["rpe"] == "" and after[3]["form_ok"] == ""  # unknown stays unknown
    assert after[2]["rpe"] == "4" and after[0]["notes"] == 'a, "quoted"\nnote'
    assert after[3]["pain_next_morning"] == "2" and after[4]["done"] == "false"


def test_rows_are_logged_in_date_order_as_the_next_sessions(
    backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(backend, clock).walker
    clock.current = datetime(2027, 1, 12, 20, 0)
    text = "date,done,pain_during\n2027-01-08,true,1\n2027-01-04,true,0\n2027-01-06,false,\n"

    imported = _import(backend, clock, walker.id, text)

    logged = [(log.session.seq, log.log.on.isoformat()) for log in imported.logs]
    assert logged == [(0, "2027-01-04"), (1, "2027-01-06"), (2, "2027-01-08")]
    assert imported.logs[1].log.entry.outcome.done is False
    assert imported.file.sessions == 3 and imported.file.first_log_id == imported.logs[0].log.id


def test_refused_rows_are_named_and_nothing_is_stored_unless_the_rest_is_confirmed(
    backend: Backend, clock: FixedClock
) -> None:
    walker = onboarded(backend, clock).walker
    clock.current = datetime(2027, 1, 12, 20, 0)
    text = (
        "date,done,pain_during,minutes_done\n"
        "2027-01-04,true,0,3\n"
        "2027-01-06,true,12,3\n"  # a pain the file refuses
        "2027-01-02,true,1,3\n"  # before the plan began: a log refuses it
        "2027-01-30,true,1,3\n"  # after today
        "2027-01-10,true,,4\n"
    )
    data = text.encode()
    read = read_sessions_csv(data)
    before = backend.contents()

    shown = preview_sessions(walker.id, read, file_key(data), backend.uow(), clock)

    assert backend.contents() == before
    assert [(p.line, p.seq, p.on.isoformat()) for p in shown.logs] == [
        (2, 0, "2027-01-04"),
        (6, 1, "2027-01-10"),
    ]
    assert shown.refused == (
        RefusedRow(3, "pain_during", "12", "give a whole number from 0 to 10"),
        RefusedRow(
            4, "date", "2027-01-02", "give a date on or after 2027-01-04, when the plan began"
        ),
        RefusedRow(5, "date", "2027-01-30", "give a date not after today (2027-01-12)"),
    )
    with pytest.raises(InputError, match="3 rows refused"):
        import_sessions(walker.id, read, file_key(data), 0, backend.uow(), clock)
    assert backend.contents() == before

    imported = import_sessions(walker.id, read, file_key(data), 0, backend.uow(), clock, True)

    assert [log.log.on.isoformat() for log in imported.logs] == ["2027-01-04", "2027-01-10"]
    assert len(history(Period(walker_id=walker.id), backend.uow())) == 2


def test_a_file_imported_again_logs_nothing(backend: Backend, clock: FixedClock) -> None:
    walker = onboarded(backend, clock).walker
    text = "date,done\n2027-01-04,true\n"
    _import(backend, clock, walker.id, text)
    after_first = backend.contents()

    with pytest.raises(ConflictError, match=r"this file was imported on 2027-01-04 \(1 session\)"):
        _import(backend, clock, walker.id, text)

    assert backend.contents() == after_first


def test_a_file_with_no_row_to_log_is_refused(backend: Backend, clock: FixedClock) -> None:
    walker = onboarded(backend, clock).walker
    before = backend.contents()

    with pytest.raises(InputError, match="nothing to log; line 2, done"):
        _import(backend, clock, walker.id, "date,done\n2027-01-04,maybe\n", skip=True)

    assert backend.contents() == before


def test_confirmations_sent_at_once_log_the_file_once(
    sql_backend: Backend, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    walker = onboarded(sql_backend, clock).walker
    data = b"date,done,pain_during\n2027-01-04,true,1\n"
    read = read_sessions_csv(data)
    _hold_before_the_first_walker_lock(monkeypatch, CONFIRMATIONS)

    def confirm() -> Imported:
        return import_sessions(walker.id, read, file_key(data), 0, sql_backend.uow(), clock)

    results = all_at_once(confirm, CONFIRMATIONS)

    assert len([r for r in results if isinstance(r, Imported)]) == 1, results
    conflicts = [r for r in results if isinstance(r, ConflictError)]
    assert len(conflicts) == CONFIRMATIONS - 1, results
    assert sql_backend.engine is not None
    tables = read_snapshot(sql_backend.engine)["tables"]
    assert (len(tables["session_logs"]), len(tables["imported_files"])) == (1, 1)


def _hold_before_the_first_walker_lock(monkeypatch: pytest.MonkeyPatch, parties: int) -> None:
    """As tests/races.py, for a use case that takes the walker's lock more than once in its
    transaction (the import, then each log): only a thread's first locking read waits."""
    barrier = threading.Barrier(parties, timeout=WAIT_SECONDS)
    waited = threading.local()
    get = SqlWalkers.get

    def get_when_all_are_there(
        self: SqlWalkers, walker_id: int, lock: bool = False
    ) -> StoredWalker | None:
        if lock and not getattr(waited, "done", False):
            waited.done = True
            barrier.wait()
        return get(self, walker_id, lock)

    monkeypatch.setattr(SqlWalkers, "get", get_when_all_are_there)
