"""A clinic for the desk benchmark (issue 17): one clinician and their patients, each with about
two years of sessions ending this week, as a snapshot ready for `write_snapshot`.

One patient's history is made through the real services on a scratch SQLite file (onboarding,
every log with its next dose and its flags, outcome measures entered by the clinician, some
flags acknowledged), read back as a snapshot, and copied once per patient with every id and
reference shifted; the clinician's account is kept once and shared by every copy. Loading that
snapshot is seconds where logging 150,000 sessions one at a time would be hours.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.db import Backend
from tests.store.builders import onboarded, walk

from retrowalk.bootstrap import bootstrap
from retrowalk.services.accounts import create_staff_account
from retrowalk.services.clock import FixedClock
from retrowalk.services.desk_records import acknowledge_flag, measure_command, save_measure
from retrowalk.services.today import today_session
from retrowalk.settings import Settings
from retrowalk.store.database import make_engine
from retrowalk.store.snapshot import read_snapshot
from retrowalk.store.tables import metadata

CLINICIAN, PASSWORD = "dr-bench", "a bench password for the desk"
YEARS = 2
SESSIONS_PER_WEEK = 3
MORNING = datetime(2000, 1, 1, 7).time()


def one_patient(folder: Path) -> tuple[dict[str, Any], int]:
    """The snapshot of a database holding the clinician and one patient, and the number of
    sessions the patient logged: pain 1 the next morning, a pain spike every tenth session (a
    flag, acknowledged unless it is the latest), a KOOS every 40th."""
    start = date.today() - timedelta(days=365 * YEARS)
    clock = FixedClock(datetime.combine(start, MORNING))
    url = f"sqlite:///{folder / 'one-patient.sqlite3'}"
    engine = make_engine(url)
    settings = Settings(database_url=url, data_dir=folder, config_file=folder / "x.toml")
    wiring = bootstrap(settings, clock=clock, engine=engine)
    backend = Backend("sqlite", wiring.uow, lambda: None)
    clinician = create_staff_account(CLINICIAN, PASSWORD, PASSWORD, False, wiring.uow(), clock)
    walker = onboarded(
        backend,
        clock,
        account="walker-0",
        start=start.isoformat(),
        sessions_per_week=SESSIONS_PER_WEEK,
    ).walker.id
    with wiring.uow() as uow:
        uow.walkers.assign_clinician(walker, clinician.id)
        uow.commit()
    logged, number = 0, 0
    while _pending_before_today(wiring, clock, walker):
        number += 1
        spike = {"pain_during": 5} if number % 10 == 0 else {"pain_during": 1}
        logged += len(walk(backend, clock, walker, 1, next_morning=1, **spike))
        if number % 40 == 0:
            scores = {"pain": 60 + number % 30, "symptoms": 70, "adl": 75, "sport": None}
            measure = measure_command({"instrument": "koos", "scores": scores})
            save_measure(walker, measure, wiring.uow(), clock, CLINICIAN)
    _acknowledge_all_but_the_latest(wiring, clock, walker)
    snapshot = read_snapshot(engine)
    engine.dispose()
    return snapshot, logged


def _pending_before_today(wiring: Any, clock: FixedClock, walker: int) -> bool:
    ahead = today_session(walker, wiring.uow(), clock).session
    return ahead is not None and ahead.on < date.today() - timedelta(days=1)


def _acknowledge_all_but_the_latest(wiring: Any, clock: FixedClock, walker: int) -> None:
    with wiring.uow().reading() as uow:
        flags = uow.clinic.flags(walker)
    for flag in sorted(flags, key=lambda f: f.id)[:-1]:
        acknowledge_flag(walker, flag.id, wiring.uow(), clock, CLINICIAN)


def clinic_snapshot(patients: int) -> tuple[dict[str, Any], int]:
    """A snapshot of the clinician with `patients` patients, and the sessions each logged."""
    with tempfile.TemporaryDirectory() as folder:
        one, logged = one_patient(Path(folder))
    tables = one["tables"]
    clinician_id = next(row["id"] for row in tables["accounts"] if row["name"] == CLINICIAN)
    offsets = {
        name: 1 + max((row.get("id", 0) for row in rows), default=0)
        for name, rows in tables.items()
    }
    offsets["walkers"] = 1 + max(row["id"] for row in tables["walkers"])
    copies: dict[str, list[dict[str, Any]]] = {name: [] for name in tables}
    for copy in range(patients):
        for table in metadata.sorted_tables:
            copies[table.name] += [
                _shifted(table, row, copy, offsets, clinician_id)
                for row in tables[table.name]
                if copy == 0 or not (table.name == "accounts" and row["id"] == clinician_id)
            ]
    return one | {"tables": copies}, logged


def _shifted(
    table: Any, row: dict[str, Any], copy: int, offsets: dict[str, int], clinician_id: int
) -> dict[str, Any]:
    """The row for copy number `copy`: its id and references moved past the copies before it,
    except references to the clinician's account, which every copy shares."""
    shifted = dict(row)
    if table.name == "accounts" and row["id"] == clinician_id:
        return shifted
    for column in table.columns:
        if shifted[column.name] is None:
            continue
        if column.name == "id":
            shifted["id"] += copy * offsets[table.name]
        for key in column.foreign_keys:
            target = key.column.table.name
            if target == "accounts" and shifted[column.name] == clinician_id:
                break
            if key.column.primary_key:
                shifted[column.name] += copy * offsets[target]
                break
    if table.name == "accounts":
        shifted["name"] = f"walker-{copy}"
    return shifted
