"""A logged session as people give it: the outcome, what was actually done, notes and source.

`LogIn` reuses the scenario's outcome fields and their bounds; a next-morning pain is left out
until it is known (it is often added the day after, see `log_edit.add_next_morning_pain`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, ValidationInfo, field_validator

from retrowalk.domain.dose import HandSupport
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.units import Speed
from retrowalk.services.commands import Command
from retrowalk.services.records import LoggedEntry, Performed, Sample, Source
from retrowalk.services.scenario import OutcomeIn, Pain

_OUTCOME_FIELDS = tuple(name for name in SessionOutcome.__dataclass_fields__)


class SampleIn(Command):
    second: int = Field(ge=0, le=86400)
    speed_mps: float | None = Field(default=None, ge=0, le=10)
    incline_percent: float | None = Field(default=None, ge=-10, le=40)
    distance_m: float | None = Field(default=None, ge=0)
    heart_rate: int | None = Field(default=None, ge=20, le=250)


class EntryIn(OutcomeIn):
    pain_next_morning: Pain | None = None  # type: ignore[assignment]
    hands_used: HandSupport | None = None
    # The same bounds as the database's check constraint, so a refusal names the field.
    speed_done_mph: float | None = Field(default=None, ge=0, le=10)
    speed_done_kmh: float | None = Field(default=None, ge=0, le=10)
    incline_done_percent: float | None = Field(default=None, ge=0, le=40)
    notes: str = Field(default="", max_length=4000)
    source: Source = Source.MANUAL

    @field_validator("cleared_by_clinician")
    @classmethod
    def _not_a_clearance(cls, cleared: bool) -> bool:
        if cleared:
            raise ValueError("a clinician's clearance is not part of a session log")
        return cleared

    @field_validator("speed_done_kmh")
    @classmethod
    def _one_speed_unit(cls, kmh: float | None, info: ValidationInfo) -> float | None:
        if kmh is not None and info.data.get("speed_done_mph") is not None:
            raise ValueError("give speed_done_mph or speed_done_kmh, not both")
        return kmh

    def entry(self, next_morning_on: dt.date | None) -> LoggedEntry:
        outcome = SessionOutcome(
            **self.model_dump(include=set(_OUTCOME_FIELDS) - {"pain_next_morning"}),
            pain_next_morning=self.pain_next_morning,
        )
        speed = None
        if self.speed_done_mph is not None:
            speed = Speed.mph(self.speed_done_mph)
        elif self.speed_done_kmh is not None:
            speed = Speed.kmh(self.speed_done_kmh)
        performed = Performed(speed, self.incline_done_percent, self.hands_used)
        reported = next_morning_on if self.pain_next_morning is not None else None
        return LoggedEntry(outcome, performed, reported, self.notes, self.source)


def entry_fields(entry: LoggedEntry) -> dict[str, Any]:
    """The EntryIn fields that give back `entry` (for edits: change a few, keep the rest)."""
    outcome, performed = entry.outcome, entry.performed
    fields: dict[str, Any] = {name: getattr(outcome, name) for name in _OUTCOME_FIELDS}
    if entry.next_morning_on is None:
        fields["pain_next_morning"] = None
    speed = performed.speed
    fields |= {
        "hands_used": performed.hands,
        "speed_done_mph": speed.value if speed is not None and speed.unit == "mph" else None,
        "speed_done_kmh": speed.value if speed is not None and speed.unit == "kmh" else None,
        "incline_done_percent": performed.incline_percent,
        "notes": entry.notes,
        "source": entry.source,
    }
    return fields


def samples_of(samples: tuple[SampleIn, ...]) -> list[Sample]:
    return [Sample(**s.model_dump()) for s in samples]
