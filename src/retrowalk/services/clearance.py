""" "My clinician has cleared me": a clinician's clearance, recorded with its date (and, if
given, the clinician's name and notes), lifts what only a clinician lifts (PROTOCOL.md §9, §11).

It lifts a stop or a pause the engine made (knee symptoms after a walk, a pain limit passed,
a trend that asked for a clinician: `domain/progression.clear_by_clinician`), and answers the
screening question "cleared by a clinician?" with yes, which lifts the red flag of a recent
operation not yet cleared. Then screening runs again and the session still to walk is
re-planned (services/rescreen.py). A red flag about the knee as it is now (swelling, pain at
rest of 7 or more, dizziness) stays until the walker's answers say it has gone: the clearance
is kept either way, and the faces say what still stands.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pydantic import Field, field_validator

from retrowalk.domain.errors import InputError
from retrowalk.services.calendar_date import CalendarDate
from retrowalk.services.clock import Clock
from retrowalk.services.commands import Command, read_command
from retrowalk.services.onboard import LOCAL_ACCOUNT
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import CLEARANCE_NOTES_LENGTH, CLINICIAN_NAME_LENGTH, Clearance
from retrowalk.services.rescreen import ProfileChanged, Rescreen, rescreen
from retrowalk.services.walker_plan import require_walker


class ClearanceIn(Command):
    """The day the clinician cleared the walker (None: today), who, and what they said."""

    on: CalendarDate | None = None
    clinician: str | None = Field(default=None, min_length=1, max_length=CLINICIAN_NAME_LENGTH)
    notes: str | None = Field(default=None, min_length=1, max_length=CLEARANCE_NOTES_LENGTH)

    @field_validator("clinician", "notes")
    @classmethod
    def _storable(cls, text: str | None) -> str | None:
        """Text every database keeps as given (PostgreSQL refuses the NUL character)."""
        if text is not None and "\x00" in text:
            raise ValueError("remove the NUL character (\\x00) from the text")
        return text


def clearance_command(data: dict[str, Any]) -> ClearanceIn:
    return read_command(ClearanceIn, data)


def record_clearance(
    walker_id: int,
    command: ClearanceIn,
    uow: UnitOfWork,
    clock: Clock,
    account: str = LOCAL_ACCOUNT,
) -> ProfileChanged:
    """Record the clearance as `account`, lift the engine's stop or pause, screen again and
    re-plan."""
    today = clock.today()
    on = command.on or today
    if on > today:
        raise InputError("on", on.isoformat(), f"give a date not after today ({today})")
    with uow:
        walker = require_walker(uow, walker_id, lock=True)
        surgery = walker.profile.surgery
        if surgery is not None and on < surgery.on:
            raise InputError(
                "on",
                on.isoformat(),
                f"give a date on or after the operation ({surgery.on.isoformat()})",
            )
        clearance = Clearance(on, command.clinician, command.notes)
        profile = replace(walker.profile, cleared_by_clinician=True)
        return rescreen(uow, clock, walker, Rescreen(profile, clearance=clearance), account)
