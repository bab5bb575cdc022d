"""An in-memory store honouring the same contract as the SQL one, for fast service tests.

`MemoryDatabase` plays the database; each `MemoryUnitOfWork` works on a copy of it and
publishes the copy only on commit, so work left uncommitted disappears as in SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from itertools import count
from typing import Any

from retrowalk.domain.equipment import Equipment
from retrowalk.domain.profile_change import FieldChange
from retrowalk.domain.progression import Decision, EngineState
from retrowalk.domain.screening import Flag
from retrowalk.domain.walker import WalkerLimits, WalkerProfile
from retrowalk.services.calendar_records import CalendarFeed
from retrowalk.services.login_records import Invitation, LoginSession, ResetLink
from retrowalk.services.ports import (
    Accounts,
    ImportedFiles,
    ProfileChanges,
    Sessions,
    UnitOfWork,
    Walkers,
)
from retrowalk.services.records import (
    Account,
    Change,
    Clearance,
    ImportedFile,
    ImportKind,
    LoggedEntry,
    LoggedSession,
    LogVersion,
    MphVerdict,
    Prescription,
    ProfileChange,
    ProfileChangeKind,
    Role,
    Sample,
    SessionFacts,
    SessionLog,
    StoredPlannedSession,
    StoredWalker,
)
from retrowalk.store.memory_clinic import ClinicTables, MemoryClinic
from retrowalk.store.memory_feeds import MemoryCalendarFeeds
from retrowalk.store.memory_logins import (
    MemoryInvitations,
    MemoryLoginAttempts,
    MemoryLoginSessions,
    MemoryResetLinks,
)


@dataclass
class _Tables:
    accounts: dict[int, Account] = field(default_factory=dict)
    walkers: dict[int, StoredWalker] = field(default_factory=dict)
    planned: dict[int, StoredPlannedSession] = field(default_factory=dict)
    logs: dict[int, SessionLog] = field(default_factory=dict)
    versions: dict[int, tuple[LogVersion, datetime | None]] = field(default_factory=dict)
    samples: dict[int, list[Sample]] = field(default_factory=dict)
    equipment: dict[int, Equipment] = field(default_factory=dict)
    profile_changes: dict[int, ProfileChange] = field(default_factory=dict)
    imported_files: dict[int, ImportedFile] = field(default_factory=dict)
    # When each walker was onboarded, and each piece of equipment's walker and time added (the
    # SQL tables keep these as columns; the calendar's revision reads them).
    walker_since: dict[int, datetime] = field(default_factory=dict)
    equipment_added: dict[int, tuple[int, datetime]] = field(default_factory=dict)
    calendar_feeds: dict[int, CalendarFeed] = field(default_factory=dict)
    clinic: ClinicTables = field(default_factory=ClinicTables)
    # Clinic mode: password hashes by account, and the login tables (store/memory_logins.py).
    password_hashes: dict[int, str] = field(default_factory=dict)
    login_sessions: dict[int, tuple[LoginSession, str]] = field(default_factory=dict)
    invitations: dict[int, tuple[Invitation, str]] = field(default_factory=dict)
    reset_links: dict[int, tuple[ResetLink, str]] = field(default_factory=dict)
    login_attempts: list[tuple[str, str, datetime]] = field(default_factory=list)

    def copy(self) -> _Tables:
        return _Tables(**{name: _copied(value) for name, value in vars(self).items()})


def _copied(table: Any) -> Any:
    if isinstance(table, ClinicTables):
        return table.copy()
    if isinstance(table, list):
        return list(table)
    return {key: list(v) if isinstance(v, list) else v for key, v in table.items()}


class MemoryDatabase:
    def __init__(self) -> None:
        self.tables = _Tables()
        self.ids = count(1)


class _MemoryRepository:
    """A repository working on one unit of work's copy of the tables; ids come from the
    database, so they stay unique across units of work."""

    def __init__(self, db: MemoryDatabase, tables: _Tables) -> None:
        self._db, self._t = db, tables


class MemoryAccounts(_MemoryRepository, Accounts):
    def by_name(self, name: str) -> Account | None:
        return next((a for a in self._t.accounts.values() if a.name == name), None)

    def add(self, name: str, role: Role, at: datetime, invited_by: int | None = None) -> Account:
        if self.by_name(name) is not None:
            raise AssertionError("account names are unique")  # as SQL's constraint
        account = Account(next(self._db.ids), name, role, at, invited_by)
        self._t.accounts[account.id] = account
        return account

    def get(self, account_id: int) -> Account | None:
        return self._t.accounts.get(account_id)

    def all(self) -> list[Account]:
        return sorted(self._t.accounts.values(), key=lambda account: account.name)

    def password_hash(self, account_id: int) -> str | None:
        return self._t.password_hashes.get(account_id)

    def set_password_hash(self, account_id: int, password_hash: str) -> None:
        self._t.password_hashes[account_id] = password_hash


class MemoryWalkers(_MemoryRepository, Walkers):
    def add(
        self,
        account_id: int,
        profile: WalkerProfile,
        screened: tuple[date, tuple[Flag, ...]],
        equipment: Equipment,
        prescription: Prescription,
        at: datetime,
    ) -> StoredWalker:
        walker_id, equipment_id = next(self._db.ids), next(self._db.ids)
        stored = StoredWalker(
            walker_id, account_id, None, profile, *screened, equipment_id, equipment, prescription
        )
        self._t.walkers[walker_id] = stored
        self._t.equipment[equipment_id] = equipment
        self._t.walker_since[walker_id] = at
        self._t.equipment_added[equipment_id] = (walker_id, at)
        return stored

    def get(self, walker_id: int, lock: bool = False) -> StoredWalker | None:
        return self._t.walkers.get(walker_id)  # one process, one writer: nothing to lock

    def for_account(self, account_id: int) -> StoredWalker | None:
        return next((w for w in self._t.walkers.values() if w.account_id == account_id), None)

    def ids(self) -> list[int]:
        return sorted(self._t.walkers)

    def assign_clinician(self, walker_id: int, clinician_id: int | None) -> None:
        walker = self._t.walkers[walker_id]
        self._t.walkers[walker_id] = replace(walker, clinician_id=clinician_id)

    def set_mph_verdict(self, equipment_id: int, verdict: MphVerdict) -> None:
        for walker in list(self._t.walkers.values()):
            if walker.equipment_id == equipment_id:
                self._t.walkers[walker.id] = replace(walker, mph_verdict=verdict)

    def change_equipment(
        self,
        walker_id: int,
        equipment: Equipment,
        screened: tuple[date, tuple[Flag, ...]],
        at: datetime,
    ) -> StoredWalker:
        equipment_id = next(self._db.ids)
        self._t.equipment[equipment_id] = equipment
        self._t.equipment_added[equipment_id] = (walker_id, at)
        screened_on, flags = screened
        changed = replace(
            self._t.walkers[walker_id],
            screened_on=screened_on,
            flags=flags,
            equipment_id=equipment_id,
            equipment=equipment,
            mph_verdict=None,
        )
        self._t.walkers[walker_id] = changed
        return changed

    def equipment(self, equipment_id: int) -> Equipment:
        return self._t.equipment[equipment_id]

    def change_profile(
        self,
        walker_id: int,
        profile: WalkerProfile,
        screened: tuple[date, tuple[Flag, ...]],
        prescription: Prescription,
        at: datetime,
    ) -> StoredWalker:
        walker = self._t.walkers[walker_id]
        screened_on, flags = screened
        kept = replace(
            walker.prescription,
            protocol=prescription.protocol,
            sessions_per_week=prescription.sessions_per_week,
        )
        changed = replace(
            walker,
            profile=replace(profile, limits=walker.profile.limits),
            screened_on=screened_on,
            flags=flags,
            prescription=kept,
        )
        self._t.walkers[walker_id] = changed
        return changed

    def set_limits(
        self,
        walker_id: int,
        limits: WalkerLimits,
        prescription: Prescription,
        set_by_id: int,
        at: datetime,
    ) -> StoredWalker:
        walker = self._t.walkers[walker_id]
        kept = replace(
            walker.prescription,
            protocol=prescription.protocol,
            sessions_per_week=prescription.sessions_per_week,
        )
        changed = replace(walker, profile=replace(walker.profile, limits=limits), prescription=kept)
        self._t.walkers[walker_id] = changed
        return changed


class MemoryProfileChanges(_MemoryRepository, ProfileChanges):
    def add(
        self,
        walker_id: int,
        account_id: int,
        at: datetime,
        kind: ProfileChangeKind,
        changes: tuple[FieldChange, ...],
        flags: tuple[Flag, ...],
        clearance: Clearance | None,
    ) -> ProfileChange:
        account = self._t.accounts[account_id].name
        change = ProfileChange(
            next(self._db.ids), walker_id, account, at, kind, changes, flags, clearance
        )
        self._t.profile_changes[change.id] = change
        return change

    def for_walker(self, walker_id: int) -> list[ProfileChange]:
        mine = [c for c in self._t.profile_changes.values() if c.walker_id == walker_id]
        return sorted(mine, key=lambda change: change.id)


class MemoryImportedFiles(_MemoryRepository, ImportedFiles):
    def find(self, walker_id: int, sha256: str) -> ImportedFile | None:
        found = self._t.imported_files.values()
        return next((f for f in found if (f.walker_id, f.sha256) == (walker_id, sha256)), None)

    def add(
        self,
        walker_id: int,
        sha256: str,
        kind: ImportKind,
        sessions: int,
        first_log_id: int,
        at: datetime,
    ) -> ImportedFile:
        if self.find(walker_id, sha256) is not None:
            raise RuntimeError("imported_files: (walker_id, sha256) is unique")
        imported = ImportedFile(
            next(self._db.ids), walker_id, sha256, kind, sessions, first_log_id, at
        )
        self._t.imported_files[imported.id] = imported
        return imported


class MemorySessions(_MemoryRepository, Sessions):
    def latest_planned(self, walker_id: int) -> StoredPlannedSession | None:
        return max(self._planned_of(walker_id), key=lambda p: p.seq, default=None)

    def add_planned(
        self,
        walker_id: int,
        seq: int,
        on: date,
        equipment_id: int,
        decision: Decision,
        state_before: EngineState,
    ) -> StoredPlannedSession:
        planned = StoredPlannedSession(
            next(self._db.ids), walker_id, seq, on, equipment_id, decision, state_before
        )
        self._t.planned[planned.id] = planned
        return planned

    def planned(self, planned_id: int) -> StoredPlannedSession | None:
        return self._t.planned.get(planned_id)

    def update_planned(self, planned: StoredPlannedSession) -> None:
        self._t.planned[planned.id] = planned

    def add_log(
        self,
        planned: StoredPlannedSession,
        entry: LoggedEntry,
        state_after: EngineState,
        at: datetime,
    ) -> SessionLog:
        log = SessionLog(
            next(self._db.ids), planned.walker_id, planned.id, planned.on, entry, state_after, at
        )
        self._t.logs[log.id] = log
        return log

    def log(self, log_id: int) -> SessionLog | None:
        return self._t.logs.get(log_id)

    def update_log(self, log_id: int, entry: LoggedEntry, state_after: EngineState) -> None:
        self._t.logs[log_id] = replace(self._t.logs[log_id], entry=entry, state_after=state_after)

    def set_deleted(self, log_id: int, deleted: bool) -> None:
        self._t.logs[log_id] = replace(self._t.logs[log_id], deleted=deleted)

    def last_live_log(self, walker_id: int, before_seq: int) -> SessionLog | None:
        pairs = [(p, log) for p, log in self._pairs(walker_id) if p.seq < before_seq]
        live = [(p.seq, log) for p, log in pairs if not log.deleted]
        return max(live, key=lambda pair: pair[0], default=(0, None))[1]

    def sessions_from(
        self, walker_id: int, seq: int
    ) -> list[tuple[StoredPlannedSession, SessionLog | None]]:
        by_planned = {log.planned_id: log for log in self._t.logs.values()}
        chosen = sorted((p for p in self._planned_of(walker_id) if p.seq >= seq), key=_seq)
        return [(p, by_planned.get(p.id)) for p in chosen]

    def history(
        self, walker_id: int, since: date | None, until: date | None
    ) -> list[LoggedSession]:
        kept = [
            LoggedSession(log.id, p.seq, log.on, p.decision, log.entry)
            for p, log in self._pairs(walker_id)
            if not log.deleted
            and (since is None or log.on >= since)
            and (until is None or log.on <= until)
        ]
        return sorted(kept, key=lambda logged: (logged.on, logged.seq))

    def facts(self, walker_id: int, since: date | None, until: date | None) -> list[SessionFacts]:
        return [_facts(logged) for logged in self.history(walker_id, since, until)]

    def add_version(
        self, log_id: int, change: Change, entry: LoggedEntry, at: datetime
    ) -> LogVersion:
        version = LogVersion(next(self._db.ids), log_id, change, entry, at)
        self._t.versions[version.id] = (version, None)
        return version

    def last_open_version(self, walker_id: int) -> LogVersion | None:
        mine = [
            version
            for version, undone in self._t.versions.values()
            if undone is None and self._t.logs[version.log_id].walker_id == walker_id
        ]
        return max(mine, key=lambda v: v.id, default=None)

    def close_version(self, version_id: int, at: datetime) -> None:
        version, _ = self._t.versions[version_id]
        self._t.versions[version_id] = (version, at)

    def add_samples(self, log_id: int, samples: Sequence[Sample]) -> None:
        self._t.samples.setdefault(log_id, []).extend(samples)

    def samples(self, log_id: int) -> list[Sample]:
        return sorted(self._t.samples.get(log_id, []), key=lambda s: s.second)

    def _planned_of(self, walker_id: int) -> list[StoredPlannedSession]:
        return [p for p in self._t.planned.values() if p.walker_id == walker_id]

    def _pairs(self, walker_id: int) -> list[tuple[StoredPlannedSession, SessionLog]]:
        return [
            (self._t.planned[log.planned_id], log)
            for log in self._t.logs.values()
            if log.walker_id == walker_id
        ]


def _facts(logged: LoggedSession) -> SessionFacts:
    outcome, entry = logged.entry.outcome, logged.entry
    return SessionFacts(
        on=logged.on,
        done=outcome.done,
        dose=logged.prescribed.dose,
        minutes_done=outcome.minutes_done,
        speed_done=entry.performed.speed,
        incline_done=entry.performed.incline_percent,
        pain_during=outcome.pain_during,
        pain_after=outcome.pain_after,
        pain_next_morning=outcome.pain_next_morning,
        rpe=outcome.rpe,
    )


def _seq(planned: StoredPlannedSession) -> int:
    return planned.seq


class MemoryUnitOfWork(UnitOfWork):
    def __init__(self, db: MemoryDatabase) -> None:
        self._db = db
        self._work = db.tables.copy()

    def _begin(self) -> None:
        self._work = self._db.tables.copy()
        self.accounts = MemoryAccounts(self._db, self._work)
        self.walkers = MemoryWalkers(self._db, self._work)
        self.sessions = MemorySessions(self._db, self._work)
        self.profile_changes = MemoryProfileChanges(self._db, self._work)
        self.imported_files = MemoryImportedFiles(self._db, self._work)
        self.calendar_feeds = MemoryCalendarFeeds(self._db, self._work)
        self.clinic = MemoryClinic(self._db, self._work)
        self.login_sessions = MemoryLoginSessions(self._db, self._work)
        self.invitations = MemoryInvitations(self._db, self._work)
        self.reset_links = MemoryResetLinks(self._db, self._work)
        self.login_attempts = MemoryLoginAttempts(self._db, self._work)

    def _end(self) -> None:
        """Nothing to release: the copy is dropped with the next `_begin`."""

    def commit(self) -> None:
        self._refuse_commit_if_reading()
        self._db.tables = self._work.copy()

    def rollback(self) -> None:
        # Throw away the uncommitted copy; the repositories keep working on a fresh one.
        fresh = self._db.tables.copy()
        for name in vars(fresh):
            setattr(self._work, name, getattr(fresh, name))
