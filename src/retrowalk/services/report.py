"""The report for the therapist's chart (issue 15): who the walker is and what they answered, the
protocol and limits in force, the dose walked and the pain over time, adherence, every decision
with the engine's reason, flags and stops, and the walker's notes, over a period (the whole
record by default), read from the typed history in one unit of work.

Unknown answers stay None (the faces write "not given"); speeds are in the walker's own units.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from retrowalk.domain.programme import Programme
from retrowalk.domain.schedule import planned_days
from retrowalk.domain.units import UnitSystem
from retrowalk.services.answer_words import (
    Answer,
    condition_words,
    profile_answers,
    screening_answers,
)
from retrowalk.services.clock import Clock
from retrowalk.services.history import Period
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import LoggedSession, StoredPlannedSession
from retrowalk.services.report_decisions import DecisionLine, Decisions, decision_line, summarised
from retrowalk.services.report_events import Event, Note, events_of, notes_of
from retrowalk.services.report_limits import Limit, limits_in_force
from retrowalk.services.walker_plan import programme_of, require_walker

WINDOW_DAYS = 30


@dataclass(frozen=True, slots=True)
class DosePoint:
    """One session walked: the dose actually walked (speed in the walker's units, None without
    a belt speed) and the pain reported (None: not given)."""

    on: date
    minutes: float
    speed: float | None
    incline_percent: float
    pain_during: int | None
    pain_after: int | None
    pain_next_morning: int | None


@dataclass(frozen=True, slots=True)
class Window:
    """A 30-day window (the oldest may be shorter): sessions walked against planned, and the
    days with a logged session (walked or missed)."""

    starts: date
    ends: date
    done: int
    planned: int
    days_with_data: int


@dataclass(frozen=True, slots=True)
class Report:
    walker_id: int
    who: str
    made_on: date
    first: date
    last: date
    units: UnitSystem
    profile: tuple[Answer, ...]
    screening: tuple[Answer, ...]
    plan_start: date
    limits: tuple[Limit, ...]
    points: tuple[DosePoint, ...]
    baseline_pain: int
    pain_limit: int
    sessions_done: int
    sessions_planned: int
    sessions_missed: int
    windows: tuple[Window, ...]
    decisions: Decisions
    next_session: DecisionLine | None
    events: tuple[Event, ...]
    notes: tuple[Note, ...]
    notes_left_out: int

    @property
    def has_incline(self) -> bool:
        return any(point.incline_percent for point in self.points)

    @property
    def has_speed(self) -> bool:
        return any(point.speed is not None for point in self.points)


def therapist_report(period: Period, uow: UnitOfWork, clock: Clock) -> Report:
    today = clock.today()
    with uow.reading():
        walker = require_walker(uow, period.walker_id)
        logged = uow.sessions.history(walker.id, period.since, period.until)
        pending = uow.sessions.latest_planned(walker.id)
        changes = uow.profile_changes.for_walker(walker.id)
    p = programme_of(walker)
    first = period.since or min([walker.prescription.start, *(s.on for s in logged)])
    last = period.until or max([today, *(s.on for s in logged)])
    open_ended = period.until is None or (pending is not None and pending.on <= period.until)
    upcoming = pending if pending is not None and open_ended and first <= pending.on else None
    if upcoming is not None and any(s.seq == upcoming.seq for s in logged):
        upcoming = None
    planned = planned_days(
        walker.prescription.start,
        walker.prescription.sessions_per_week,
        p.protocol.schedule.rest_day_weeks,
        first,
        min(last, today),
    )
    walked = [s for s in logged if s.entry.outcome.done]
    notes, left_out = notes_of(logged)
    return Report(
        walker_id=walker.id,
        who=f"Walker {walker.id}, {walker.profile.age} years, {condition_words(walker.profile)}",
        made_on=today,
        first=first,
        last=last,
        units=walker.profile.units,
        profile=profile_answers(walker.profile, walker.equipment),
        screening=screening_answers(walker.profile),
        plan_start=walker.prescription.start,
        limits=limits_in_force(p, walker.prescription),
        points=tuple(_point(s, walker.profile.units) for s in walked),
        baseline_pain=walker.profile.rest_pain,
        pain_limit=p.protocol.pain.acceptable_max,
        sessions_done=len(walked),
        sessions_planned=len(planned),
        sessions_missed=len(logged) - len(walked),
        windows=_windows(first, last, logged, planned),
        decisions=summarised([_line(p, s) for s in logged]),
        next_session=None if upcoming is None else _next(p, upcoming),
        events=events_of(p, walker, logged, changes, upcoming, first, last),
        notes=notes,
        notes_left_out=left_out,
    )


def _point(logged: LoggedSession, units: UnitSystem) -> DosePoint:
    dose, entry = logged.prescribed.dose, logged.entry
    outcome, performed = entry.outcome, entry.performed
    speed = performed.speed or dose.speed
    incline = performed.incline_percent
    return DosePoint(
        on=logged.on,
        minutes=outcome.walked_minutes(dose),
        speed=None if speed is None else round(speed.in_unit(units.speed_unit), 2),
        incline_percent=dose.incline_percent if incline is None else incline,
        pain_during=outcome.pain_during,
        pain_after=outcome.pain_after,
        pain_next_morning=outcome.pain_next_morning,
    )


def _line(p: Programme, logged: LoggedSession) -> DecisionLine:
    return decision_line(p, logged.on, logged.prescribed, logged.entry.outcome.done)


def _next(p: Programme, pending: StoredPlannedSession) -> DecisionLine:
    return decision_line(p, pending.on, pending.decision, None)


def _windows(
    first: date, last: date, logged: list[LoggedSession], planned: list[date]
) -> tuple[Window, ...]:
    """30-day windows from the first day on; the latest ends on the last day (it may be
    shorter)."""
    windows = []
    starts = first.toordinal()
    while starts <= last.toordinal():
        ends = min(last.toordinal(), starts + WINDOW_DAYS - 1)
        inside = [s for s in logged if starts <= s.on.toordinal() <= ends]
        windows.append(
            Window(
                starts=date.fromordinal(starts),
                ends=date.fromordinal(ends),
                done=sum(1 for s in inside if s.entry.outcome.done),
                planned=sum(1 for day in planned if starts <= day.toordinal() <= ends),
                days_with_data=len({s.on for s in inside}),
            )
        )
        starts = ends + 1
    return tuple(windows)
