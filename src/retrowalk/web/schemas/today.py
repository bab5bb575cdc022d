"""Today's session (or the next one), as the API gives it."""

from __future__ import annotations

import datetime as dt

from retrowalk.services.today import Today
from retrowalk.web.schemas.common import DecisionPublic, FlagPublic, Public


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
