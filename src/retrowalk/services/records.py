"""What the store keeps, as the services see it: plain frozen records around the domain values.

The domain knows nothing of ids or rows; these records add just that (who, which session,
when it was written) so the use cases can name stored things. `store/` maps them to tables.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.equipment import Equipment
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.profile_change import FieldChange
from retrowalk.domain.progression import Decision, EngineState
from retrowalk.domain.screening import Flag, FlagLevel
from retrowalk.domain.stop_reason import StopReason

# Domain facts that the services' callers name from here too.
from retrowalk.domain.treadmill_record import MphVerdict as MphVerdict
from retrowalk.domain.treadmill_record import Sample as Sample
from retrowalk.domain.units import Speed
from retrowalk.domain.walker import WalkerProfile


class Role(StrEnum):
    WALKER = "walker"
    CLINICIAN = "clinician"
    ADMIN = "admin"


class Source(StrEnum):
    """Where a logged session came from."""

    MANUAL = "manual"
    LIVE = "live"
    DEVICE = "device"
    IMPORT = "import"

    def describe(self) -> str:
        return {
            Source.MANUAL: "logged by hand",
            Source.LIVE: "with the live coach",
            Source.DEVICE: "with the treadmill",
            Source.IMPORT: "imported",
        }[self]


class Change(StrEnum):
    EDIT = "edit"
    DELETE = "delete"


class ProfileChangeKind(StrEnum):
    """What a row of the profile history records: answers changed, or a clinician's clearance."""

    PROFILE = "profile"
    CLEARANCE = "clearance"


# The account a single local walker gets without being asked (PRODUCT.md: local default). Here,
# not in services/onboard.py, so that reading the local walker loads no onboarding models.
LOCAL_ACCOUNT = "local"


@dataclass(frozen=True, slots=True)
class Account:
    """`invited_by`: the account whose invitation made this one (clinic mode), else None."""

    id: int
    name: str
    role: Role
    created_at: datetime
    invited_by: int | None = None


@dataclass(frozen=True, slots=True)
class Prescription:
    """The protocol assigned to a walker and how often they walk; limits live in the profile."""

    protocol: str
    sessions_per_week: int
    start: date


@dataclass(frozen=True, slots=True)
class StoredWalker:
    """`mph_verdict`: what is known of the equipment's Bluetooth speed unit, if anything."""

    id: int
    account_id: int
    clinician_id: int | None
    profile: WalkerProfile
    screened_on: date
    flags: tuple[Flag, ...]
    equipment_id: int
    equipment: Equipment
    prescription: Prescription
    mph_verdict: MphVerdict | None = None


@dataclass(frozen=True, slots=True)
class StoredPlannedSession:
    """A session the engine prescribed, and the engine state it was decided from."""

    id: int
    walker_id: int
    seq: int
    on: date
    equipment_id: int
    decision: Decision
    state_before: EngineState


@dataclass(frozen=True, slots=True)
class Performed:
    """What was actually done, beside the prescribed dose, when a device or the walker says."""

    speed: Speed | None = None
    incline_percent: float | None = None
    hands: HandSupport | None = None


@dataclass(frozen=True, slots=True)
class LoggedEntry:
    """The editable part of a logged session. `next_morning_on` is None until that pain is known,
    and the outcome's next-morning pain is then None (unknown) too, whatever it was built with:
    every reader takes the outcome as it is. `stop_reason` says why a walk stopped before its
    end (None: it did not, or the walker did not say)."""

    outcome: SessionOutcome
    performed: Performed
    next_morning_on: date | None
    notes: str
    source: Source
    stop_reason: StopReason | None = None

    def __post_init__(self) -> None:
        if self.next_morning_on is None and self.outcome.pain_next_morning is not None:
            unknown = replace(self.outcome, pain_next_morning=None)
            object.__setattr__(self, "outcome", unknown)  # frozen: set once, while being built


@dataclass(frozen=True, slots=True)
class SessionLog:
    id: int
    walker_id: int
    planned_id: int
    on: date
    entry: LoggedEntry
    state_after: EngineState
    logged_at: datetime
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class LoggedSession:
    """A logged session as history shows it: the decision prescribed beside the entry."""

    log_id: int
    seq: int
    on: date
    prescribed: Decision
    entry: LoggedEntry


@dataclass(frozen=True, slots=True)
class SessionFacts:
    """The numbers of one logged session, for progress: the dose prescribed and what was done.
    `pain_next_morning` is None until reported."""

    on: date
    done: bool
    dose: Dose
    minutes_done: float | None
    speed_done: Speed | None
    incline_done: float | None
    pain_during: int | None
    pain_after: int | None
    pain_next_morning: int | None
    rpe: int | None


@dataclass(frozen=True, slots=True)
class LogVersion:
    """A before-image kept for undo: the entry as it was before an edit or a delete."""

    id: int
    log_id: int
    change: Change
    entry: LoggedEntry
    changed_at: datetime


# The longest clinician's name a clearance keeps, and its notes (as a logged session's notes).
CLINICIAN_NAME_LENGTH = 80
CLEARANCE_NOTES_LENGTH = 4000


@dataclass(frozen=True, slots=True)
class Clearance:
    """A clinician has seen the walker and cleared them, on `on`."""

    on: date
    clinician: str | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class ProfileChange:
    """One change to a walker's knee or profile as history keeps it: who made it (`account`'s
    name), when, each answer from → to, the flags screening raised then, and a clearance."""

    id: int
    walker_id: int
    account: str
    at: datetime
    kind: ProfileChangeKind
    changes: tuple[FieldChange, ...]
    flags: tuple[Flag, ...]
    clearance: Clearance | None = None

    @property
    def cleared_to_walk(self) -> bool:
        """Whether the plan could go on after this change (no red flag stood)."""
        return not any(flag.level is FlagLevel.RED for flag in self.flags)


class ImportKind(StrEnum):
    """The kind of file sessions were imported from."""

    FIT = "fit"
    CSV = "csv"


@dataclass(frozen=True, slots=True)
class ImportedFile:
    """A file whose sessions were logged (`sessions` of them, the first as log `first_log_id`):
    kept by its SHA-256, so the same file imported again is refused instead of logged twice."""

    id: int
    walker_id: int
    sha256: str
    kind: ImportKind
    sessions: int
    first_log_id: int
    imported_at: datetime
