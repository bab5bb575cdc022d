"""Write the seed for the current head revision: `python -m tests.store.make_seed`.

Run it once when a new revision becomes head (before the next one is written), so the migration
test can fill a database at that revision and check every row reaches the next heads intact.
"""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from retrowalk.formats.session_csv_read import read_sessions_csv
from retrowalk.services.accounts import create_staff_account
from retrowalk.services.calendar_feed import make_feed, replace_feed
from retrowalk.services.clearance import clearance_command, record_clearance
from retrowalk.services.clinician_limits import limits_command, set_limits
from retrowalk.services.clock import FixedClock
from retrowalk.services.desk_records import (
    acknowledge_flag,
    measure_command,
    note_command,
    save_measure,
    save_note,
)
from retrowalk.services.import_log import file_key
from retrowalk.services.invitations import SignUpIn, invite, sign_up, withdraw
from retrowalk.services.log_edit import NextMorningIn, add_next_morning_pain, delete_log, edit_log
from retrowalk.services.log_session import log_command, log_session
from retrowalk.services.login import LoginIn, LoginRefused, log_in
from retrowalk.services.login_sessions import log_out
from retrowalk.services.profile_change import change_profile, profile_change_command
from retrowalk.services.records import MphVerdict, Role
from retrowalk.services.reset_links import issue_reset_link, reset_password
from retrowalk.services.sessions_import import import_sessions, preview_sessions
from retrowalk.services.treadmill_profile import remember_mph_verdict
from retrowalk.store.database import make_engine, session_factory
from retrowalk.store.migrate import head_revision, upgrade
from retrowalk.store.snapshot import read_snapshot
from retrowalk.store.uow import SqlUnitOfWork
from tests.db import START, Backend
from tests.store.builders import onboarded, walk

SEEDS = Path(__file__).parent / "seeds"


def seeded_snapshot() -> dict[str, object]:
    """A small clinic's worth of every kind of row, made through the services."""
    with tempfile.TemporaryDirectory() as scratch:
        engine = make_engine(f"sqlite:///{scratch}/seed.sqlite3")
        upgrade(engine)
        sessions = session_factory(engine)
        backend = Backend("sqlite", lambda: SqlUnitOfWork(sessions), lambda: None, engine)
        clock = FixedClock(START)
        ann = onboarded(backend, clock, account="ann").walker
        onboarded(backend, clock, account="bob", equipment={"safety_clip": False})
        cy = onboarded(
            backend, clock, account="cy", equipment={"kind": "outdoor", "spotter": True}
        ).walker
        logs = walk(backend, clock, ann.id, 5, pain_during=2, notes="ok")
        walk(backend, clock, cy.id, 2)
        remember_mph_verdict(ann.id, MphVerdict("virtual:mph_for_kmh", True), backend.uow())
        clock.current += timedelta(days=1)
        add_next_morning_pain(
            NextMorningIn(walker_id=ann.id, log_id=logs[-1].log.id, pain=1), backend.uow(), clock
        )
        edit_log(ann.id, logs[1].log.id, {"rpe": 6}, backend.uow(), clock)
        delete_log(ann.id, logs[2].log.id, backend.uow(), clock)
        samples = [{"second": s, "speed_mps": 0.3, "heart_rate": 90 + s} for s in range(5)]
        log_session(
            log_command(walker_id=ann.id, source="device", samples=samples), backend.uow(), clock
        )
        unknown = dict.fromkeys(("pain_during", "rpe", "sharp_pain", "form_ok", "swelling"))
        stopped = {"minutes_done": 3, "stop_reason": "tired", **unknown}
        log_session(log_command(walker_id=cy.id, **stopped), backend.uow(), clock)
        _change_profiles(backend, clock, ann.id, cy.id)
        _import_sessions(backend, clock, cy.id)
        make_feed(ann.id, backend.uow(), clock)
        clock.current += timedelta(hours=1)
        replace_feed(ann.id, backend.uow(), clock)  # one revoked calendar link, one live
        _clinic(backend, clock)
        _clinician_desk(backend, clock, ann.id)
        snapshot = read_snapshot(engine)
        engine.dispose()
    return snapshot


