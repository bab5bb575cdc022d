"""A walker coming in (onboarding, new equipment). What goes out is shared with the CLI's
`--json` (services/public_walkers.py) and re-exported here."""

from __future__ import annotations

from pydantic import Field

from retrowalk.services.calendar_date import CalendarDate
from retrowalk.services.commands import Command
from retrowalk.services.public_walkers import EquipmentChangedPublic, OnboardedPublic, WalkerPublic
from retrowalk.services.scenario import EquipmentIn, WalkerIn

__all__ = [
    "EquipmentChange",
    "EquipmentChangedPublic",
    "OnboardedPublic",
    "WalkerCreate",
    "WalkerPublic",
]


class WalkerCreate(Command):
    """Onboarding: the walker's profile and screening answers, and their equipment."""

    walker: WalkerIn
    equipment: EquipmentIn
    start: CalendarDate | None = None
    sessions_per_week: int | None = Field(default=None, ge=1, le=7)


class EquipmentChange(Command):
    """New equipment for the walker: screened again, the pending session re-planned on it."""

    equipment: EquipmentIn
