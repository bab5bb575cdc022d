"""Progress over a period: one point per session walked (minutes, speed, incline, pain, energy),
weekly volume against the plan, adherence and the streak of weeks walked as planned.

Weeks are the plan's own (from the prescription's start), so a week's planned count is the
schedule's; adherence counts the planned slots up to today against the sessions walked.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from retrowalk.domain.dose import Dose
from retrowalk.domain.energy import EnergyEstimate
from retrowalk.domain.plan import session_energy
from retrowalk.domain.programme import Programme
from retrowalk.domain.schedule import planned_days
from retrowalk.domain.units import SpeedUnit
from retrowalk.services.clock import Clock
from retrowalk.services.history import Period
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import SessionFacts
from retrowalk.services.walker_plan import programme_of, require_walker


@dataclass(frozen=True, slots=True)
class ProgressPoint:
    on: date
    minutes: float
    speed_mph: float | None
    speed_kmh: float | None
    incline_percent: float
    pain_during: int | None
    pain_after: int | None
    pain_next_morning: int | None
    rpe: int | None
    energy_kcal: float | None


@dataclass(frozen=True, slots=True)
class WeekVolume:
    starts: date
    minutes: float
    sessions: int
    planned: int


@dataclass(frozen=True, slots=True)
class Progress:
    points: tuple[ProgressPoint, ...]
    weeks: tuple[WeekVolume, ...]
    adherence: float | None
    streak_weeks: int
    energy_kcal: float | None


def progress(period: Period, uow: UnitOfWork, clock: Clock) -> Progress:
    with uow.reading():
        walker = require_walker(uow, period.walker_id)
        logged = uow.sessions.facts(walker.id, period.since, period.until)
    p = programme_of(walker)
    energy = _EnergyOf(p)
    points = tuple(_point(facts, energy) for facts in logged if facts.done)
    start = walker.prescription.start
    first = max(period.since or start, start)
    last = min(period.until or clock.today(), clock.today())
    rest_weeks = p.protocol.schedule.rest_day_weeks
    plan = walker.prescription
    slots = planned_days(plan.start, plan.sessions_per_week, rest_weeks, first, last)
    weeks = _weeks(start, points, slots)
    kcal = [pt.energy_kcal for pt in points if pt.energy_kcal is not None]
    return Progress(
        points=points,
        weeks=weeks,
        adherence=round(min(1.0, len(points) / len(slots)), 3) if slots else None,
        streak_weeks=_streak(weeks, clock.today()),
        energy_kcal=round(sum(kcal), 1) if kcal else None,
    )


def _point(facts: SessionFacts, energy_of: _EnergyOf) -> ProgressPoint:
    dose = facts.dose
    done = Dose(
        dose.minutes if facts.minutes_done is None else facts.minutes_done,
        dose.hands,
        facts.speed_done or dose.speed,
        dose.incline_percent if facts.incline_done is None else facts.incline_done,
        dose.resistance_level,
        dose.load_kg,
        dose.distance_m,
        dose.set_count,
    )
    energy = energy_of(done)
    return ProgressPoint(
        on=facts.on,
        minutes=done.minutes,
        speed_mph=_speed(done, SpeedUnit.MPH),
        speed_kmh=_speed(done, SpeedUnit.KMH),
        incline_percent=done.incline_percent,
        pain_during=facts.pain_during,
        pain_after=facts.pain_after,
        pain_next_morning=facts.pain_next_morning,
        rpe=facts.rpe,
        energy_kcal=None if energy is None else energy.kcal,
    )


class _EnergyOf:
    """Energy per dose, worked out once per distinct dose (most sessions repeat one)."""

    def __init__(self, p: Programme) -> None:
        self._p = p
        self._known: dict[Dose, EnergyEstimate | None] = {}

    def __call__(self, dose: Dose) -> EnergyEstimate | None:
        if dose not in self._known:
            self._known[dose] = session_energy(self._p, dose)
        return self._known[dose]


def _speed(dose: Dose, unit: SpeedUnit) -> float | None:
    return None if dose.speed is None else round(dose.speed.in_unit(unit), 2)


def _weeks(
    start: date, points: tuple[ProgressPoint, ...], slots: list[date]
) -> tuple[WeekVolume, ...]:
    first = start.toordinal()
    minutes: defaultdict[int, float] = defaultdict(float)
    walked: Counter[int] = Counter()
    for point in points:
        week = max(0, (point.on.toordinal() - first) // 7)
        minutes[week] += point.minutes
        walked[week] += 1
    planned = Counter(max(0, (day.toordinal() - first) // 7) for day in slots)
    return tuple(
        WeekVolume(
            start + timedelta(weeks=week), round(minutes[week], 2), walked[week], planned[week]
        )
        for week in sorted(set(planned) | set(walked))
    )


def _streak(weeks: tuple[WeekVolume, ...], today: date) -> int:
    """Weeks in a row, back from the latest, walked as often as planned. A week still under
    way and not yet met neither counts nor breaks the streak."""
    ordered = list(weeks)
    latest = ordered[-1] if ordered else None
    if latest and latest.sessions < latest.planned and today < latest.starts + timedelta(weeks=1):
        ordered.pop()
    streak = 0
    for week in reversed(ordered):
        if week.sessions < week.planned or week.planned == 0:
            break
        streak += 1
    return streak
