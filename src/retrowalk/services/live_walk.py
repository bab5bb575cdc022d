"""The live coach on stored data: today's walk from the services (`WalkSource`), and the walk
logged through the session-log service when it ends (`SessionLogger`)."""

from __future__ import annotations

from collections.abc import Callable

from retrowalk.coach.completed import CompletedSession
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.cues import Cue, say
from retrowalk.domain.equipment import Deadmill, ManualTreadmill, MotorizedTreadmill
from retrowalk.domain.errors import InputError, SafetyLimitError
from retrowalk.domain.units import Speed, SpeedUnit
from retrowalk.services import treadmill_profile
from retrowalk.services.clock import Clock
from retrowalk.services.log_session import log_command, log_session
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import MphVerdict, StoredWalker
from retrowalk.services.today import SessionAhead, today_session
from retrowalk.services.walker_plan import programme_of, require_plan

NewUnitOfWork = Callable[[], UnitOfWork]


class StoredWalks:
    """Today's session of a stored walker, shown in `unit`. Refuses a day that has no walk:
    a red flag or a stop for safety (SafetyLimitError), a rest day (InputError naming the date)."""

    def __init__(
        self, walker: StoredWalker, new_uow: NewUnitOfWork, clock: Clock, unit: SpeedUnit
    ) -> None:
        self._walker, self._new_uow, self._clock, self._unit = walker, new_uow, clock, unit

    def todays_walk(self) -> TodaysWalk:
        today = today_session(self._walker.id, self._new_uow(), self._clock)
        if today.red_flags:
            reasons = " ".join(flag.message for flag in today.red_flags)
            raise SafetyLimitError(f"no plan to walk: {reasons}")
        ahead = today.session
        assert ahead is not None  # without red flags, onboarding planned a session
        if not ahead.decision.walk:
            raise SafetyLimitError(f"no walking today: {' '.join(ahead.decision.reasons)}")
        if not ahead.is_today:
            allowed = f"today is a rest day; the next session is on {ahead.on.isoformat()}"
            raise InputError("date", self._clock.today().isoformat(), allowed)
        if not on_a_treadmill(self._walker):
            allowed = "the live coach runs on a treadmill for now (motorized, deadmill or manual)"
            raise InputError("equipment.kind", self._walker.equipment.kind.value, allowed)
        return self._walk(ahead)

    def remember_mph_verdict(self, verdict: MphVerdict) -> None:
        treadmill_profile.remember_mph_verdict(self._walker.id, verdict, self._new_uow())

    def _walk(self, ahead: SessionAhead) -> TodaysWalk:
        with self._new_uow().reading() as uow:
            before = require_plan(uow, self._walker).state_before
        previous = before.dose.speed if before.walked > 0 else None
        return walk_for(self._walker, ahead, previous, self._unit)


def on_a_treadmill(walker: StoredWalker) -> bool:
    """The live coach's set-up, belt and cues are for a treadmill (a sled or the open road
    have neither rails nor console)."""
    return isinstance(walker.equipment, MotorizedTreadmill | Deadmill | ManualTreadmill)


def walk_for(
    walker: StoredWalker, ahead: SessionAhead, previous_speed: Speed | None, unit: SpeedUnit
) -> TodaysWalk:
    """A session of the walker's plan as the coach walks it (`previous_speed`: the speed of the
    last session walked, for the step up inside the first set)."""
    p = programme_of(walker)
    dose = ahead.decision.dose
    treadmill = p.equipment if isinstance(p.equipment, MotorizedTreadmill) else None
    ceiling = p.speed_cap if dose.incline_percent > 0 else p.speed_ceiling
    return TodaysWalk(
        dose=dose,
        sets=ahead.sets,
        rest_minutes=ahead.rest_minutes,
        unit=unit,
        previous_speed=previous_speed,
        treadmill=treadmill,
        speed_ceiling=ceiling if treadmill is not None else None,
        label=f"session {ahead.seq + 1}, {ahead.on.isoformat()}",
        mph_verdict=walker.mph_verdict if treadmill is not None else None,
    )


class StoredLogger:
    """Logs a completed walk for the walker and answers with the next session's decision."""

    def __init__(self, walker_id: int, new_uow: NewUnitOfWork, clock: Clock) -> None:
        self._walker_id, self._new_uow, self._clock = walker_id, new_uow, clock

    def log(self, completed: CompletedSession) -> str:
        command = log_command(walker_id=self._walker_id, **completed.log_entry())
        following = log_session(command, self._new_uow(), self._clock).next_session
        reasons = " ".join(following.decision.reasons)
        return say(Cue.NEXT_SESSION, date=following.on.isoformat(), reasons=reasons).text
