"""What the clinician's desk keeps, as the services see it: the flags raised after sessions
(and who acknowledged them), outcome measures, a note per patient, and the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from retrowalk.domain.clinic_flags import FlagKind
from retrowalk.domain.outcome_measures import OutcomeMeasure

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
