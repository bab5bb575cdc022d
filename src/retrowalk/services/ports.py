"""The storage the use cases need, named here and implemented in `store/` (SQL and in memory).

A unit of work is one transaction: `with uow:` opens it, `uow.commit()` keeps the work, and
leaving the block without committing rolls everything back. `with uow.reading():` opens one
that only reads: it takes no write lock, so it runs while another process writes, and it
cannot commit. A use case that may write opens a writing one, even when it ends up not writing.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Self

from retrowalk.domain.equipment import Equipment
from retrowalk.domain.profile_change import FieldChange
from retrowalk.domain.progression import Decision, EngineState
from retrowalk.domain.screening import Flag
from retrowalk.domain.walker import WalkerLimits, WalkerProfile
from retrowalk.services.calendar_records import CalendarFeed, PlanRevision
from retrowalk.services.clinic_port import Clinic
from retrowalk.services.login_ports import Invitations, LoginAttempts, LoginSessions, ResetLinks
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


class Accounts(ABC):
    @abstractmethod
    def by_name(self, name: str) -> Account | None: ...

    @abstractmethod
    def add(
        self, name: str, role: Role, at: datetime, invited_by: int | None = None
    ) -> Account: ...

    @abstractmethod
    def get(self, account_id: int) -> Account | None: ...

    @abstractmethod
    def all(self) -> list[Account]:
        """Every account, by name."""

    @abstractmethod
    def password_hash(self, account_id: int) -> str | None:
        """The account's argon2 hash; None: it cannot log in (the local account, or no
        password set yet)."""

    @abstractmethod
    def set_password_hash(self, account_id: int, password_hash: str) -> None: ...


class Walkers(ABC):
    @abstractmethod
    def add(
        self,
        account_id: int,
        profile: WalkerProfile,
        screened: tuple[date, tuple[Flag, ...]],
        equipment: Equipment,
        prescription: Prescription,
        at: datetime,
    ) -> StoredWalker: ...

    @abstractmethod
    def get(self, walker_id: int, lock: bool = False) -> StoredWalker | None:
        """A walker; with `lock`, other writers to this walker wait until this work ends."""

    @abstractmethod
    def for_account(self, account_id: int) -> StoredWalker | None: ...

    @abstractmethod
    def assign_clinician(self, walker_id: int, clinician_id: int | None) -> None:
        """The clinician who looks after the walker (an account id), or None."""

    @abstractmethod
    def ids(self) -> list[int]:
        """Every walker's id, in order."""

    @abstractmethod
    def set_mph_verdict(self, equipment_id: int, verdict: MphVerdict) -> None:
        """Keep a treadmill's mph-for-km/h verdict with this (motorized treadmill) equipment."""

    @abstractmethod
    def change_equipment(
        self,
        walker_id: int,
        equipment: Equipment,
        screened: tuple[date, tuple[Flag, ...]],
        at: datetime,
    ) -> StoredWalker:
        """Put new equipment in use and keep its screening; the old equipment stays on record
        (sessions planned on it still name it)."""

    @abstractmethod
    def equipment(self, equipment_id: int) -> Equipment:
        """Any equipment a walker has had, by id."""

    @abstractmethod
    def change_profile(
        self,
        walker_id: int,
        profile: WalkerProfile,
        screened: tuple[date, tuple[Flag, ...]],
        prescription: Prescription,
        at: datetime,
    ) -> StoredWalker:
        """Keep the walker's new answers, the flags screening raised on them, and the protocol
        and sessions a week of `prescription` (its start and the clinician's limits stay)."""

    @abstractmethod
    def set_limits(
        self,
        walker_id: int,
        limits: WalkerLimits,
        prescription: Prescription,
        set_by_id: int,
        at: datetime,
    ) -> StoredWalker:
        """Keep the clinician's limits, and the protocol and sessions a week of `prescription`."""


class ProfileChanges(ABC):
    """The history of changes to walkers' knees and profiles, kept whole (never edited)."""

    @abstractmethod
    def add(
        self,
        walker_id: int,
        account_id: int,
        at: datetime,
        kind: ProfileChangeKind,
        changes: tuple[FieldChange, ...],
        flags: tuple[Flag, ...],
        clearance: Clearance | None,
    ) -> ProfileChange: ...

    @abstractmethod
    def for_walker(self, walker_id: int) -> list[ProfileChange]:
        """A walker's changes, oldest first."""


class ImportedFiles(ABC):
    """The files a walker's sessions were imported from, one row per file, by its SHA-256."""

    @abstractmethod
    def find(self, walker_id: int, sha256: str) -> ImportedFile | None: ...

    @abstractmethod
    def add(
        self,
        walker_id: int,
        sha256: str,
        kind: ImportKind,
        sessions: int,
        first_log_id: int,
        at: datetime,
    ) -> ImportedFile: ...


