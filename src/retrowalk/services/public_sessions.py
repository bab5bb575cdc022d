"""The public shapes of logged sessions and of today's session, for the JSON API and the CLI's
`--json` alike (docs/json.md). An entry's answers are the fields of `SessionOutcome`, taken from
the one list of them (domain/outcome_fields.py); null is an answer not given (unknown)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, create_model

from retrowalk.domain.outcome_fields import OUTCOME_FIELDS, OutcomeField
from retrowalk.services.public import DecisionPublic, FlagPublic, Public, SpeedPublic
from retrowalk.services.records import LoggedEntry, LoggedSession, SessionLog
from retrowalk.services.today import Today


def _answer(field: OutcomeField) -> tuple[Any, Any]:
    kind: Any = field.kind | None if field.optional else field.kind
    return kind, Field(description=field.label)


# The answers, one per outcome field, in the domain's order.
_ANSWERS: dict[str, Any] = {f.name: _answer(f) for f in OUTCOME_FIELDS}
_AnswersPublic = create_model("AnswersPublic", __base__=Public, **_ANSWERS)


class EntryPublic(_AnswersPublic):
    """A logged session's entry: the answers, then what was done (hands, speed, incline), the day
    the next-morning pain was reported (null until it is), notes, where the log came from and
    why the walk stopped before its end (null: it did not, or not said)."""

    hands_used: str | None
    speed_done: SpeedPublic | None
    incline_done_percent: float | None
    next_morning_on: dt.date | None
    notes: str
    source: str
    stop_reason: str | None

    @classmethod
    def of(cls, entry: LoggedEntry) -> EntryPublic:
        outcome, performed = entry.outcome, entry.performed
        answers = {f.name: getattr(outcome, f.name) for f in OUTCOME_FIELDS}
        done = {
            "hands_used": None if performed.hands is None else performed.hands.value,
            "speed_done": SpeedPublic.of(performed.speed),
            "incline_done_percent": performed.incline_percent,
            "next_morning_on": entry.next_morning_on,
            "notes": entry.notes,
            "source": entry.source.value,
            "stop_reason": None if entry.stop_reason is None else entry.stop_reason.value,
        }
        return cls.model_validate(answers | done)


class SessionPublic(Public):
    id: int
    on: dt.date
    deleted: bool
    entry: EntryPublic

    @classmethod
    def of(cls, log: SessionLog) -> SessionPublic:
        return cls(id=log.id, on=log.on, deleted=log.deleted, entry=EntryPublic.of(log.entry))


class HistoryItemPublic(Public):
    id: int
    seq: int
    on: dt.date
    prescribed: DecisionPublic
    entry: EntryPublic

    @classmethod
    def of(cls, logged: LoggedSession) -> HistoryItemPublic:
        return cls(
            id=logged.log_id,
            seq=logged.seq,
            on=logged.on,
            prescribed=DecisionPublic.of(logged.prescribed),
            entry=EntryPublic.of(logged.entry),
        )


class SessionAheadPublic(Public):
    seq: int
    on: dt.date
    is_today: bool
    decision: DecisionPublic
    sets: list[float]
    rest_minutes: float
    energy_kcal: float | None
    met: float | None


class TodayPublic(Public):
    walker_id: int
    session: SessionAheadPublic | None
    red_flags: list[FlagPublic]

    @classmethod
    def of(cls, today: Today) -> TodayPublic:
        ahead = today.session
        session = None
        if ahead is not None:
            energy = ahead.energy
            session = SessionAheadPublic(
                seq=ahead.seq,
                on=ahead.on,
                is_today=ahead.is_today,
                decision=DecisionPublic.of(ahead.decision),
                sets=list(ahead.sets),
                rest_minutes=ahead.rest_minutes,
                energy_kcal=None if energy is None else energy.kcal,
                met=None if energy is None else energy.met,
            )
        flags = [FlagPublic.of(flag) for flag in today.red_flags]
        return cls(walker_id=today.walker_id, session=session, red_flags=flags)