def _change_profiles(backend: Backend, clock: FixedClock, ann: int, cy: int) -> None:
    """A stop for swelling and its end, a new weight, and a clinician's clearance with notes."""
    for answers in ({"swelling": True}, {"swelling": False, "weight_kg": 70.5}):
        command = profile_change_command(answers)
        change_profile(ann, command, backend.uow(), clock, account="ann")
    cleared = clearance_command({"clinician": "Dr Lee", "notes": "Seen; no effusion."})
    record_clearance(cy, cleared, backend.uow(), clock, account="cy")


def _clinician_desk(backend: Backend, clock: FixedClock, ann: int) -> None:
    """A clinician with ann as patient: a flag (a sharp pain) acknowledged, limits with
    hands-free not allowed, a note and KOOS and WOMAC scores, each in the audit log."""
    with backend.uow() as uow:
        lee = uow.accounts.add("dr-lee", Role.CLINICIAN, clock.now())
        uow.walkers.assign_clinician(ann, lee.id)
        uow.commit()
    clock.current += timedelta(days=2)
    log_session(log_command(walker_id=ann, sharp_pain=True), backend.uow(), clock)
    with backend.uow().reading() as uow:
        flag = uow.clinic.flags(ann)[-1]
    acknowledge_flag(ann, flag.id, backend.uow(), clock, "dr-lee")
    limits = limits_command({"target_minutes": 8, "hands_free_allowed": False})
    set_limits(ann, limits, backend.uow(), clock, "dr-lee")
    save_note(ann, note_command({"text": "Knee calm."}), backend.uow(), clock, "dr-lee")
    for given in (
        {"instrument": "koos", "scores": {"pain": 55.5, "qol": 40}},
        {"instrument": "womac", "scores": {"pain": 8, "stiffness": 3, "function": 30}},
    ):
        save_measure(ann, measure_command(given), backend.uow(), clock, "dr-lee")


def _clinic(backend: Backend, clock: FixedClock) -> None:
    """Clinic mode's rows: clinicians with passwords, a walker signed up by a clinician's
    invitation, an open and a withdrawn invitation, a used and an open reset link, a login
    session ended by logout and a live one, and two failed logins. No admin: a file may not
    bring one (store/snapshot_rows.py), and the migration test's seed is also an import."""
    uow = backend.uow
    lee = create_staff_account("dr.lee", PASSWORD, PASSWORD, False, uow(), clock)
    create_staff_account("dr.kay", PASSWORD, PASSWORD, False, uow(), clock)
    made = invite(lee, Role.WALKER, uow(), clock)
    sign_up(SignUpIn(made.token, "dee", PASSWORD, PASSWORD), uow(), clock)
    invite(lee, Role.WALKER, uow(), clock)
    withdraw(lee, invite(lee, Role.WALKER, uow(), clock).invitation.id, uow(), clock)
    used = issue_reset_link(None, "dee", uow(), clock)
    reset_password(used.token, "a new long password", "a new long password", uow(), clock)
    issue_reset_link(None, "dr.lee", uow(), clock)
    first = log_in(LoginIn("dr.lee", PASSWORD, "192.0.2.7"), uow(), clock)
    log_out(first.started.session.id, uow(), clock)
    log_in(LoginIn("dr.lee", PASSWORD, "192.0.2.7"), uow(), clock)
    for _ in range(2):
        with contextlib.suppress(LoginRefused):
            log_in(LoginIn("dr.kay", "not the password", "198.51.100.9"), uow(), clock)


PASSWORD = "correct horse battery"


def _import_sessions(backend: Backend, clock: FixedClock, cy: int) -> None:
    """A session from a spreadsheet, its other answers unknown."""
    data = f"date,done,pain_during,notes\n{clock.today()},true,1,from a sheet\n".encode()
    read = read_sessions_csv(data)
    shown = preview_sessions(cy, read, file_key(data), backend.uow(), clock)
    import_sessions(cy, read, file_key(data), shown.first_seq, backend.uow(), clock)


if __name__ == "__main__":
    path = SEEDS / f"{head_revision()}.json"
    path.write_text(json.dumps(seeded_snapshot()["tables"], indent=1, sort_keys=True) + "\n")
    sys.stdout.write(f"wrote {path}\n")
