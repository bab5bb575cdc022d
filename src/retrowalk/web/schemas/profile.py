"""A change to the walker's knee or profile and a clinician's clearance (in). What came of it
and the history of them are shared with the CLI's `--json` (services/public_walkers.py)."""

from __future__ import annotations

from retrowalk.services.clearance import ClearanceIn
from retrowalk.services.profile_change import ProfileChangeIn
from retrowalk.services.public_walkers import ProfileChangedPublic, ProfileChangePublic

__all__ = ["ClearanceCreate", "ProfileChange", "ProfileChangePublic", "ProfileChangedPublic"]


class ProfileChange(ProfileChangeIn):
    """The answers that change, as onboarding's `walker` gives them, and sessions a week.
    A field left out keeps its answer; `weight_kg` and `surgery` given as null are cleared."""


class ClearanceCreate(ClearanceIn):
    """A clinician has cleared the walker: the day (default today), who, and their notes."""
