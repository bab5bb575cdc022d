"""Storage benchmarks (issue 3), on SQLite and PostgreSQL: logging a session with the next dose
for a walker with about 1,000 sessions, reading a 2-year progress series, and the same calls in
a clinic of 500 walkers; with the query plans of the hot queries.

    python -m bench.bench_store            # print the figures
    python -m bench.bench_store --write    # and update docs/benchmarks.md

PostgreSQL is the server on 127.0.0.1:5432 (database `test`), in a scratch schema dropped after.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, event, select
from tests.db import postgres_server_url
from tests.store.builders import onboarding

from bench.report import machine, write_section
from retrowalk.services.clock import FixedClock
from retrowalk.services.history import Period
from retrowalk.services.log_edit import edit_log, undo_last_change
from retrowalk.services.log_session import log_command, log_session
from retrowalk.services.onboard import onboard, onboard_command
from retrowalk.services.progress import progress
from retrowalk.services.today import today_session
from retrowalk.store.database import make_engine, session_factory
from retrowalk.store.migrate import upgrade
from retrowalk.store.people import WalkerRow
from retrowalk.store.snapshot import read_snapshot, write_snapshot
from retrowalk.store.tables import metadata
from retrowalk.store.uow import SqlUnitOfWork

HISTORY = 1_000
SESSIONS_PER_WEEK = 4  # 1,000 sessions is then about five years
TIMED_LOGS = 300
TIMED_READS = 100
CLINIC_WALKERS, CLINIC_SESSIONS_EACH = 500, 200
MORNING = datetime(2000, 1, 1, 7).time()


@contextmanager
def database(kind: str) -> Iterator[Engine]:
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            engine = make_engine(f"sqlite:///{folder}/bench.sqlite3")
            upgrade(engine)
            yield engine
            engine.dispose()
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = f"bench_{int(time.time())}"
    admin = create_engine(postgres_server_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(postgres_server_url()).update_query_dict({"options": f"-csearch_path={schema}"})
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def milliseconds(call: Callable[[], Any], times: int) -> list[float]:
    timings = []
    for _ in range(times):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def p50_p99(timings: list[float]) -> str:
    ordered = sorted(timings)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return f"{statistics.median(ordered):.2f} / {p99:.2f}"


class Walker:
    """One walker's sessions, logged through the real services on their planned days."""

    def __init__(self, engine: Engine, walker_id: int | None = None, account: str = "local"):
        self.sessions = session_factory(engine)
        self.clock = FixedClock(datetime(2022, 1, 3, 7))
        if walker_id is None:
            data = onboarding(start="2022-01-03", sessions_per_week=SESSIONS_PER_WEEK)
            done = onboard(onboard_command(data | {"account": account}), self.uow(), self.clock)
            walker_id = done.walker.id
        self.id = walker_id

    def uow(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.sessions)

    def log_next(self) -> None:
        ahead = today_session(self.id, self.uow(), self.clock).session
        assert ahead is not None
        self.clock.current = max(self.clock.current, datetime.combine(ahead.on, MORNING))
        log_session(log_command(walker_id=self.id, pain_during=1), self.uow(), self.clock)

    def log_only(self) -> None:
        """What `retrowalk log` does: one transaction that logs and plans the next session."""
        log_session(log_command(walker_id=self.id, pain_during=1), self.uow(), self.clock)
        self.clock.current += timedelta(days=2)

    def read_progress(self, years: int = 2) -> None:
        since = self.clock.today() - timedelta(days=365 * years)
        progress(Period(walker_id=self.id, since=since), self.uow(), self.clock)


def one_walker(kind: str) -> dict[str, Any]:
    with database(kind) as engine:
        walker = Walker(engine)
        started = time.perf_counter()
        for _ in range(HISTORY):
            walker.log_next()
        build_seconds = time.perf_counter() - started
        logs = milliseconds(walker.log_only, TIMED_LOGS)
        reads = milliseconds(walker.read_progress, TIMED_READS)
        points = len(
            progress(
                Period(walker_id=walker.id, since=walker.clock.today() - timedelta(days=730)),
                walker.uow(),
                walker.clock,
            ).points
        )
        return {
            "build": build_seconds,
            "log": logs,
            "progress": reads,
            "points": points,
        }


