"""The live walk, for every face: today's walk of a stored walker, and the walk logged when it
ends (with a treadmill's samples, its check-in and its mph verdict, in one unit of work).

The terminal takes today's walk as a `WalkSource` (`StoredWalks`) and logs through a
`SessionLogger` (`StoredLogger`); the web page asks for `live_walk` (today's walk and its
timeline, for the page's own runner) and logs what the page reports with `log_reported_walk`,
whose record the coach rebuilds by the Python runner's rules (coach/reported.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.completed import CompletedSession
from retrowalk.coach.reported import WalkReport, walk_record
from retrowalk.coach.schedule import build_timeline
from retrowalk.coach.timeline import Timeline
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.cues import Cue, say
from retrowalk.domain.equipment import Deadmill, ManualTreadmill, MotorizedTreadmill
from retrowalk.domain.errors import InputError, SafetyLimitError
from retrowalk.domain.treadmill_record import DeviceTrace
from retrowalk.domain.units import Speed, SpeedUnit
from retrowalk.services.clock import Clock
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import StoredWalker
from retrowalk.services.today import SessionAhead, today_session
from retrowalk.services.walker_plan import programme_of, require_plan

if TYPE_CHECKING:
    # Logging (and its entry models) loads when a walk is logged: today's card only reads.
    from retrowalk.services.log_session import Logged

NewUnitOfWork = Callable[[], UnitOfWork]


@dataclass(frozen=True, slots=True)
class LiveWalk:
    """Today's walk, its timeline, and the planned session it walks (`seq`)."""

    seq: int
    walk: TodaysWalk
    timeline: Timeline


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
        return _walk(self._walker, ahead, self._new_uow, self._unit)


def live_walk(
    walker: StoredWalker,
    new_uow: NewUnitOfWork,
    clock: Clock,
    unit: SpeedUnit,
    seq: int | None = None,
) -> LiveWalk:
    """Today's session as a walk for a page's runner; an InputError when there is none to walk
    today. With `seq`, the session a page names: a ConflictError if it is logged already (said
    before "not today", which a walk just logged also is)."""
    from retrowalk.services.log_session import check_seq

    ahead = today_session(walker.id, new_uow(), clock).session
    if ahead is None:
        raise InputError("walker_id", walker.id, "there is no plan to walk; see the today page")
    check_seq(seq, ahead.seq)
    if not ahead.is_today:
        raise InputError("date", clock.today().isoformat(), f"the next session is on {ahead.on}")
    if not ahead.decision.walk:
        raise InputError("walker_id", walker.id, " ".join(ahead.decision.reasons))
    walk = _walk(walker, ahead, new_uow, unit)
    return LiveWalk(ahead.seq, walk, build_timeline(walk))


def setting_for_today(
    walker: StoredWalker, new_uow: NewUnitOfWork, clock: Clock, setting: BeltSetting
) -> LiveWalk:
    """Today's walk, for a belt `setting` a page asks for during it: a SafetyLimitError when the
    setting goes above today's limits, so a refused setting never reaches a belt."""
    live = live_walk(walker, new_uow, clock, walker.profile.units.speed_unit)
    live.walk.limits.check(setting.speed, setting.incline_percent)
    return live


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


def _walk(
    walker: StoredWalker, ahead: SessionAhead, new_uow: NewUnitOfWork, unit: SpeedUnit
) -> TodaysWalk:
    with new_uow().reading() as uow:
        before = require_plan(uow, walker).state_before
    previous = before.dose.speed if before.walked > 0 else None
    return walk_for(walker, ahead, previous, unit)


def log_walk(
    walker_id: int,
    completed: CompletedSession,
    new_uow: NewUnitOfWork,
    clock: Clock,
    seq: int | None = None,
) -> Logged:
    """Log a completed walk: the outcome, the check-in, a treadmill's samples and its new mph
    verdict, all in one transaction (a failure keeps none of them). With `seq`, the walk is of
    that planned session or nothing (simultaneous reports of one walk log it once)."""
    from retrowalk.services.log_session import log_command, log_session

    command = log_command(walker_id=walker_id, seq=seq, **completed.log_entry())
    verdict = None if completed.trace is None else completed.trace.mph_verdict
    return log_session(command, new_uow(), clock, verdict)


def log_reported_walk(
    walker: StoredWalker,
    report: WalkReport,
    new_uow: NewUnitOfWork,
    clock: Clock,
    trace: DeviceTrace | None = None,
) -> tuple[CompletedSession, Logged]:
    """Log the walk a page's runner reports, rebuilt from the same timeline by the coach's rules;
    with a treadmill's `trace`, its samples, partial reasons and verdict go with it (source
    `device`). Of session `report.seq` or nothing: checked under the walker's lock."""
    live = live_walk(walker, new_uow, clock, walker.profile.units.speed_unit, report.seq)
    record = walk_record(live.timeline, report)
    check_in = report.answers.check_in(live.walk.dose.hands)
    completed = CompletedSession(live.walk, record, check_in, trace)
    return completed, log_walk(walker.id, completed, new_uow, clock, report.seq)


class StoredLogger:
    """Logs a completed walk for the walker and answers with the next session's decision."""

    def __init__(self, walker_id: int, new_uow: NewUnitOfWork, clock: Clock) -> None:
        self._walker_id, self._new_uow, self._clock = walker_id, new_uow, clock

    def log(self, completed: CompletedSession) -> str:
        following = log_walk(self._walker_id, completed, self._new_uow, self._clock).next_session
        reasons = " ".join(following.decision.reasons)
        return say(Cue.NEXT_SESSION, date=following.on.isoformat(), reasons=reasons).text
