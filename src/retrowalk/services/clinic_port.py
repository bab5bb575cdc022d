"""The storage port of the clinician's desk, implemented in store/ (SQL and in memory) and
reached as `uow.clinic` inside a unit of work (services/ports.py)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import date, datetime

from retrowalk.domain.clinic_flags import ClinicFlag, FlagKind
from retrowalk.domain.outcome_measures import Instrument, OutcomeMeasure
from retrowalk.services.clinic_records import (
    AuditAction,
    AuditEntry,
    PatientNote,
    PatientSummary,
    StoredFlag,
    StoredMeasure,
)


class Clinic(ABC):
    """The clinician's desk: flags raised after sessions, outcome measures, notes, audit."""

    @abstractmethod
    def add_flags(self, walker_id: int, flags: Sequence[ClinicFlag], at: datetime) -> None:
        """Keep new flags; one already kept for the same session and kind is not added again."""

    @abstractmethod
    def last_raised(self, walker_id: int) -> dict[FlagKind, date]:
        """The day each kind of flag was last raised for the walker."""

    @abstractmethod
    def flags(self, walker_id: int) -> list[StoredFlag]:
        """The walker's flags, the newest first."""

    @abstractmethod
    def flag(self, flag_id: int) -> StoredFlag | None: ...

    @abstractmethod
    def acknowledge(self, flag_id: int, account_id: int, at: datetime) -> None:
        """Mark the flag acknowledged (only if it is still open: it stays as first marked)."""

    @abstractmethod
    def patients_by_open_flags(self, clinician_id: int) -> list[tuple[int, int]]:
        """The clinician's patients as (walker id, flags not yet acknowledged), most open flags
        first, then by id: one query, and only ids and counts, whatever their number."""

    @abstractmethod
    def patient_summaries(
        self, walker_ids: Sequence[int], since: date, weeks: Sequence[date]
    ) -> list[PatientSummary]:
        """What the desk's list shows of these walkers, in the order asked (an id naming no
        walker is left out), counted by the store in one query: days with data and sessions
        walked from `since` on, and for each date of `weeks` the worst known pain of each
        session in the 7 days from that date (a session with none known is left out)."""

    @abstractmethod
    def measures(self, walker_id: int) -> list[StoredMeasure]:
        """The walker's outcome measures, oldest first."""

    @abstractmethod
    def measure_on(
        self, walker_id: int, instrument: Instrument, on: date
    ) -> StoredMeasure | None: ...

    @abstractmethod
    def put_measure(
        self, walker_id: int, measure: OutcomeMeasure, account_id: int, at: datetime
    ) -> StoredMeasure:
        """Keep the measure, replacing the same instrument's on the same day."""

    @abstractmethod
    def note(self, walker_id: int) -> PatientNote | None: ...

    @abstractmethod
    def set_note(self, walker_id: int, text: str, account_id: int, at: datetime) -> PatientNote: ...

    @abstractmethod
    def add_audit(
        self,
        account_id: int,
        action: AuditAction,
        walker_id: int | None,
        change: tuple[str | None, str | None],
        at: datetime,
    ) -> AuditEntry:
        """Keep who did what to which walker, and the record before and after (JSON text)."""

    @abstractmethod
    def audit(self, walker_id: int) -> list[AuditEntry]:
        """The audit entries about the walker, the newest first."""