def clinic(kind: str, snapshot: dict[str, Any]) -> dict[str, Any]:
    with database(kind) as engine:
        started = time.perf_counter()
        write_snapshot(engine, snapshot, replace=False)
        load_seconds = time.perf_counter() - started
        with engine.connect() as connection:
            ids = list(connection.execute(select(WalkerRow.id)).scalars())
        walkers = [Walker(engine, walker_id) for walker_id in ids[:: len(ids) // 50]]
        for walker in walkers:
            with walker.uow() as uow:
                pending = uow.sessions.latest_planned(walker.id)
            assert pending is not None
            walker.clock.current = datetime.combine(pending.on, MORNING)
        logs = [t for w in walkers for t in milliseconds(w.log_only, TIMED_LOGS // 50)]
        reads = [t for w in walkers for t in milliseconds(w.read_progress, 2)]
        plans = explain_hot_queries(engine, walkers[len(walkers) // 2])
        return {"load": load_seconds, "log": logs, "progress": reads, "plans": plans}


def clinic_snapshot(walkers: int, sessions_each: int) -> dict[str, Any]:
    """A clinic: one walker's real history (made through the services) copied `walkers` times,
    every id and reference shifted so each copy is a walker of its own."""
    with database("sqlite") as engine:
        walker = Walker(engine, account="walker-0")
        for _ in range(sessions_each):
            walker.log_next()
        one = read_snapshot(engine)
    tables = one["tables"]
    offsets = {
        name: 1 + max((row.get("id", 0) for row in rows), default=0)
        for name, rows in tables.items()
    }
    offsets["walkers"] = 1 + max(row["id"] for row in tables["walkers"])
    copies: dict[str, list[dict[str, Any]]] = {name: [] for name in tables}
    for copy in range(walkers):
        for table in metadata.sorted_tables:
            copies[table.name] += [
                _shifted(table, row, copy, offsets) for row in tables[table.name]
            ]
    return one | {"tables": copies}


def _shifted(table: Any, row: dict[str, Any], copy: int, offsets: dict[str, int]) -> dict[str, Any]:
    shifted = dict(row)
    for column in table.columns:
        if shifted[column.name] is None:
            continue
        if column.name == "id":
            shifted["id"] += copy * offsets[table.name]
        for key in column.foreign_keys:
            if key.column.primary_key:
                shifted[column.name] += copy * offsets[key.column.table.name]
                break
    if table.name == "accounts":
        shifted["name"] = f"walker-{copy}"
    return shifted


def explain_hot_queries(engine: Engine, walker: Walker) -> str:
    """The plans of the SELECTs the services run on the session tables, as the database gives
    them for a log with its next dose and a progress read."""
    seen: dict[str, Any] = {}

    def remember(conn: Any, cursor: Any, statement: str, parameters: Any, *rest: Any) -> None:
        if statement.lstrip().startswith("SELECT"):
            seen.setdefault(statement, parameters)

    event.listen(engine, "before_cursor_execute", remember)
    walker.log_only()
    walker.read_progress()
    with walker.uow() as uow:
        last = uow.sessions.last_live_log(walker.id, 10**9)
    assert last is not None
    edit_log(walker.id, last.id, {"rpe": 5}, walker.uow(), walker.clock)
    undo_last_change(walker.id, walker.uow(), walker.clock)
    event.remove(engine, "before_cursor_execute", remember)
    prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
    out = []
    with engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
        for statement, parameters in seen.items():
            plan = connection.exec_driver_sql(prefix + statement, parameters).all()
            where = " ".join(statement.split()).split(" FROM ", 1)[-1]
            out.append("-- FROM " + where[:150])
            out += [str(row[-1]) for row in plan]
    return "\n".join(out)


def main() -> None:
    kinds = ("sqlite", "postgresql")
    single = {kind: one_walker(kind) for kind in kinds}
    snapshot = clinic_snapshot(CLINIC_WALKERS, CLINIC_SESSIONS_EACH)
    clinics = {kind: clinic(kind, snapshot) for kind in kinds}
    body = report(single, clinics)
    print(body)
    if "--write" in sys.argv:
        write_section("storage", body)


def report(single: dict[str, Any], clinics: dict[str, Any]) -> str:
    sessions = CLINIC_WALKERS * CLINIC_SESSIONS_EACH
    lines = [
        "## Storage",
        "",
        f"Measured with `python -m bench.bench_store --write` on {machine()}; SQLite file on the "
        "local disk (WAL, `synchronous=FULL`), PostgreSQL 15 on 127.0.0.1 over TCP. Times in "
        "milliseconds, p50 / p99, through the real services (validation, engine, one "
        "transaction each).",
        "",
        "| what | SQLite | PostgreSQL | target |",
        "| --- | --- | --- | --- |",
        f"| log a session + next dose, walker with {HISTORY:,} sessions "
        f"({TIMED_LOGS} logs) | {p50_p99(single['sqlite']['log'])} | "
        f"{p50_p99(single['postgresql']['log'])} | p99 < 20 (SQLite), < 30 (PostgreSQL) |",
        f"| 2-year progress series ({single['sqlite']['points']} sessions) | "
        f"{p50_p99(single['sqlite']['progress'])} | {p50_p99(single['postgresql']['progress'])} "
        "| < 10 |",
        f"| log + next dose in a clinic of {CLINIC_WALKERS} walkers ({sessions:,} sessions) | "
        f"{p50_p99(clinics['sqlite']['log'])} | {p50_p99(clinics['postgresql']['log'])} | |",
        f"| 2-year progress series in that clinic | {p50_p99(clinics['sqlite']['progress'])} | "
        f"{p50_p99(clinics['postgresql']['progress'])} | |",
        f"| building the {HISTORY:,}-session history, one log at a time (s) | "
        f"{single['sqlite']['build']:.1f} | {single['postgresql']['build']:.1f} | |",
        f"| loading the clinic from a snapshot (s) | {clinics['sqlite']['load']:.1f} | "
        f"{clinics['postgresql']['load']:.1f} | |",
        "",
        *verdicts(single),
        "",
        "### Query plans (in the clinic, after ANALYZE)",
        "",
        "Every SELECT that logging, a progress read, an edit and an undo run, with the plan the "
        "database chose; indexes were chosen from these (see docs/storage.md).",
        "",
    ]
    for kind in ("sqlite", "postgresql"):
        lines += [f"**{kind}**", "", "```", clinics[kind]["plans"].rstrip(), "```", ""]
    return "\n".join(lines)


def verdicts(single: dict[str, Any]) -> list[str]:
    """Each target, met or not, from the figures just measured."""
    lines = []
    checks: tuple[tuple[str, str, int], ...] = (
        ("log", "sqlite", 20),
        ("log", "postgresql", 30),
        ("progress", "sqlite", 10),
        ("progress", "postgresql", 10),
    )
    for what, kind, target in checks:
        p99 = sorted(single[kind][what])[round(0.99 * (len(single[kind][what]) - 1))]
        p50 = statistics.median(single[kind][what])
        verdict = "met" if p99 < target else ("met at p50 only" if p50 < target else "not met")
        lines.append(f"- {what} on {kind}: target {target} ms {verdict} (p99 {p99:.1f} ms).")
    return [
        *lines,
        "",
        "A progress read is five queries (walker, prescription, flags, equipment, the sessions) "
        "and then one point per session with its energy estimate; about half the time is "
        "turning the rows into values, half computing the points, and each PostgreSQL query "
        "adds a round trip.",
    ]


if __name__ == "__main__":
    main()
