"""Pieces every outgoing schema shares: a speed in both units, a dose, a flag, a problem."""

from __future__ import annotations

import datetime as dt
import math

from pydantic import BaseModel, ConfigDict

from retrowalk.domain.dose import Dose
from retrowalk.domain.errors import SHOWN_CHARACTERS, InputError, shown
from retrowalk.domain.progression import Decision
from retrowalk.domain.screening import Flag
from retrowalk.domain.units import Speed, SpeedUnit

# Ids travel in 32 bits on every database we support; larger ones cannot name anything.
MAX_ID = 2**31 - 1


class Public(BaseModel):
    model_config = ConfigDict(frozen=True)


class SpeedPublic(Public):
    mph: float
    kmh: float

    @classmethod
    def of(cls, speed: Speed | None) -> SpeedPublic | None:
        if speed is None:
            return None
        return cls(
            mph=round(speed.in_unit(SpeedUnit.MPH), 2), kmh=round(speed.in_unit(SpeedUnit.KMH), 2)
        )


class DosePublic(Public):
    minutes: float
    hand_support: str
    speed: SpeedPublic | None
    incline_percent: float
    resistance_level: int | None
    load_kg: float | None
    distance_m: int | None

    @classmethod
    def of(cls, dose: Dose) -> DosePublic:
        return cls(
            minutes=dose.minutes,
            hand_support=dose.hands.value,
            speed=SpeedPublic.of(dose.speed),
            incline_percent=dose.incline_percent,
            resistance_level=dose.resistance_level,
            load_kg=dose.load_kg,
            distance_m=dose.distance_m,
        )


class DecisionPublic(Public):
    kind: str
    changed: str | None
    walk: bool
    reasons: list[str]
    dose: DosePublic

    @classmethod
    def of(cls, decision: Decision) -> DecisionPublic:
        return cls(
            kind=decision.kind.value,
            changed=None if decision.changed is None else decision.changed.value,
            walk=decision.walk,
            reasons=list(decision.reasons),
            dose=DosePublic.of(decision.dose),
        )


class FlagPublic(Public):
    level: str
    code: str
    message: str

    @classmethod
    def of(cls, flag: Flag) -> FlagPublic:
        return cls(level=flag.level.value, code=flag.code, message=flag.message)


class ProblemPublic(Public):
    """One thing wrong with a request: the field, the value given and what is allowed."""

    field: str
    value: str | int | float | bool | None
    allowed: str
    message: str

    @classmethod
    def of(cls, error: InputError) -> ProblemPublic:
        return cls(
            field=error.field, value=_plain(error.value), allowed=error.allowed, message=str(error)
        )


def _plain(value: object) -> str | int | float | bool | None:
    """The value as JSON can carry it: text for anything else (NaN and infinity included), and
    long text cut short (an answer never echoes a large request back)."""
    if isinstance(value, str) and len(value) > SHOWN_CHARACTERS:
        return shown(value)
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, int) and abs(value) < 2**63:
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    return shown(value)


class ProblemsPublic(Public):
    detail: list[ProblemPublic]


class NextPublic(Public):
    """The session after a change: its date and the engine's decision."""

    on: dt.date
    decision: DecisionPublic
