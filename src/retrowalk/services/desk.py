"""The clinician's desk: every patient's status at a glance, read in two queries per page
whatever the number of patients: every patient's id and open flag count, sorted; then for the
page shown only, one summary per patient counted by the store (`Clinic.patient_summaries`).

Adherence is counted as clinicians count it: days with a logged session in the last 30 days
(remote-monitoring billing in the US asks for at least 16), and sessions walked against the
sessions the plan's schedule held. Pain is the worst known pain of each session, averaged per
week over the last 4 weeks; unknown pain is left out, never counted as 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from retrowalk.domain.dose import Dose
from retrowalk.domain.schedule import planned_days
from retrowalk.domain.units import UnitSystem, format_number
from retrowalk.protocols import load_protocol
from retrowalk.services.answer_words import condition_words
from retrowalk.services.clinic_records import PatientSummary
from retrowalk.services.clock import Clock
from retrowalk.services.desk_access import require_clinician
from retrowalk.services.ports import UnitOfWork

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

    @property
    def weeks(self) -> str:
        """'1 → 1 → 2.3 → 1' ('–': no pain known that week); '' when no week has any."""
        if all(mean is None for mean in self.weekly):
            return ""
        return " → ".join("–" if m is None else format_number(m) for m in self.weekly)


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
        pages = max(1, -(-len(ordered) // PAGE_SIZE))
        page = min(max(1, page), pages)
        ids = [walker_id for walker_id, _ in ordered[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]]
        summaries = uow.clinic.patient_summaries(ids, *counted_from(today))
    patients = tuple(patient_status(summary, today) for summary in summaries)
    return Desk(clinician.name, patients, page, pages, len(ordered))


def counted_from(today: date) -> tuple[date, tuple[date, ...]]:
    """The 30-day window's first day, and the first day (a Monday, as `week_number` counts
    weeks) of each of the pain trend's weeks, the oldest first, this week last."""
    monday = today - timedelta(days=today.weekday())
    weeks = tuple(monday - timedelta(weeks=n) for n in reversed(range(TREND_WEEKS)))
    return today - timedelta(days=WINDOW_DAYS - 1), weeks


def patient_status(summary: PatientSummary, today: date) -> PatientStatus:
    """One patient's line, from what the store counted (`counted_from(today)`)."""
    plan = summary.prescription
    first = max(plan.start, today - timedelta(days=WINDOW_DAYS - 1))
    rest_weeks = load_protocol(plan.protocol).schedule.rest_day_weeks
    planned = planned_days(plan.start, plan.sessions_per_week, rest_weeks, first, today)
    dose = summary.dose
    return PatientStatus(
        walker_id=summary.walker_id,
        name=summary.name,
        who=f"{summary.age} years, {condition_words(summary)}",
        last_session=summary.last_session,
        days_with_data=summary.days_with_data,
        done=summary.done,
        planned=len(planned),
        pain=pain_trend(tuple(week.mean for week in summary.weekly_pain)),
        dose=None if dose is None else dose_words(dose, summary.units),
        open_flags=summary.open_flags,
    )


def pain_trend(weekly: tuple[float | None, ...]) -> PainTrendWords:
    """The weekly means, oldest first, in a word: rising or falling by a point or more between
    the first and the last week with pain known."""
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
