"""What the clinician's desk keeps, as the services see it: the flags raised after sessions
(and who acknowledged them), outcome measures, a note per patient, the audit log, and the sums
the store makes for each line of the patient list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from retrowalk.domain.clinic_flags import FlagKind
from retrowalk.domain.dose import Dose
from retrowalk.domain.outcome_measures import OutcomeMeasure
from retrowalk.domain.units import UnitSystem
from retrowalk.domain.walker import Condition, Severity
from retrowalk.services.records import Prescription

# The longest note a clinician keeps on a patient.
NOTE_LENGTH = 4000


class AuditAction(StrEnum):
    """What an audit entry records (its before and after are JSON text)."""

    LIMITS = "limits"
    ACKNOWLEDGE = "acknowledge"
    NOTE = "note"
    OUTCOME_MEASURE = "outcome_measure"
    ASSIGN = "assign"
    CLEARANCE = "clearance"


@dataclass(frozen=True, slots=True)
class StoredFlag:
    id: int
    walker_id: int
    kind: FlagKind
    on: date
    log_id: int
    text: str
    raised_at: datetime
    acknowledged_by: str | None = None
    acknowledged_at: datetime | None = None

    @property
    def open(self) -> bool:
        return self.acknowledged_at is None


@dataclass(frozen=True, slots=True)
class StoredMeasure:
    id: int
    walker_id: int
    measure: OutcomeMeasure
    entered_by: str
    entered_at: datetime


@dataclass(frozen=True, slots=True)
class PatientNote:
    walker_id: int
    text: str
    updated_by: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    account: str
    action: AuditAction
    walker_id: int | None
    before: str | None
    after: str | None


@dataclass(frozen=True, slots=True)
class WeekPain:
    """A week's sessions with a pain known: their worst known pains summed, and how many they
    are. A session with no pain known is left out, never counted as 0."""

    total: int = 0
    sessions: int = 0

    @property
    def mean(self) -> float | None:
        return self.total / self.sessions if self.sessions else None


@dataclass(frozen=True, slots=True)
class PatientSummary:
    """What the desk shows of one patient, as the store counts it (`Clinic.patient_summaries`):
    sessions are the walker's logged sessions, deleted ones left out."""

    walker_id: int
    name: str  # the patient's account name
    age: int
    condition: Condition
    severity: Severity
    units: UnitSystem
    prescription: Prescription
    last_session: date | None  # the latest logged session, walked or not, however long ago
    days_with_data: int  # days with a logged session, from the window's first day on
    done: int  # sessions walked from the window's first day on
    weekly_pain: tuple[WeekPain, ...]  # one for each week asked, in the order asked
    dose: Dose | None  # the pending session's dose; None: no session planned, or not a walk
    open_flags: int  # flags not acknowledged yet
