"""The clinician's desk: every patient's status at a glance, read in a handful of queries per
page whatever the number of patients (no query per patient): every patient's id and open flag
count, sorted; then for the page shown only, the walkers, their latest planned session and their
last 30 days of sessions.

Adherence is counted as clinicians count it: days with a logged session in the last 30 days
(remote-monitoring billing in the US asks for at least 16), and sessions walked against the
sessions the plan's schedule held. Pain is the worst known pain of each session, averaged per
week over the last 4 weeks; unknown pain is left out, never counted as 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from retrowalk.domain.dose import Dose
from retrowalk.domain.outcome import week_number
from retrowalk.domain.schedule import planned_days
from retrowalk.domain.units import UnitSystem, format_number
from retrowalk.protocols import load_protocol
from retrowalk.services.answer_words import condition_words
from retrowalk.services.clock import Clock
from retrowalk.services.desk_access import require_clinician
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import SessionFacts, StoredPlannedSession, StoredWalker

WINDOW_DAYS = 30
# Days with data in a 30-day window that US remote-monitoring billing asks for.
BILLABLE_DAYS = 16
TREND_WEEKS = 4
PAGE_SIZE = 50


@dataclass(frozen=True, slots=True)
class PainTrendWords:
    """Weekly mean pain, oldest first (None: no pain known that week), and a word for it."""

    weekly: tuple[float | None, ...]
    word: str


@dataclass(frozen=True, slots=True)
class PatientStatus:
    walker_id: int
    name: str  # the patient's account name, as they signed up
    who: str
    last_session: date | None
    days_with_data: int
    done: int
    planned: int
    pain: PainTrendWords
    dose: str | None
    open_flags: int

    @property
    def billable(self) -> bool:
        return self.days_with_data >= BILLABLE_DAYS


@dataclass(frozen=True, slots=True)
class Desk:
    clinician: str
    patients: tuple[PatientStatus, ...]
    page: int
    pages: int
    total: int


def desk(account: str, uow: UnitOfWork, clock: Clock, page: int = 1) -> Desk:
    """The clinician's patients, open flags first, one page of them."""
    today = clock.today()
    with uow.reading():
        clinician = require_clinician(uow, account)
        # Only ids and counts for every patient; the rest for the page shown only.
        ordered = uow.clinic.patients_by_open_flags(clinician.id)
        counts = dict(ordered)
        pages = max(1, -(-len(ordered) // PAGE_SIZE))
        page = min(max(1, page), pages)
        ids = [walker_id for walker_id, _ in ordered[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]]
        shown = uow.walkers.many(ids)
        names = uow.accounts.names([w.account_id for w in shown])
        pending = uow.sessions.latest_planned_for(ids)
        facts = uow.sessions.facts_for(ids, today - timedelta(days=WINDOW_DAYS - 1))
    patients = tuple(
        patient_status(
            w, names.get(w.account_id), pending.get(w.id), facts.get(w.id, []), counts, today
        )
        for w in shown
    )
    return Desk(clinician.name, patients, page, pages, len(ordered))


def patient_status(
    walker: StoredWalker,
    name: str | None,
    pending: StoredPlannedSession | None,
    facts: list[SessionFacts],
    open_flags: Mapping[int, int],
    today: date,
) -> PatientStatus:
    """One patient's line, from sessions of the last 30 days (`facts`, oldest first)."""
    plan = walker.prescription
    first = max(plan.start, today - timedelta(days=WINDOW_DAYS - 1))
    rest_weeks = load_protocol(plan.protocol).schedule.rest_day_weeks
    planned = planned_days(plan.start, plan.sessions_per_week, rest_weeks, first, today)
    last = facts[-1].on if facts else None
    if last is None and pending is not None:
        last = pending.state_before.last_walked_on
    units = walker.profile.units
    return PatientStatus(
        walker_id=walker.id,
        name=name or f"walker {walker.id}",
        who=f"{walker.profile.age} years, {condition_words(walker.profile)}",
        last_session=last,
        days_with_data=len({f.on for f in facts}),
        done=sum(1 for f in facts if f.done),
        planned=len(planned),
        pain=pain_trend(facts, today),
        dose=None
        if pending is None or not pending.decision.walk
        else dose_words(pending.decision.dose, units),
        open_flags=open_flags.get(walker.id, 0),
    )


def pain_trend(facts: list[SessionFacts], today: date) -> PainTrendWords:
    weeks: dict[int, list[int]] = {}
    for f in facts:
        worst = max(
            (p for p in (f.pain_during, f.pain_after, f.pain_next_morning) if p is not None),
            default=None,
        )
        if worst is not None:
            weeks.setdefault(week_number(f.on), []).append(worst)
    this_week = week_number(today)
    weekly = tuple(
        sum(weeks[w]) / len(weeks[w]) if w in weeks else None
        for w in range(this_week - TREND_WEEKS + 1, this_week + 1)
    )
    known = [m for m in weekly if m is not None]
    if len(known) < 2:
        word = "not enough pain reported"
    elif known[-1] - known[0] >= 1:
        word = "rising"
    elif known[0] - known[-1] >= 1:
        word = "falling"
    else:
        word = "steady"
    return PainTrendWords(weekly, word)


def dose_words(dose: Dose, units: UnitSystem) -> str:
    """'5 min at 1.2 mph, 2 % incline, both hands on the rails', in the walker's units."""
    parts = [f"{format_number(dose.minutes)} min"]
    if dose.speed is not None:
        parts[0] += f" at {dose.speed.describe(units.speed_unit)}"
    if dose.incline_percent:
        parts.append(f"{format_number(dose.incline_percent)} % incline")
    if dose.resistance_level is not None:
        parts.append(f"resistance {dose.resistance_level}")
    parts.append(dose.hands.describe())
    return ", ".join(parts)
