"""The public shapes of what the engine decides, as the JSON API and the CLI's `--json` both give
them (one contract, docs/json.md): a speed in both units, a dose, a decision, a planned session
and a flag. Built from the services' records by each model's `of`."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from retrowalk.domain.dose import Dose
from retrowalk.domain.progression import Decision
from retrowalk.domain.screening import Flag
from retrowalk.domain.units import Speed, SpeedUnit
from retrowalk.services.records import StoredPlannedSession


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
    set_count: int | None

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
            set_count=dose.set_count,
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


class PlannedPublic(Public):
    """A planned session: its number (`seq`, 0 the first), its date and the engine's decision."""

    seq: int
    on: dt.date
    decision: DecisionPublic

    @classmethod
    def of(cls, planned: StoredPlannedSession) -> PlannedPublic:
        return cls(seq=planned.seq, on=planned.on, decision=DecisionPublic.of(planned.decision))

    @classmethod
    def of_any(cls, planned: StoredPlannedSession | None) -> PlannedPublic | None:
        return None if planned is None else cls.of(planned)


class FlagPublic(Public):
    level: str
    code: str
    message: str

    @classmethod
    def of(cls, flag: Flag) -> FlagPublic:
        return cls(level=flag.level.value, code=flag.code, message=flag.message)
