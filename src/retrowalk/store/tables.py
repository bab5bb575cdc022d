"""Every table, imported in one place so the metadata is complete wherever it is used."""

from __future__ import annotations

from retrowalk.store.base import Base
from retrowalk.store.calendar_feeds import CalendarFeedRow
from retrowalk.store.clinic import AuditRow, ClinicFlagRow, OutcomeMeasureRow, PatientNoteRow
from retrowalk.store.imported_files import ImportedFileRow
from retrowalk.store.logins import InvitationRow, LoginAttemptRow, LoginSessionRow, ResetLinkRow
from retrowalk.store.people import (
    AccountRow,
    EquipmentRow,
    PrescriptionRow,
    ScreeningFlagRow,
    WalkerRow,
)
from retrowalk.store.profile_changes import ProfileChangeRow
from retrowalk.store.sessions import LogVersionRow, PlannedSessionRow, SampleRow, SessionLogRow

metadata = Base.metadata

__all__ = [
    "AccountRow",
    "AuditRow",
    "CalendarFeedRow",
    "ClinicFlagRow",
    "EquipmentRow",
    "ImportedFileRow",
    "InvitationRow",
    "LogVersionRow",
    "LoginAttemptRow",
    "LoginSessionRow",
    "OutcomeMeasureRow",
    "PatientNoteRow",
    "PlannedSessionRow",
    "PrescriptionRow",
    "ProfileChangeRow",
    "ResetLinkRow",
    "SampleRow",
    "ScreeningFlagRow",
    "SessionLogRow",
    "WalkerRow",
    "metadata",
]