class Sessions(ABC):
    """Planned sessions (one per `seq`, the last one still to walk) and their logs."""

    @abstractmethod
    def latest_planned(self, walker_id: int) -> StoredPlannedSession | None: ...

    @abstractmethod
    def add_planned(
        self,
        walker_id: int,
        seq: int,
        on: date,
        equipment_id: int,
        decision: Decision,
        state_before: EngineState,
    ) -> StoredPlannedSession: ...

    @abstractmethod
    def planned(self, planned_id: int) -> StoredPlannedSession | None: ...

    @abstractmethod
    def update_planned(self, planned: StoredPlannedSession) -> None:
        """Store a planned session's new date, decision and state (same id)."""

    @abstractmethod
    def add_log(
        self,
        planned: StoredPlannedSession,
        entry: LoggedEntry,
        state_after: EngineState,
        at: datetime,
    ) -> SessionLog: ...

    @abstractmethod
    def log(self, log_id: int) -> SessionLog | None:
        """A log by id, deleted ones included."""

    @abstractmethod
    def update_log(self, log_id: int, entry: LoggedEntry, state_after: EngineState) -> None: ...

    @abstractmethod
    def set_deleted(self, log_id: int, deleted: bool) -> None: ...

    @abstractmethod
    def last_live_log(self, walker_id: int, before_seq: int) -> SessionLog | None:
        """The latest log not deleted whose planned session comes before `before_seq`."""

    @abstractmethod
    def sessions_from(
        self, walker_id: int, seq: int
    ) -> list[tuple[StoredPlannedSession, SessionLog | None]]:
        """Planned sessions from `seq` on, in order, each with its log (deleted ones included)."""

    @abstractmethod
    def history(
        self, walker_id: int, since: date | None, until: date | None
    ) -> list[LoggedSession]:
        """Logged sessions not deleted, dated within the bounds (inclusive), oldest first."""

    @abstractmethod
    def facts(self, walker_id: int, since: date | None, until: date | None) -> list[SessionFacts]:
        """The numbers of the same sessions as `history`, in the same order, read lean."""

    @abstractmethod
    def add_version(
        self, log_id: int, change: Change, entry: LoggedEntry, at: datetime
    ) -> LogVersion: ...

    @abstractmethod
    def last_open_version(self, walker_id: int) -> LogVersion | None:
        """The latest edit or delete of this walker's logs not yet undone."""

    @abstractmethod
    def close_version(self, version_id: int, at: datetime) -> None: ...

    @abstractmethod
    def add_samples(self, log_id: int, samples: Sequence[Sample]) -> None: ...

    @abstractmethod
    def samples(self, log_id: int) -> list[Sample]: ...


class CalendarFeeds(ABC):
    """Walkers' calendar links (at most one live per walker; revoked ones stay, with their
    time) and what the feed reads about the plan's changes."""

    @abstractmethod
    def live(self, walker_id: int) -> CalendarFeed | None: ...

    @abstractmethod
    def add(self, walker_id: int, token_sha256: str, at: datetime) -> CalendarFeed:
        """A new live feed; the walker must have none live (the database refuses a second)."""

    @abstractmethod
    def revoke(self, feed_id: int, at: datetime) -> None: ...

    @abstractmethod
    def walker_of(self, token_sha256: str) -> int | None:
        """The walker whose live feed has this token hash, or None (unknown or revoked)."""

    @abstractmethod
    def plan_revision(self, walker_id: int) -> PlanRevision: ...


class UnitOfWork(ABC):
    accounts: Accounts
    walkers: Walkers
    sessions: Sessions
    profile_changes: ProfileChanges
    imported_files: ImportedFiles
    calendar_feeds: CalendarFeeds
    clinic: Clinic
    login_sessions: LoginSessions
    invitations: Invitations
    reset_links: ResetLinks
    login_attempts: LoginAttempts
    read_only = False

    def reading(self) -> Self:
        """This unit of work, to read only (call it before `with`)."""
        self.read_only = True
        return self

    def __enter__(self) -> Self:
        self._begin()
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            self.rollback()
        finally:
            self._end()

    @abstractmethod
    def _begin(self) -> None: ...

    @abstractmethod
    def _end(self) -> None:
        """Release what `_begin` took (a connection, for instance)."""

    @abstractmethod
    def commit(self) -> None:
        """Keep the work; a unit of work opened with `reading()` refuses (a programming error)."""

    @abstractmethod
    def rollback(self) -> None: ...

    def _refuse_commit_if_reading(self) -> None:
        if self.read_only:
            raise RuntimeError("a unit of work opened with reading() cannot commit")


class DataStore(ABC):
    """The whole database as data, for backup, restore, export and import."""

    @abstractmethod
    def snapshot(self) -> dict[str, Any]:
        """Every row of every table, in a canonical order, read in one consistent transaction."""

    @abstractmethod
    def load(self, snapshot: dict[str, Any], replace: bool) -> None:
        """Write a snapshot's rows in one transaction; into an empty database unless `replace`."""

    @abstractmethod
    def backup(self, target: Path) -> None:
        """A consistent copy of the database, taken while it may be in use."""

    @abstractmethod
    def restore(self, source: Path) -> None:
        """Replace every row with those of a backup or a JSON export, in one transaction."""
