"""The walker: who they are, what their knee has been through, and what they told screening."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from retrowalk.domain.units import Speed, UnitSystem


class Condition(StrEnum):
    KNEE_OA = "knee_oa"
    PATELLOFEMORAL_PAIN = "patellofemoral_pain"
    POST_TKR = "post_tkr"
    POST_ACL = "post_acl"
    KNEE_DISCOMFORT = "knee_discomfort"
    BALANCE = "balance"
    ATHLETE = "athlete"
    GENERAL = "general"

    @property
    def is_post_surgery(self) -> bool:
        return self in (Condition.POST_TKR, Condition.POST_ACL)

    def describe(self) -> str:
        return _CONDITION_WORDS[self]


class Severity(StrEnum):
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"


class SurgeryKind(StrEnum):
    TKR = "tkr"
    ACL = "acl"
    OTHER = "other"

    def describe(self) -> str:
        return _SURGERY_WORDS[self]


_CONDITION_WORDS = {
    Condition.KNEE_OA: "knee osteoarthritis",
    Condition.PATELLOFEMORAL_PAIN: "pain around the kneecap",
    Condition.POST_TKR: "after a knee replacement",
    Condition.POST_ACL: "after ACL reconstruction",
    Condition.KNEE_DISCOMFORT: "knee discomfort",
    Condition.BALANCE: "balance",
    Condition.ATHLETE: "athlete",
    Condition.GENERAL: "general fitness",
}
_SURGERY_WORDS = {
    SurgeryKind.TKR: "a knee replacement",
    SurgeryKind.ACL: "an ACL reconstruction",
    SurgeryKind.OTHER: "knee surgery",
}


@dataclass(frozen=True, slots=True)
class Surgery:
    kind: SurgeryKind
    on: date

    def days_before(self, on: date) -> int:
        """Whole days from the operation to `on` (0 on the day itself)."""
        return (on - self.on).days


@dataclass(frozen=True, slots=True)
class WalkerLimits:
    """Caps a clinician may set for one walker; each only ever lowers the protocol's own."""

    max_speed: Speed | None = None
    max_incline_percent: float | None = None
    target_minutes: int | None = None
    # False: the walker keeps at least one hand on a rail; the engine never weans the last one.
    hands_free_allowed: bool = True


# The screening answers held as plain numbers and yes/no, in the order people read them; every
# face and the store list them from here.
SCREENING_ANSWERS = (
    "cleared_by_clinician",
    "rest_pain",
    "falls_last_year",
    "balance_concern",
    "experienced",
    "dizziness",
    "swelling",
    "locking",
    "giving_way",
)


@dataclass(frozen=True, slots=True)
class WalkerProfile:
    age: int
    weight_kg: float | None
    units: UnitSystem
    condition: Condition
    severity: Severity
    surgery: Surgery | None = None
    cleared_by_clinician: bool = False
    rest_pain: int = 0
    falls_last_year: int = 0
    balance_concern: bool = False
    experienced: bool = False
    dizziness: bool = False
    swelling: bool = False
    locking: bool = False
    giving_way: bool = False
    limits: WalkerLimits = field(default_factory=WalkerLimits)

    @property
    def knee_symptoms(self) -> tuple[str, ...]:
        present = {
            "swelling": self.swelling,
            "locking": self.locking,
            "giving way": self.giving_way,
        }
        return tuple(name for name, found in present.items() if found)
