"""A logged session as people give it: the outcome, what was actually done, notes and source.

`EntryIn` takes the scenario's bounds for pain and minutes; a next-morning pain is left out
until it is known (it is often added the day after, see `log_edit.add_next_morning_pain`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import Field, ValidationInfo, field_validator

from retrowalk.domain.dose import HandSupport
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.outcome_fields import OUTCOME_NAMES
from retrowalk.domain.stop_reason import StopReason
from retrowalk.domain.units import Speed
from retrowalk.services.calendar_date import CalendarDate
from retrowalk.services.commands import Command
from retrowalk.services.numbers import FROM_TEXT
from retrowalk.services.records import LoggedEntry, Performed, Sample, Source
from retrowalk.services.scenario import MinutesDone, Pain

Minutes = Annotated[MinutesDone, FROM_TEXT]
SpeedDone = Annotated[float, Field(ge=0, le=10), FROM_TEXT]
InclineDone = Annotated[float, Field(ge=0, le=40), FROM_TEXT]


class SampleIn(Command):
    second: int = Field(ge=0, le=86400)
    speed_mps: float | None = Field(default=None, ge=0, le=10)
    incline_percent: float | None = Field(default=None, ge=-10, le=40)
    distance_m: float | None = Field(default=None, ge=0)
    heart_rate: int | None = Field(default=None, ge=20, le=250)


class EntryIn(Command):
    """A session's answers and what was done, as any face gives them. It carries only what a log
    accepts (a clinician's clearance is no part of it)."""

    done: bool = True
    # Typed numbers may come as text with a decimal comma ("1,2"), read alike on every face.
    minutes_done: Minutes | None = None
    # An answer not given is unknown (None), never the prescription's 0 or 4, never "no sharp
    # pain" or "good form" (PROTOCOL.md §11): an unknown answer never counts as good.
    pain_during: Pain | None = None
    pain_after: Pain | None = None
    pain_next_morning: Pain | None = None
    rpe: int | None = Field(default=None, ge=0, le=10)
    sharp_pain: bool | None = None
    stable_without_hands: bool = False
    form_ok: bool | None = None
    swelling: bool | None = None
    locking: bool | None = None
    giving_way: bool | None = None
    date: CalendarDate | None = None
    hands_used: HandSupport | None = None
    # The same bounds as the database's check constraint, so a refusal names the field.
    speed_done_mph: SpeedDone | None = None
    speed_done_kmh: SpeedDone | None = None
    incline_done_percent: InclineDone | None = None
    notes: str = Field(default="", max_length=4000)
    source: Source = Source.MANUAL
    stop_reason: StopReason | None = None

    @field_validator("speed_done_kmh")
    @classmethod
    def _one_speed_unit(cls, kmh: float | None, info: ValidationInfo) -> float | None:
        if kmh is not None and info.data.get("speed_done_mph") is not None:
            raise ValueError("give speed_done_mph or speed_done_kmh, not both")
        return kmh

    @property
    def speed_done(self) -> Speed | None:
        if self.speed_done_mph is not None:
            return Speed.mph(self.speed_done_mph)
        if self.speed_done_kmh is not None:
            return Speed.kmh(self.speed_done_kmh)
        return None

    def entry(self, next_morning_on: dt.date | None) -> LoggedEntry:
        answers = self.model_dump(include=set(OUTCOME_NAMES))
        outcome = SessionOutcome(**answers)
        performed = Performed(self.speed_done, self.incline_done_percent, self.hands_used)
        reported = next_morning_on if self.pain_next_morning is not None else None
        return LoggedEntry(outcome, performed, reported, self.notes, self.source, self.stop_reason)


def entry_fields(entry: LoggedEntry) -> dict[str, Any]:
    """The EntryIn fields that give back `entry` (for edits: change a few, keep the rest)."""
    outcome, performed = entry.outcome, entry.performed
    fields: dict[str, Any] = {name: getattr(outcome, name) for name in OUTCOME_NAMES}
    speed = performed.speed
    fields |= {
        "hands_used": performed.hands,
        "speed_done_mph": speed.value if speed is not None and speed.unit == "mph" else None,
        "speed_done_kmh": speed.value if speed is not None and speed.unit == "kmh" else None,
        "incline_done_percent": performed.incline_percent,
        "notes": entry.notes,
        "source": entry.source,
        "stop_reason": entry.stop_reason,
    }
    return fields


def samples_of(samples: tuple[SampleIn, ...]) -> list[Sample]:
    return [Sample(**s.model_dump()) for s in samples]
